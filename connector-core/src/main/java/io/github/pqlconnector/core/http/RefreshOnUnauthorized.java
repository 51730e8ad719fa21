package io.github.pqlconnector.core.http;

import okhttp3.Authenticator;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.jspecify.annotations.Nullable;

/**
 * On a 401, refreshes the token once and retries the request with the new one; gives up (returns null, so
 * the 401 stands) when the request was already a retry or when refreshing yields the same token.
 */
public final class RefreshOnUnauthorized implements Authenticator {
  private static final String PREFIX = "Bearer ";
  private final TokenStore tokens;

  public RefreshOnUnauthorized(TokenStore tokens) {
    this.tokens = tokens;
  }

  @Override
  public @Nullable Request authenticate(@Nullable Route route, Response response) {
    if (response.priorResponse() != null) {
      return null;
    }
    String sent = response.request().header("Authorization");
    String rejected = sent != null && sent.startsWith(PREFIX) ? sent.substring(PREFIX.length()) : "";
    String fresh = tokens.refreshAfterRejection(rejected).reveal();
    if (fresh.equals(rejected)) {
      return null;
    }
    return response.request().newBuilder().header("Authorization", PREFIX + fresh).build();
  }
}
