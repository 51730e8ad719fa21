package io.github.pqlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.resilience.ResilienceSettings;
import io.github.pqlconnector.core.resilience.VendorResilience;
import io.github.pqlconnector.core.secret.Secret;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;

/** VendorCall over real HTTP (WireMock): Retry-After honoured, only retryable failures retried, breaker, limiter. */
@WireMockTest
class VendorCallTest {
  interface ThingApi {
    @GET("thing")
    Call<Map<String, Object>> thing();

    @POST("things")
    Call<Map<String, Object>> create(@Body Map<String, Object> thing);
  }

  /** A minimal vendor mapping: 429 → RATE_LIMITED with Retry-After, 5xx → TRANSIENT, else INVALID_REQUEST. */
  static final class Errors implements ErrorMapper {
    @Override
    public VendorException fromResponse(Response<?> response, String operation) {
      int status = response.code();
      ErrorCategory category = status == 429 ? ErrorCategory.RATE_LIMITED
          : status >= 500 ? ErrorCategory.TRANSIENT : ErrorCategory.INVALID_REQUEST;
      Duration retryAfter = Optional.ofNullable(response.headers().get("Retry-After"))
          .map(s -> Duration.ofSeconds(Long.parseLong(s))).orElse(null);
      return new VendorException("test", category, status, operation + ": HTTP " + status, retryAfter);
    }

    @Override
    public VendorException fromFailure(IOException failure, String operation) {
      return new VendorException("test", ErrorCategory.TRANSIENT, 0, operation + ": " + failure.getMessage(), null);
    }
  }

  ThingApi api;
  VendorResilience resilience;

  @BeforeEach
  void client(WireMockRuntimeInfo wm) {
    resilience = new VendorResilience("test/crm", ResilienceSettings.builder()
        .requests(3, Duration.ofSeconds(1)).searches(1, Duration.ofSeconds(1)).attempts(4, Duration.ofMillis(50))
        .maxRetryAfter(Duration.ofSeconds(5)).breaker(4, 50f, Duration.ofSeconds(30)).build());
    OkHttpClient http = new HttpClients().forVendor("test", List.of(new BearerToken(() -> new Secret("tok-123"))),
        url -> url, Duration.ofSeconds(5));
    api = new Retrofit.Builder().baseUrl(wm.getHttpBaseUrl() + "/").client(http)
        .addConverterFactory(JacksonConverterFactory.create()).build().create(ThingApi.class);
  }

  @Test
  void rateLimitedCallIsRetriedAfterRetryAfterSeconds() {
    stubFor(get("/thing").inScenario("429").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
    stubFor(get("/thing").inScenario("429").whenScenarioStateIs("ok")
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"ok\":true}")));
    long start = System.nanoTime();
    Map<String, Object> body = new VendorCall(new Errors(), resilience).execute(api.thing());
    assertThat(body).containsEntry("ok", true);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    verify(2, getRequestedFor(urlEqualTo("/thing")));
  }

  @Test
  void invalidRequestIsNotRetriedAndKeepsItsCategory() {
    stubFor(get("/thing").willReturn(aResponse().withStatus(400)));
    assertThatThrownBy(() -> new VendorCall(new Errors(), resilience).execute(api.thing()))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
          assertThat(e.getMessage()).isEqualTo("test: ThingApi.thing: HTTP 400").doesNotContain("tok-123");
        });
    verify(1, getRequestedFor(urlEqualTo("/thing")));
  }

  @Test
  void aServerErrorStormOpensTheBreakerAndLaterCallsFailFast() {
    stubFor(get("/thing").willReturn(aResponse().withStatus(503)));
    VendorCall call = new VendorCall(new Errors(), resilience);
    assertThatThrownBy(() -> call.execute(api.thing())).isInstanceOf(VendorException.class);
    assertThat(resilience.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThatThrownBy(() -> call.execute(api.thing())).isInstanceOfSatisfying(VendorException.class,
        e -> assertThat(e.getMessage()).contains("circuit open"));
    verify(4, getRequestedFor(urlEqualTo("/thing")));
  }

  @Test
  void callsBeyondTheLimitWaitForPermitsInsteadOfFailing() {
    stubFor(get("/thing").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
    VendorCall call = new VendorCall(new Errors(), resilience);
    long start = System.nanoTime();
    for (int i = 0; i < 7; i++) {
      call.execute(api.thing());
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("7 calls at 3 per second need two refills")
        .isGreaterThanOrEqualTo(Duration.ofMillis(1_500));
    verify(7, getRequestedFor(urlEqualTo("/thing")));
  }

  @Test
  void aCreateWhoseConnectionIsResetAfterSendingIsNotSentAgain() {
    stubFor(post("/things").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    VendorCall call = new VendorCall(new Errors(), resilience);
    assertThatThrownBy(() -> call.executeCreate(api.create(Map.of("name", "a"))))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.retryable()).as("the caller may look and try again").isTrue();
          assertThat(e.certainlyNotApplied()).isFalse();
        });
    verify(1, postRequestedFor(urlEqualTo("/things")));
  }

  @Test
  void aCreateAnsweredWithAServerErrorIsNotSentAgain() {
    stubFor(post("/things").willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(() -> new VendorCall(new Errors(), resilience).executeCreate(api.create(Map.of("name", "a"))))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT));
    verify(1, postRequestedFor(urlEqualTo("/things")));
  }

  @Test
  void aRateLimitedCreateWasNotAppliedAndIsSentAgain() {
    stubFor(post("/things").inScenario("429").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")).willSetStateTo("ok"));
    stubFor(post("/things").inScenario("429").whenScenarioStateIs("ok")
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"id\":\"7\"}")));
    Map<String, Object> created = new VendorCall(new Errors(), resilience).executeCreate(api.create(Map.of("n", "a")));
    assertThat(created).containsEntry("id", "7");
    verify(2, postRequestedFor(urlEqualTo("/things")));
  }

  @Test
  void aCreateThatNeverReachedTheVendorIsSentAgain() throws IOException {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ThingApi nowhere = new Retrofit.Builder().baseUrl("http://127.0.0.1:" + closedPort + "/")
        .client(new HttpClients().forVendor("test", List.of(), url -> url, Duration.ofSeconds(5)))
        .addConverterFactory(JacksonConverterFactory.create()).build().create(ThingApi.class);
    assertThatThrownBy(() -> new VendorCall(new Errors(), resilience).executeCreate(nowhere.create(Map.of("n", "a"))))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.certainlyNotApplied()).isTrue());
  }
}
