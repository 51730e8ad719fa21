package io.github.pqlconnector.sources.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pqlconnector.core.http.BearerToken;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.http.VendorApis;
import io.github.pqlconnector.core.http.WireJson;
import io.github.pqlconnector.core.secret.Secret;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * The HTTP stack of one source: a client derived from core's root ({@link HttpClients}: shared pool, redacting
 * logger at DEBUG under {@code pql.http.<vendor>} with {@code Authorization} hidden) carrying the auth header and
 * what core adds to every vendor request (user agent, operation name), and Retrofit APIs built on it. Exports are large and slow to start (Mixpanel
 * warns they can take minutes), so the call timeout is long; the read timeout still catches a stalled stream.
 */
public final class SourceHttp {
  public static final Duration CALL_TIMEOUT = Duration.ofHours(2);
  public static final Duration READ_TIMEOUT = Duration.ofMinutes(5);

  /** Vendor payloads are read tolerantly: vendors add fields. */
  public static final ObjectMapper WIRE = WireJson.create();

  private SourceHttp() {}

  /** HTTP Basic with {@code user:secret} (Mixpanel service accounts, Amplitude's API key and secret key). */
  public static Interceptor basicAuth(String user, Secret secret) {
    return chain -> chain.proceed(chain.request().newBuilder()
        .header("Authorization", Credentials.basic(user, secret.reveal())).build());
  }

  /** {@code Authorization: Bearer <key>} (PostHog personal API keys). */
  public static Interceptor bearer(Secret key) {
    return new BearerToken(() -> key);
  }

  public static OkHttpClient client(HttpClients http, String vendor, Interceptor auth) {
    return http.forVendor(vendor, List.of(auth), UnaryOperator.identity(), CALL_TIMEOUT).newBuilder()
        .readTimeout(READ_TIMEOUT).build();
  }

  /** A Retrofit API on {@code baseUrl} (a trailing / is added when missing), validated eagerly. */
  public static <T> T api(OkHttpClient client, String baseUrl, Class<T> type) {
    return VendorApis.create(type, baseUrl, client);
  }
}
