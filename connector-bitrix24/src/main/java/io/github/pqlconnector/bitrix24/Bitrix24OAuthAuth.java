package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.bitrix24.api.Bitrix24Categories;
import io.github.pqlconnector.bitrix24.api.Bitrix24Errors;
import io.github.pqlconnector.core.http.TokenStore;
import okhttp3.Authenticator;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.jspecify.annotations.Nullable;

/**
 * OAuth on Bitrix24: the access token goes in the {@code auth} query parameter (settings/oauth/index.md; core's HTTP
 * logger hides {@code auth=}), and a 401 is answered with one refresh only when its code is {@code expired_token}
 * (other 401s, such as {@code NO_AUTH_FOUND}, a refresh cannot cure), and only when the request was not already a
 * retry and carried the token that is still current.
 */
final class Bitrix24OAuthAuth implements Authenticator {
  static final String PARAM = "auth";
  private static final long PEEK_BYTES = 4_096;

  private final TokenStore tokens;

  Bitrix24OAuthAuth(TokenStore tokens) {
    this.tokens = tokens;
  }

  Interceptor interceptor() {
    return chain -> chain.proceed(withToken(chain.request(), tokens.current().reveal()));
  }

  @Override
  public @Nullable Request authenticate(@Nullable Route route, Response response) throws java.io.IOException {
    if (response.priorResponse() != null) {
      return null;
    }
    String code = Bitrix24Errors.read(response.peekBody(PEEK_BYTES)).code();
    if (!Bitrix24Categories.EXPIRED_TOKEN.equals(code)) {
      return null;
    }
    String rejected = response.request().url().queryParameter(PARAM);
    String fresh = tokens.refreshAfterRejection(rejected == null ? "" : rejected).reveal();
    return fresh.equals(rejected) ? null : withToken(response.request(), fresh);
  }

  private static Request withToken(Request request, String token) {
    HttpUrl url = request.url().newBuilder().setQueryParameter(PARAM, token).build();
    return request.newBuilder().url(url).build();
  }
}
