package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.OneOf;
import io.github.pqlconnector.core.annotation.Required;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the connector gets an access token from {@code loginUrl}{@code /services/oauth2/token}:
 * {@code clientCredentials} (an External Client App's "Run As" user; {@code loginUrl} must be the org's My Domain),
 * {@code jwt} (RS256 assertion signed with {@code privateKey}, a PKCS#8 PEM from {@code ${file:…}}, for
 * {@code username}) or {@code refreshToken}. Salesforce does not say when a token expires, so it is renewed after
 * {@code sessionTimeout} (the org's session policy) and once after a 401 {@code INVALID_SESSION_ID}.
 */
public record SalesforceAuth(
    @JsonPropertyDescription("The OAuth flow: clientCredentials (an External Client App's Run As user), jwt (a"
        + " signed assertion for username) or refreshToken.")
    @OneOf({"clientCredentials", "jwt", "refreshToken"}) @Nullable String flow,
    @JsonPropertyDescription("The org's My Domain URL, e.g. https://acme.my.salesforce.com; tokens come from"
        + " <loginUrl>/services/oauth2/token.")
    @Required @Nullable String loginUrl,
    @JsonPropertyDescription("The External Client App's consumer key (not a secret).")
    @Required @Nullable String clientId,
    @JsonPropertyDescription("The External Client App's consumer secret, for clientCredentials and refreshToken; a"
        + " secret: write ${ENV_VAR} or ${file:/path}.")
    @Nullable Secret clientSecret,
    @JsonPropertyDescription("With jwt: the integration user the token is issued for, e.g. integration@acme.com.")
    @Nullable String username,
    @JsonPropertyDescription("With jwt: the PKCS#8 PEM private key that signs the assertion (RS256), a secret:"
        + " write ${file:/path}.")
    @Nullable Secret privateKey,
    @JsonPropertyDescription("With jwt: the assertion's audience; https://test.salesforce.com for sandboxes.")
    @Nullable String audience,
    @JsonPropertyDescription("With refreshToken: the refresh token, a secret: write ${ENV_VAR} or ${file:/path}.")
    @Nullable Secret refreshToken,
    @JsonPropertyDescription("The org's session timeout, at least 5m: Salesforce does not say when a token"
        + " expires, so the connector treats it as expiring after this.")
    @Nullable Duration sessionTimeout) {

  public static final String CLIENT_CREDENTIALS = "clientCredentials";
  public static final String JWT = "jwt";
  public static final String REFRESH_TOKEN = "refreshToken";
  static final List<String> FLOWS = List.of(CLIENT_CREDENTIALS, JWT, REFRESH_TOKEN);

  public SalesforceAuth {
    flow = flow != null ? flow : CLIENT_CREDENTIALS;
    audience = audience != null ? audience : "https://login.salesforce.com";
    sessionTimeout = sessionTimeout != null ? sessionTimeout : Duration.ofHours(2);
  }

  /** The token endpoint under {@code loginUrl}. */
  String tokenUrl() {
    String base = loginUrl == null ? "" : loginUrl;
    return (base.endsWith("/") ? base : base + "/") + "services/oauth2/token";
  }

  void validate(ConfigPath at, Problems problems) {
    if (!FLOWS.contains(flow)) {
      problems.add(at.child("flow"), "must be one of " + FLOWS + ", was '" + flow + "'");
      return;
    }
    if (loginUrl == null || !(loginUrl.startsWith("https://") || loginUrl.startsWith("http://"))) {
      problems.add(at.child("loginUrl"), "is required: the org's My Domain URL (https://acme.my.salesforce.com)");
    }
    if (clientId == null || clientId.isBlank()) {
      problems.add(at.child("clientId"), "is required (the consumer key of the External Client App)");
    }
    switch (flow) {
      case JWT -> {
        require(at.child("username"), username != null && !username.isBlank(), "the integration user", problems);
        require(at.child("privateKey"), privateKey != null, "use ${file:/run/secrets/salesforce.key}", problems);
      }
      case REFRESH_TOKEN -> {
        require(at.child("refreshToken"), refreshToken != null, "use ${SALESFORCE_REFRESH_TOKEN}", problems);
        require(at.child("clientSecret"), clientSecret != null, "use ${SALESFORCE_CLIENT_SECRET}", problems);
      }
      default -> require(at.child("clientSecret"), clientSecret != null, "use ${SALESFORCE_CLIENT_SECRET}", problems);
    }
    if (sessionTimeout.compareTo(Duration.ofMinutes(5)) < 0) {
      problems.add(at.child("sessionTimeout"), "must be at least 5m (Salesforce's shortest session timeout is 15m)");
    }
  }

  private static void require(ConfigPath at, boolean present, String hint, Problems problems) {
    if (!present) {
      problems.add(at, "is required for this flow (" + hint + ")");
    }
  }
}
