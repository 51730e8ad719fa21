package io.github.pqlconnector.hubspot;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.Required;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import org.jspecify.annotations.Nullable;

/**
 * OAuth for a public (multi-account) HubSpot app: the app's client id and secret and the portal's refresh token.
 * Access tokens (30 minutes) are fetched from {@code tokenUrl} and refreshed before they expire.
 */
public record HubSpotOAuth(
    @JsonPropertyDescription("The public app's client id.")
    @Required @Nullable String clientId,
    @JsonPropertyDescription("The app's client secret, a secret: write ${ENV_VAR} or ${file:/path}.")
    @Required @Nullable Secret clientSecret,
    @JsonPropertyDescription("The refresh token from installing the app in the account, a secret: write ${ENV_VAR}"
        + " or ${file:/path}.")
    @Required @Nullable Secret refreshToken,
    @JsonPropertyDescription("The URL access tokens are fetched from; they last 30 minutes and are refreshed"
        + " before they expire.")
    @Nullable String tokenUrl) {

  public static final String DEFAULT_TOKEN_URL = "https://api.hubapi.com/oauth/v1/token";

  public HubSpotOAuth {
    tokenUrl = tokenUrl != null ? tokenUrl : DEFAULT_TOKEN_URL;
  }

  void validate(ConfigPath at, Problems problems) {
    if (clientId == null || clientId.isBlank()) {
      problems.add(at.child("clientId"), "is required (the app's client id)");
    }
    if (clientSecret == null) {
      problems.add(at.child("clientSecret"), "is required (use ${HUBSPOT_CLIENT_SECRET})");
    }
    if (refreshToken == null) {
      problems.add(at.child("refreshToken"), "is required (use ${HUBSPOT_REFRESH_TOKEN})");
    }
    if (!tokenUrl.startsWith("https://") && !tokenUrl.startsWith("http://")) {
      problems.add(at.child("tokenUrl"), "must be an http(s) URL");
    }
  }
}
