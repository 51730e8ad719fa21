package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.http.TokenStore;
import io.github.pqlconnector.core.http.WireJson;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.salesforce.api.OAuthError;
import io.github.pqlconnector.salesforce.api.SalesforceErrors;
import io.github.pqlconnector.salesforce.api.TokenResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * Runs the configured OAuth grant against {@code <loginUrl>/services/oauth2/token} and remembers the
 * {@code instance_url} it answers with, where every data call then goes. A refused grant (revoked refresh token,
 * unapproved user, wrong secret) ends the run as AUTH with what to do; token bodies are never logged or quoted.
 */
final class SalesforceTokens implements TokenStore.Refresher {
  private static final ObjectMapper JSON = WireJson.create();

  private final SalesforceAuth auth;
  private final OkHttpClient http;
  private final Clock clock;
  private final AtomicReference<HttpUrl> instanceUrl = new AtomicReference<>();

  SalesforceTokens(SalesforceAuth auth, OkHttpClient http, Clock clock) {
    this.auth = auth;
    this.http = http;
    this.clock = clock;
  }

  /** The org's instance from the last token; null before the first grant. */
  @Nullable HttpUrl instanceUrl() {
    return instanceUrl.get();
  }

  @Override
  public TokenStore.Token refresh() {
    Request request = new Request.Builder().url(auth.tokenUrl()).post(form()).build();
    try (Response response = http.newCall(request).execute(); ResponseBody body = response.body()) {
      String text = body == null ? "" : body.string();
      if (!response.isSuccessful()) {
        throw refused(response.code(), text);
      }
      TokenResponse token = JSON.readValue(text, TokenResponse.class);
      HttpUrl instance = token.instanceUrl() == null ? null : HttpUrl.parse(token.instanceUrl());
      if (token.accessToken() == null || instance == null) {
        throw new VendorException(SalesforceErrors.VENDOR, ErrorCategory.AUTH, response.code(),
            "OAuth token: the answer has no access_token or instance_url", null);
      }
      instanceUrl.set(instance);
      return new TokenStore.Token(new Secret(token.accessToken()), clock.instant().plus(auth.sessionTimeout()));
    } catch (IOException e) {
      throw new VendorException(SalesforceErrors.VENDOR, ErrorCategory.TRANSIENT, 0,
          "OAuth token: " + e.getClass().getSimpleName(), null);
    }
  }

  private FormBody form() {
    FormBody.Builder form = new FormBody.Builder();
    switch (auth.flow()) {
      case SalesforceAuth.JWT -> form.add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
          .add("assertion", SalesforceJwt.assertion(auth.clientId(), auth.username(), auth.audience(),
              auth.privateKey(), clock.instant()));
      case SalesforceAuth.REFRESH_TOKEN -> form.add("grant_type", "refresh_token")
          .add("refresh_token", auth.refreshToken().reveal()).add("client_id", auth.clientId())
          .add("client_secret", auth.clientSecret().reveal());
      default -> form.add("grant_type", "client_credentials").add("client_id", auth.clientId())
          .add("client_secret", auth.clientSecret().reveal());
    }
    return form.build();
  }

  private VendorException refused(int status, String body) {
    if (status >= 500 || status == 429) {
      return new VendorException(SalesforceErrors.VENDOR, ErrorCategory.TRANSIENT, status,
          "OAuth token: HTTP " + status, null);
    }
    OAuthError error = parse(body);
    String code = error.error() == null ? "" : " " + error.error();
    String detail = error.description() == null ? "" : " (" + error.description() + ")";
    return new VendorException(SalesforceErrors.VENDOR, ErrorCategory.AUTH, status,
        "OAuth token: HTTP " + status + code + detail + ": " + whatToDo(), null);
  }

  private String whatToDo() {
    return switch (auth.flow()) {
      case SalesforceAuth.REFRESH_TOKEN -> "the refresh token was refused (revoked, expired or from another app);"
          + " authorize the app again and set the new refresh token in auth.refreshToken";
      case SalesforceAuth.JWT -> "check auth.clientId, auth.username, that the certificate uploaded to the app"
          + " matches auth.privateKey, and that the user is pre-authorized for the app";
      default -> "check auth.clientId and auth.clientSecret, that auth.loginUrl is the org's My Domain, and that"
          + " the app has client credentials enabled with a Run As user";
    };
  }

  private static OAuthError parse(String body) {
    try {
      OAuthError error = JSON.readValue(body, OAuthError.class);
      return error == null ? new OAuthError(null, null) : error;
    } catch (IOException | RuntimeException e) {
      return new OAuthError(null, null);
    }
  }
}
