package io.github.pqlconnector.core.http;

import io.github.pqlconnector.core.secret.Secret;
import java.io.IOException;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Adds {@code Authorization: Bearer …} from a token supplier (a static secret or a refreshing token store). */
public final class BearerToken implements Interceptor {
  private final Supplier<Secret> token;

  public BearerToken(Supplier<Secret> token) {
    this.token = token;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(chain.request().newBuilder().header("Authorization", "Bearer " + token.get().reveal()).build());
  }
}
