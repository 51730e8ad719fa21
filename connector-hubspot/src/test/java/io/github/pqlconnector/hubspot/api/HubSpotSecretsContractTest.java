package io.github.pqlconnector.hubspot.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.TOKEN;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.call;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.VendorException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The token never reaches a log line (HTTP logging on at DEBUG), an exception message or a fixture. */
@WireMockTest
class HubSpotSecretsContractTest {
  private static final String OBJECTS = HubSpotApiVersion.V3.objectsPath();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final List<String> exceptionMessages = new ArrayList<>();
  private Level previousLevel;

  @BeforeEach
  void captureEverything() {
    previousLevel = root.getLevel();
    root.setLevel(Level.DEBUG);
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void restoreLogging() {
    root.detachAppender(captured);
    root.setLevel(previousLevel);
  }

  @Test
  void tokenIsInNoLogLineAndNoExceptionMessage(WireMockRuntimeInfo wireMock) {
    HubSpotApi api = HubSpotStubs.api(wireMock.getHttpBaseUrl(), Duration.ofMillis(2_000));

    runEveryOutcome(api);

    List<String> lines = captured.list.stream().map(HubSpotSecretsContractTest::render).toList();
    assertThat(lines).anyMatch(line -> line.contains("--> POST")).anyMatch(line -> line.contains("<-- 429"))
        .anyMatch(line -> line.contains("HubSpotApi.batchUpsert"));
    assertThat(lines).noneMatch(line -> line.contains(TOKEN));
    assertThat(exceptionMessages).hasSize(9).noneMatch(message -> message.contains(TOKEN))
        .noneMatch(message -> message.contains("objectWriteTraceId") || message.contains("Authorization"));
  }

  @Test
  void noFixtureHoldsTheTokenOrAnythingShapedLikeAHubSpotToken() throws IOException, URISyntaxException {
    Path fixtures = Path.of(HubSpotStubs.class.getResource("/hubspot").toURI());
    try (Stream<Path> files = Files.walk(fixtures)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).hasSizeGreaterThan(20);
      for (Path file : all) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as(file.toString()).doesNotContain(TOKEN).doesNotContain("Bearer").doesNotContainPattern(
            "pat-(na|eu)\\d-");
      }
    }
  }

  private void runEveryOutcome(HubSpotApi api) {
    String[] failures = {"errors/400-validation.json", "errors/401-invalid-authentication.json",
        "errors/403-missing-scopes.json", "errors/404-object-not-found.json", "errors/409-conflict.json",
        "errors/429-ten-secondly.json", "errors/429-daily.json"};
    stubFor(any(urlPathMatching(".*/contacts/batch/upsert")).willReturn(okJson(fixture(
        "batch-upsert/response-complete.json"))));
    call(api.batchUpsert(OBJECTS, "contacts", HubSpotApiContractTest.upsertOfThreeContacts()));
    for (String failure : failures) {
      int status = Integer.parseInt(failure.substring("errors/".length(), "errors/".length() + 3));
      stubFor(any(urlPathMatching(".*/contacts/batch/upsert")).willReturn(aResponse().withStatus(status)
          .withHeader("Content-Type", "application/json").withBody(fixture(failure))));
      recordFailure(api);
    }
    stubFor(any(urlPathMatching(".*/contacts/batch/upsert")).willReturn(aResponse().withStatus(503)));
    recordFailure(api);
    stubFor(any(urlPathMatching(".*/contacts/batch/upsert"))
        .willReturn(okJson(fixture("batch-upsert/response-complete.json")).withFixedDelay(4_000)));
    recordFailure(api);
  }

  private void recordFailure(HubSpotApi api) {
    try {
      call(api.batchUpsert(OBJECTS, "contacts", HubSpotApiContractTest.upsertOfThreeContacts()));
    } catch (VendorException e) {
      exceptionMessages.add(e.getMessage() + " " + e);
    }
  }

  private static String render(ILoggingEvent event) {
    String throwable = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " " + throwable;
  }
}
