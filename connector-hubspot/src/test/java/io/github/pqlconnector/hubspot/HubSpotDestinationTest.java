package io.github.pqlconnector.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.pqlconnector.hubspot.HubSpotDestinations.TOKEN;
import static io.github.pqlconnector.hubspot.HubSpotDestinations.fixture;
import static io.github.pqlconnector.hubspot.HubSpotMatchAndTasksContractTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.Plugins;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Discovery, capabilities, the read-only check, and the token kept out of every log line and message. */
@WireMockTest
class HubSpotDestinationTest {
  private static final String STATUS_PROPERTY = "/crm/v3/properties/contacts/pql_status";

  @Test
  void isDiscoveredAsTypeHubspot() {
    CrmDestinationProvider provider = Plugins.load().destination("hubspot").orElseThrow();
    assertThat(provider).isInstanceOf(HubSpotDestinationProvider.class);
    assertThat(provider.configType()).isEqualTo(HubSpotConfig.class);
  }

  @Test
  void declaresBatchesOfHundredAndItsMatchTraits(WireMockRuntimeInfo wireMock) {
    var capabilities = HubSpotDestinations.destination(HubSpotDestinations.config(wireMock, true, null))
        .capabilities();
    assertThat(capabilities.maxBatchSize()).isEqualTo(100);
    assertThat(capabilities.matchTraits()).isEqualTo(Map.of(EntityLevel.USER, "email",
        EntityLevel.ACCOUNT, "domain"));
    assertThat(capabilities.createsMissing()).isTrue();
  }

  @Test
  void checkReadsOnePropertyAndTurnsFailuresIntoResults(WireMockRuntimeInfo wireMock) {
    HubSpotDestination destination = HubSpotDestinations.destination(wireMock);
    stubFor(get(urlEqualTo(STATUS_PROPERTY)).willReturn(json(200, fixture("properties/response-status.json"))));
    assertThat(destination.check().isOk()).isTrue();

    stubFor(get(urlEqualTo(STATUS_PROPERTY)).willReturn(json(404, fixture("errors/404-object-not-found.json"))));
    assertThat(destination.check()).satisfies(r -> assertThat(r.isOk()).isTrue())
        .satisfies(r -> assertThat(r.message()).contains("pql setup"));

    stubFor(get(urlEqualTo(STATUS_PROPERTY)).willReturn(json(401, fixture("errors/401-invalid-authentication.json"))));
    assertThat(destination.check().status()).isEqualTo(CheckResult.Status.AUTH);

    stubFor(get(urlEqualTo(STATUS_PROPERTY)).willReturn(json(403, fixture("errors/403-missing-scopes.json"))));
    assertThat(destination.check()).satisfies(r -> assertThat(r.status()).isEqualTo(CheckResult.Status.AUTH))
        .satisfies(r -> assertThat(r.message()).contains("scope"));
  }

  @Test
  void checkAsksOnceAndAnswersAtOnceWhenHubSpotIsDown(WireMockRuntimeInfo wireMock) {
    HubSpotDestination destination = HubSpotDestinations.destination(wireMock);
    stubFor(get(urlEqualTo(STATUS_PROPERTY)).willReturn(json(503, "{\"status\":\"error\",\"message\":\"down\"}")));
    assertThat(destination.check().status()).isEqualTo(CheckResult.Status.UNREACHABLE);
    verify(1, getRequestedFor(urlEqualTo(STATUS_PROPERTY)));
  }

  @Test
  void tokenIsInNoLogLineAndNoResult(WireMockRuntimeInfo wireMock) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    Level previous = root.getLevel();
    root.setLevel(Level.DEBUG);
    captured.start();
    root.addAppender(captured);
    List<String> outputs = new ArrayList<>();
    try {
      HubSpotDestination destination = HubSpotDestinations.destination(wireMock);
      outputs.add(HubSpotDestinations.config(wireMock, false, null).toString());
      stubFor(any(anyUrl()).willReturn(json(401, fixture("errors/401-invalid-authentication.json"))));
      outputs.add(destination.check().message());
      outputs.add(messageOf(() -> destination.match(EntityLevel.USER, List.of(new MatchKey("email", "a@b.c")))));
      outputs.add(messageOf(() -> destination.ensureFields(false)));
      stubFor(any(anyUrl()).willReturn(json(200, fixture("batch-update/response-complete.json"))));
      outputs.add(destination.upsert(EntityLevel.USER,
          List.of(HubSpotDestinations.userUpdate("ana@example.com", "512"))).toString());
    } finally {
      root.detachAppender(captured);
      root.setLevel(previous);
    }
    List<String> lines = captured.list.stream().map(e -> e.getFormattedMessage() + e.getMDCPropertyMap()
        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    assertThat(lines).anyMatch(line -> line.contains("--> POST")).anyMatch(line -> line.contains("<-- 401"));
    assertThat(lines).noneMatch(line -> line.contains(TOKEN));
    assertThat(outputs).hasSize(5).noneMatch(text -> text.contains(TOKEN));
  }

  private static String messageOf(Runnable action) {
    try {
      action.run();
      return "no failure";
    } catch (RuntimeException e) {
      return e.getMessage() + " " + e;
    }
  }
}
