package io.github.pqlconnector.sources.mixpanel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.sources.mixpanel.MixpanelStubs.BASIC;
import static io.github.pqlconnector.sources.mixpanel.MixpanelStubs.SECRET;
import static io.github.pqlconnector.sources.mixpanel.MixpanelStubs.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.sources.http.CollectingSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The Raw Event Export API as Mixpanel documents it: GET /api/2.0/export, Basic auth, JSON Lines (gzip). */
@WireMockTest
class MixpanelExportContractTest {
  private static final Instant DAY = Instant.parse("2025-11-01T00:00:00Z");
  private static final ReadRequest ONE_DAY = new ReadRequest(null, DAY, DAY.plusSeconds(86_400), Set.of("plan"));

  @Test
  void readsOneDayInTheWindowDedupedOnInsertIdWithTheDocumentedRequest(WireMockRuntimeInfo wm) {
    stubExport("2025-11-01", aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
        .withBody(fixture("export-2026-11-01.jsonl")));
    CollectingSink sink = new CollectingSink();

    ReadResult result;
    try (MixpanelSource source = MixpanelStubs.source(wm.getHttpBaseUrl())) {
      result = source.readEvents(ONE_DAY, sink);
    }

    verify(getRequestedFor(urlPathEqualTo("/api/2.0/export")).withQueryParam("project_id", equalTo("12345"))
        .withQueryParam("from_date", equalTo("2025-11-01")).withQueryParam("to_date", equalTo("2025-11-01"))
        .withQueryParam("time_in_ms", equalTo("true")).withHeader("Authorization", equalTo(BASIC)));
    assertThat(sink.events).containsExactly(
        new Event("Signed up", 1761955200000L, "u-1", "acme", null, Map.of("plan", "trial")),
        new Event("Report Created", 1761998400123L, "u-2", "globex", null, Map.of("plan", "pro")),
        new Event("Viewed Pricing", 1762041599000L, "u-2", null, null, Map.of()));
    assertThat(sink.rejects).containsExactly(
        "mixpanel export 2025-11-01:5: missing or non-numeric \"properties.time\"");
    assertThat(result.eventsRead()).isEqualTo(3);
    assertThat(result.cursor()).isNull();
  }

  @Test
  void aGzipBodyIsReadAsTheSameEvents(WireMockRuntimeInfo wm) throws IOException {
    stubExport("2025-11-01", aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
        .withHeader("Content-Encoding", "gzip").withBody(gzip(fixture("export-2026-11-01.jsonl"))));
    CollectingSink sink = new CollectingSink();

    try (MixpanelSource source = MixpanelStubs.source(wm.getHttpBaseUrl())) {
      source.readEvents(ONE_DAY, sink);
    }

    assertThat(sink.events).extracting(Event::name).containsExactly("Signed up", "Report Created", "Viewed Pricing");
  }

  @Test
  void oneRequestPerDayOfTheWindow(WireMockRuntimeInfo wm) {
    stubExport("2025-11-01", aResponse().withStatus(200).withBody(fixture("export-2026-11-01.jsonl")));
    stubExport("2025-11-02", aResponse().withStatus(200).withBody(
        "{\"event\":\"Signed up\",\"properties\":{\"time\":1762041600000,\"distinct_id\":\"u-9\",\"$insert_id\":\"n\"}}\n"));
    CollectingSink sink = new CollectingSink();

    try (MixpanelSource source = MixpanelStubs.source(wm.getHttpBaseUrl())) {
      source.readEvents(new ReadRequest(null, DAY, DAY.plusSeconds(2 * 86_400), Set.of()), sink);
    }

    assertThat(sink.events).extracting(Event::userId).containsExactly("u-1", "u-2", "u-2", "u-9");
  }

  @Test
  void aTruncatedExportFailsTheWindow(WireMockRuntimeInfo wm) {
    stubExport("2025-11-01", aResponse().withStatus(200)
        .withBody(fixture("export-2026-11-01.jsonl") + "terminated early\n"));

    try (MixpanelSource source = MixpanelStubs.source(wm.getHttpBaseUrl())) {
      assertThatThrownBy(() -> source.readEvents(ONE_DAY, new CollectingSink()))
          .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT))
          .hasMessageContaining("mixpanel export of 2025-11-01: the export stream broke off")
          .hasMessageContaining("terminated early");
    }
  }

  @Test
  void a429IsWaitedOutAfterRetryAfter(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo("/api/2.0/export")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
            .withBody("{\"error\": \"Query rate limit exceeded\", \"status\": \"error\"}"))
        .willSetStateTo("waited"));
    stubFor(get(urlPathEqualTo("/api/2.0/export")).inScenario("limit").whenScenarioStateIs("waited")
        .willReturn(aResponse().withStatus(200).withBody(fixture("export-2026-11-01.jsonl"))));
    CollectingSink sink = new CollectingSink();

    try (MixpanelSource source = MixpanelStubs.source(wm.getHttpBaseUrl())) {
      source.readEvents(ONE_DAY, sink);
    }

    assertThat(sink.events).hasSize(3);
    verify(2, getRequestedFor(urlPathEqualTo("/api/2.0/export")));
  }

  @Test
  void refusedCredentialsFailWithWhatToCheckAndNoSecret(WireMockRuntimeInfo wm) {
    stubExport("2025-11-01", aResponse().withStatus(401).withHeader("Content-Type", "application/json")
        .withBody("{\"error\": \"Invalid username or secret\", \"status\": \"error\"}"));

    try (MixpanelSource source = MixpanelStubs.source(wm.getHttpBaseUrl())) {
      assertThatThrownBy(() -> source.readEvents(ONE_DAY, new CollectingSink()))
          .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH))
          .hasMessage("mixpanel export of 2025-11-01: mixpanel: MixpanelExportApi.export: HTTP 401 AUTH: Invalid "
              + "username or secret — check sources.product.username and secret (a service account with a role in "
              + "project 12345) and that region 'eu' is the project's data residency")
          .hasMessageNotContaining(SECRET);
    }
  }

  private static void stubExport(String day, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
    stubFor(get(urlPathEqualTo("/api/2.0/export")).withQueryParam("from_date", equalTo(day)).willReturn(response));
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
