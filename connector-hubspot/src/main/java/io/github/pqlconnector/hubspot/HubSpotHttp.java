package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.http.BearerToken;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.http.RefreshOnUnauthorized;
import io.github.pqlconnector.core.http.TokenStore;
import io.github.pqlconnector.core.http.VendorApis;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.hubspot.api.HubSpotApi;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * The HTTP stack of one HubSpot destination: a client derived from core's root client ({@link HttpClients}: shared
 * pool and dispatcher, redacting BASIC logger at DEBUG under {@code pql.http.hubspot}, {@code Authorization} hidden)
 * and the {@link HubSpotApi} Retrofit builds on it, validated eagerly. Every request carries {@code Authorization:
 * Bearer <token>}, read from the supplier per request so a rotated secret is picked up, plus what core adds to
 * every vendor request (user agent, operation name in the MDC). The whole call, retries and redirects included, times out after {@code callTimeout}.
 */
public final class HubSpotHttp {
  public static final String DEFAULT_BASE_URL = "https://api.hubapi.com/";
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  static final String VENDOR = "hubspot";

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
    return withClient(http.forVendor(VENDOR, List.of(new BearerToken(token)),
        UnaryOperator.identity(), callTimeout), baseUrl);
  }

  /** The stack on OAuth: tokens from {@code tokens}, refreshed before expiry and once after a 401. */
  public static HubSpotHttp create(HttpClients http, String baseUrl, TokenStore tokens) {
    return withClient(http.forVendor(VENDOR, List.of(new BearerToken(tokens::current)),
        UnaryOperator.identity(), DEFAULT_CALL_TIMEOUT, new RefreshOnUnauthorized(tokens)), baseUrl);
  }

  private static HubSpotHttp withClient(OkHttpClient client, String baseUrl) {
    return new HubSpotHttp(client, VendorApis.create(HubSpotApi.class, baseUrl, client));
  }

  public HubSpotApi api() {
    return api;
  }

  /** The derived client: it shares the root's pool and dispatcher, so there is nothing of its own to close. */
  public OkHttpClient client() {
    return client;
  }
}
