package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.Required;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import org.jspecify.annotations.Nullable;

/**
 * OAuth 2.0 for a Bitrix24 local or marketplace app (b24restdocs settings/oauth): the app's client id and secret, the
 * portal's first refresh token, and {@code tokenFile}, where the connector keeps the current access and refresh token
 * (Bitrix24 issues a new refresh token with every refresh, and says to refresh only when a call answers {@code
 * expired_token}, not on a timer or per run).
 */
public record Bitrix24OAuth(
    @JsonPropertyDescription("The app's client id.")
    @Required @Nullable String clientId,
    @JsonPropertyDescription("The app's client secret, a secret: write ${ENV_VAR} or ${file:/path}.")
    @Required @Nullable Secret clientSecret,
    @JsonPropertyDescription("The portal's first refresh token, a secret: write ${ENV_VAR} or ${file:/path}; later"
        + " ones are kept in tokenFile.")
    @Required @Nullable Secret refreshToken,
    @JsonPropertyDescription("A file the connector may write where it keeps the current access and refresh token,"
        + " e.g. ./data/bitrix24-tokens.json; Bitrix24 issues a new refresh token with every refresh.")
    @Required @Nullable String tokenFile,
    @JsonPropertyDescription("The URL tokens are refreshed at.")
    @Nullable String tokenUrl) {

  public static final String DEFAULT_TOKEN_URL = "https://oauth.bitrix.info/oauth/token/";

  public Bitrix24OAuth {
    tokenUrl = tokenUrl != null ? tokenUrl : DEFAULT_TOKEN_URL;
  }

  void validate(ConfigPath at, Problems problems) {
    if (clientId == null || clientId.isBlank()) {
      problems.add(at.child("clientId"), "is required (the app's client id)");
    }
    if (clientSecret == null) {
      problems.add(at.child("clientSecret"), "is required (use ${BITRIX24_CLIENT_SECRET})");
    }
    if (refreshToken == null) {
      problems.add(at.child("refreshToken"), "is required (use ${BITRIX24_REFRESH_TOKEN})");
    }
    if (tokenFile == null || tokenFile.isBlank()) {
      problems.add(at.child("tokenFile"), "is required: a file the connector may write, where it keeps the rotated "
          + "tokens (e.g. ./data/bitrix24-tokens.json)");
    }
    if (!tokenUrl.startsWith("https://") && !tokenUrl.startsWith("http://")) {
      problems.add(at.child("tokenUrl"), "must be an http(s) URL");
    }
  }
}
