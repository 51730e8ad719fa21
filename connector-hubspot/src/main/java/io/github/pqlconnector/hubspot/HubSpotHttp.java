package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.config.Secret;
import io.github.pqlconnector.core.http.BearerToken;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.hubspot.api.HubSpotApi;
import io.github.pqlconnector.hubspot.api.HubSpotErrors;
import io.github.pqlconnector.core.http.WireJson;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import io.github.pqlconnector.core.http.RefreshOnUnauthorized;
import io.github.pqlconnector.core.http.TokenStore;
import java.util.function.UnaryOperator;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.slf4j.MDC;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The HTTP stack of one HubSpot destination: a client derived from core's root client ({@link HttpClients}: shared
 * pool and dispatcher, redacting BASIC logger at DEBUG under {@code pql.http.hubspot}, {@code Authorization} hidden)
 * and the {@link HubSpotApi} Retrofit builds on it, validated eagerly. Every request carries {@code Authorization:
 * Bearer <token>}, read from the supplier per request so a rotated secret is picked up, and {@code User-Agent:
 * pql-connector}; the operation name ({@code HubSpotApi.batchUpsert}) sits in the MDC key {@code vendorOperation}
 * while the request runs. The whole call, retries and redirects included, times out after {@code callTimeout}.
 */
public final class HubSpotHttp {
  public static final String DEFAULT_BASE_URL = "https://api.hubapi.com/";
  public static final String USER_AGENT = "pql-connector";
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  static final String VENDOR = "hubspot";
  static final String MDC_OPERATION = "vendorOperation";

  private final OkHttpClient client;
  private final HubSpotApi api;

  private HubSpotHttp(OkHttpClient client, HubSpotApi api) {
    this.client = client;
    this.api = api;
  }

  /** The stack for {@code baseUrl} (HubSpot's, or a sandbox/WireMock one) with a 60 s call timeout. */
  public static HubSpotHttp create(HttpClients http, String baseUrl, Supplier<Secret> token) {
    return create(http, baseUrl, token, DEFAULT_CALL_TIMEOUT);
  }

  public static HubSpotHttp create(HttpClients http, String baseUrl, Supplier<Secret> token, Duration callTimeout) {
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be positive, was " + callTimeout);
    }
    return withClient(http.forVendor(VENDOR, List.of(userAgent(), new BearerToken(token), operationInMdc()),
        UnaryOperator.identity(), callTimeout), baseUrl);
  }

  /** The stack on OAuth: tokens from {@code tokens}, refreshed before expiry and once after a 401. */
  public static HubSpotHttp create(HttpClients http, String baseUrl, TokenStore tokens) {
    return withClient(http.forVendor(VENDOR, List.of(userAgent(), new BearerToken(tokens::current), operationInMdc()),
        UnaryOperator.identity(), DEFAULT_CALL_TIMEOUT, new RefreshOnUnauthorized(tokens)), baseUrl);
  }

  private static HubSpotHttp withClient(OkHttpClient client, String baseUrl) {
    HubSpotApi api = new Retrofit.Builder()
        .baseUrl(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/")
        .client(client)
        .addConverterFactory(JacksonConverterFactory.create(WireJson.create()))
        .validateEagerly(true)
        .build()
        .create(HubSpotApi.class);
    return new HubSpotHttp(client, api);
  }

  public HubSpotApi api() {
    return api;
  }

  /** The derived client: it shares the root's pool and dispatcher, so there is nothing of its own to close. */
  public OkHttpClient client() {
    return client;
  }

  private static Interceptor userAgent() {
    return chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", USER_AGENT).build());
  }

  private static Interceptor operationInMdc() {
    return chain -> {
      MDC.put(MDC_OPERATION, HubSpotErrors.operation(chain.request()));
      try {
        return chain.proceed(chain.request());
      } finally {
        MDC.remove(MDC_OPERATION);
      }
    };
  }
}
