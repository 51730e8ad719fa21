package io.github.pqlconnector.sources.amplitude;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.sources.amplitude.AmplitudeZips.zipOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.sources.http.CollectingSink;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Amplitude's Export API as documented: GET /api/2/export?start=&end= (upload hours), Basic auth, zip of gzip. */
@WireMockTest
class AmplitudeContractTest {
  static final String API_KEY = "fake-amplitude-api-key-0000";
  static final String SECRET_KEY = "fake-amplitude-secret-key-0000";
  private static final String EXPORT = "/api/2/export";
  private static final Instant DAY = Instant.parse("2025-11-01T00:00:00Z");
  private static final ReadRequest ONE_DAY = new ReadRequest(null, DAY, DAY.plusSeconds(86_400), Set.of("plan"));
  private static final String DAY_ONE = "281811_2025-11-01_0#0.json";
  private static final String LATE_UPLOADS = "281811_2025-11-02_1#0.json";

  @Test
  void readsUploadHoursUpToTwoHoursAfterTheWindowAndKeepsEventsByEventTime(WireMockRuntimeInfo wm) {
    stubExport("20251101T00", "20251101T23", zip(zipOf(DAY_ONE)));
    stubExport("20251102T00", "20251102T01", zip(zipOf(LATE_UPLOADS)));
    CollectingSink sink = new CollectingSink();

    try (AmplitudeSource source = source(wm.getHttpBaseUrl())) {
      assertThat(source.readEvents(ONE_DAY, sink).eventsRead()).isEqualTo(2);
    }

    String basic = "Basic " + Base64.getEncoder().encodeToString((API_KEY + ":" + SECRET_KEY)
        .getBytes(StandardCharsets.UTF_8));
    verify(2, getRequestedFor(urlPathEqualTo(EXPORT)).withHeader("Authorization", equalTo(basic)));
    assertThat(sink.events).containsExactly(
        new Event("report_created", Instant.parse("2025-11-01T00:57:33.008Z").toEpochMilli(), "155683", "acme", null,
            Map.of("plan", "trial")),
        new Event("pricing_viewed", Instant.parse("2025-11-01T23:30:00Z").toEpochMilli(), "155685", "globex", null,
            Map.of("plan", "pro")));
    assertThat(sink.rejects).containsExactly("281811/" + DAY_ONE + ".gz:4: missing or invalid \"event_time\" "
        + "(expected 2022-11-14 00:57:33.008000)");
  }

  @Test
  void noDataIsA404AndNotAnError(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(EXPORT)).willReturn(aResponse().withStatus(404)));
    CollectingSink sink = new CollectingSink();
    try (AmplitudeSource source = source(wm.getHttpBaseUrl())) {
      assertThat(source.readEvents(ONE_DAY, sink).eventsRead()).isZero();
    }
  }

  @Test
  void aTruncatedArchiveFailsTheWindow(WireMockRuntimeInfo wm) {
    byte[] whole = zipOf(DAY_ONE);
    stubExport("20251101T00", "20251101T23", zip(Arrays.copyOf(whole, whole.length - 30)));

    try (AmplitudeSource source = source(wm.getHttpBaseUrl())) {
      assertThatThrownBy(() -> source.readEvents(ONE_DAY, new CollectingSink()))
          .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT))
          .hasMessageStartingWith("amplitude export 20251101T00–20251101T23 (events): the export stream broke off");
    }
  }

  @Test
  void a429IsWaitedOutAfterRetryAfter(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(EXPORT)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
            .withBody("Too many requests"))
        .willSetStateTo("waited"));
    stubFor(get(urlPathEqualTo(EXPORT)).inScenario("limit").whenScenarioStateIs("waited")
        .willReturn(aResponse().withStatus(404)));
    try (AmplitudeSource source = source(wm.getHttpBaseUrl())) {
      assertThat(source.readEvents(ONE_DAY, new CollectingSink()).eventsRead()).isZero();
    }
    verify(3, getRequestedFor(urlPathEqualTo(EXPORT)));
  }

  @Test
  void refusedKeysFailWithWhatToCheckAndNoSecret(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(EXPORT)).willReturn(aResponse().withStatus(401)
        .withBody("Invalid API key: " + "fake-amplitude-api-...")));
    try (AmplitudeSource source = source(wm.getHttpBaseUrl())) {
      assertThatThrownBy(() -> source.readEvents(ONE_DAY, new CollectingSink()))
          .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH))
          .hasMessageContaining("HTTP 401 AUTH").hasMessageContaining("check sources.product.apiKey and secretKey")
          .hasMessageNotContaining(SECRET_KEY);
      CheckResult check = source.check();
      assertThat(check.status()).isEqualTo(CheckResult.Status.AUTH);
    }
  }

  @Test
  void userAndGroupPropertiesAreTraits(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(EXPORT)).willReturn(zip(zipOf(DAY_ONE, LATE_UPLOADS))));
    CollectingSink sink = new CollectingSink();

    try (AmplitudeSource source = source(wm.getHttpBaseUrl())) {
      source.readTraits(EntityLevel.ACCOUNT, sink);
      source.readTraits(EntityLevel.USER, sink);
      assertThat(source.check().isOk()).isTrue();
    }

    assertThat(sink.traits).filteredOn(t -> t.entity().level() == EntityLevel.ACCOUNT)
        .singleElement().satisfies(t -> assertThat(t.values()).isEqualTo(Map.of("employees", "250",
            "industry", "SaaS")));
    assertThat(sink.traits).filteredOn(t -> t.entity().id().equals("155683")).singleElement()
        .satisfies(t -> assertThat(t.values()).containsEntry("email", "ana@example.com")
            .containsEntry("accountId", "acme"));
    assertThat(sink.traits).filteredOn(t -> t.entity().id().equals("155685")).singleElement()
        .satisfies(t -> assertThat(t.values()).containsEntry("plan", "pro").containsEntry("accountId", "globex"));
  }

  private static void stubExport(String start, String end, ResponseDefinitionBuilder response) {
    stubFor(get(urlPathEqualTo(EXPORT)).withQueryParam("start", equalTo(start)).withQueryParam("end", equalTo(end))
        .willReturn(response));
  }

  private static ResponseDefinitionBuilder zip(byte[] body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/zip").withBody(body);
  }

  static AmplitudeSource source(String baseUrl) {
    AmplitudeConfig config = new AmplitudeConfig(new Secret(API_KEY), new Secret(SECRET_KEY), "eu", baseUrl,
        "company_id", Duration.ofHours(2), Duration.ofDays(1));
    Clock clock = Clock.fixed(Instant.parse("2025-11-03T10:00:00Z"), ZoneOffset.UTC);
    return new AmplitudeSource(config, "product", new HttpClients(), clock);
  }
}
