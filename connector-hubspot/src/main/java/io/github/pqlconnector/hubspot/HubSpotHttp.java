package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.config.Secret;
import io.github.pqlconnector.hubspot.api.HubSpotApi;
import io.github.pqlconnector.hubspot.api.HubSpotErrors;
import io.github.pqlconnector.hubspot.api.HubSpotJson;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The HTTP stack of one HubSpot destination: an OkHttp client derived from a root client (sharing its connection pool
 * and dispatcher) and the {@link HubSpotApi} Retrofit builds on it. Every request carries {@code Authorization:
 * Bearer <token>}, the token read from the supplier per request so a rotated secret is picked up; {@code User-Agent:
 * pql-connector}; and the operation name in the MDC key {@code vendorOperation}. Requests are logged at DEBUG through
 * SLF4J at {@code BASIC} level (method, URL, status, sizes; no headers, no bodies), with {@code Authorization}
 * redacted should the level ever be raised. The whole call, retries and redirects included, times out after 60 s.
 */
public final class HubSpotHttp {
  public static final String DEFAULT_BASE_URL = "https://api.hubapi.com/";
  public static final String USER_AGENT = "pql-connector";
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
  static final String MDC_OPERATION = "vendorOperation";
  private static final Logger log = LoggerFactory.getLogger(HubSpotHttp.class);

  private final OkHttpClient client;
  private final HubSpotApi api;

  private HubSpotHttp(OkHttpClient client, HubSpotApi api) {
    this.client = client;
    this.api = api;
  }

  /** Starts a stack for {@code baseUrl} (HubSpot's, or a sandbox/WireMock one) and the token to send. */
  public static Builder builder(String baseUrl, Supplier<Secret> token) {
    return new Builder(baseUrl, token);
  }

  public HubSpotApi api() {
    return api;
  }

  /** The derived client: it shares the root's pool and dispatcher, so there is nothing of its own to close. */
  public OkHttpClient client() {
    return client;
  }

  /** Options of a {@link HubSpotHttp}; only the base URL and the token are required. */
  public static final class Builder {
    private final String baseUrl;
    private final Supplier<Secret> token;
    private @Nullable OkHttpClient root;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private HttpLoggingInterceptor.Level logLevel = HttpLoggingInterceptor.Level.BASIC;

    private Builder(String baseUrl, Supplier<Secret> token) {
      this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
      this.token = Objects.requireNonNull(token, "token");
    }

    /** The shared root client to derive from (core's root client); a fresh one when not set, as in tests. */
    public Builder root(OkHttpClient rootClient) {
      this.root = rootClient;
      return this;
    }

    public Builder callTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("callTimeout must be positive, was " + timeout);
      }
      this.callTimeout = timeout;
      return this;
    }

    /** {@code BASIC} (the default) or {@code HEADERS}; {@code BODY} would log payloads and is refused. */
    public Builder logLevel(HttpLoggingInterceptor.Level level) {
      if (level == HttpLoggingInterceptor.Level.BODY) {
        throw new IllegalArgumentException("HubSpot request bodies are never logged; use BASIC or HEADERS");
      }
      this.logLevel = level;
      return this;
    }

    public HubSpotHttp build() {
      OkHttpClient client = (root != null ? root.newBuilder() : new OkHttpClient.Builder())
          .addInterceptor(userAgent())
          .addInterceptor(bearer(token))
          .addInterceptor(operationInMdc())
          .addInterceptor(logging(logLevel))   // last: logs the request as sent
          .callTimeout(callTimeout)
          .build();
      HubSpotApi api = new Retrofit.Builder()
          .baseUrl(baseUrl)
          .client(client)
          .addConverterFactory(JacksonConverterFactory.create(HubSpotJson.create()))
          .validateEagerly(true)
          .build()
          .create(HubSpotApi.class);
      return new HubSpotHttp(client, api);
    }
  }

  private static Interceptor userAgent() {
    return chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", USER_AGENT).build());
  }

  private static Interceptor bearer(Supplier<Secret> token) {
    return chain -> chain.proceed(chain.request().newBuilder()
        .header("Authorization", "Bearer " + token.get().reveal())
        .build());
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

  private static HttpLoggingInterceptor logging(HttpLoggingInterceptor.Level level) {
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor(message -> log.debug("{}", message));
    logging.redactHeader("Authorization");
    logging.redactHeader("Cookie");
    logging.setLevel(level);
    return logging;
  }
}
