package io.github.pqlconnector.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.http.TokenStore;
import io.github.pqlconnector.core.secret.Secret;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The refresh-token grant against HubSpot's token endpoint. A refused refresh token (revoked, or from another
 * app) ends the run as AUTH with what to do; the response body, which holds tokens, is never logged or quoted.
 */
final class HubSpotTokenRefresher implements TokenStore.Refresher {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HubSpotOAuth oauth;
  private final OkHttpClient http;
  private final Clock clock;

  HubSpotTokenRefresher(HubSpotOAuth oauth, OkHttpClient http, Clock clock) {
    this.oauth = oauth;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public TokenStore.Token refresh() {
    FormBody form = new FormBody.Builder().add("grant_type", "refresh_token").add("client_id", oauth.clientId())
        .add("client_secret", oauth.clientSecret().reveal()).add("refresh_token", oauth.refreshToken().reveal())
        .build();
    Request request = new Request.Builder().url(oauth.tokenUrl()).post(form).build();
    try (Response response = http.newCall(request).execute(); ResponseBody body = response.body()) {
      if (!response.isSuccessful()) {
        throw refused(response.code());
      }
      JsonNode token = JSON.readTree(body == null ? "{}" : body.string());
      long seconds = token.path("expires_in").asLong(1800);
      return new TokenStore.Token(new Secret(token.path("access_token").asText()),
          clock.instant().plus(Duration.ofSeconds(seconds)));
    } catch (IOException e) {
      throw new VendorException("hubspot", ErrorCategory.TRANSIENT, 0,
          "OAuth token refresh: " + e.getClass().getSimpleName(), null);
    }
  }

  private static VendorException refused(int status) {
    if (status >= 500 || status == 429) {
      return new VendorException("hubspot", ErrorCategory.TRANSIENT, status, "OAuth token refresh: HTTP " + status, null);
    }
    return new VendorException("hubspot", ErrorCategory.AUTH, status, "OAuth token refresh: HTTP " + status
        + ": the refresh token was refused (revoked, expired or from another app); reinstall the app in the HubSpot"
        + " portal and set the new refresh token in oauth.refreshToken", null);
  }
}
