package io.github.pqlconnector.core.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.sync.RunTrigger;
import io.github.pqlconnector.core.sync.SyncRunner;
import io.github.pqlconnector.core.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * With every logger at DEBUG (HTTP lines included) and receivers answering 500, resetting the connection and not
 * listening, neither the Slack URL nor the webhook secret reaches a log line, the run history or the stored errors.
 */
@WireMockTest
class AlertSecretsTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  @TempDir Path dir;
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  Logger root;

  @BeforeEach
  void captureLogs() {
    root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.DEBUG);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void release() {
    root.detachAppender(logs);
    root.setLevel(Level.INFO);
  }

  @Test
  void noSecretInLogsHistoryOrStoredErrors(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
    List<String> said = new ArrayList<>();
    said.addAll(deliverOnce(wm.getHttpBaseUrl(), wm.getHttpBaseUrl() + "/pql", "a"));
    stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    said.addAll(deliverOnce(wm.getHttpBaseUrl(), wm.getHttpBaseUrl() + "/pql", "b"));
    said.addAll(deliverOnce("http://127.0.0.1:9", "http://127.0.0.1:9/pql", "c"));
    List<String> lines = logs.list.stream().map(AlertSecretsTest::render).toList();
    assertThat(lines).as("the HTTP lines were logged, redacted").anyMatch(l -> l.contains("--> POST") && l.contains("██"));
    for (String secret : List.of(AlertFixtures.SLACK_URL, AlertFixtures.SLACK_PATH, "Sl4ckS3cretT0ken9876",
        AlertFixtures.WEBHOOK_SECRET)) {
      assertThat(lines).as(secret).noneMatch(l -> l.contains(secret));
      assertThat(said).as(secret).noneMatch(l -> l.contains(secret));
    }
  }

  /** A run and one delivery pass in a state database of its own; returns the history notes and stored errors. */
  private List<String> deliverOnce(String slackBase, String webhookUrl, String name) throws Exception {
    Path home = dir.resolve(name);
    PqlConfig config = AlertFixtures.config(home, slackBase, webhookUrl, "");
    AlertFixtures.qualifyingUsers(home.resolve("data"), 2, NOW.minusSeconds(3600));
    MutableClock clock = new MutableClock(NOW);
    Connectors connectors = new Connectors(Plugins.load(), clock);
    AlertMetrics metrics = new AlertMetrics(new SimpleMeterRegistry());
    try (StateStore store = StateStore.open(config.state())) {
      SyncRunner runner = new SyncRunner(config, store, connectors, AlertQueue.of(config.alerts(), store, clock,
          metrics));
      runner.run("s", RunTrigger.MANUAL, false, Progress.NONE);
      AlertSender.create(config.alerts(), store, connectors.http(), clock, metrics).sendDue();
      clock.advance(Duration.ofMinutes(1));
      RunSummary next = runner.run("s", RunTrigger.MANUAL, false, Progress.NONE);
      List<String> said = new ArrayList<>(next.report().destinationNotes());
      assertThat(said).isNotEmpty();
      said.add(next.toString());
      said.addAll(store.read(c -> {
        List<String> errors = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_error FROM alert_outbox")) {
          while (rs.next()) {
            errors.add(String.valueOf(rs.getString(1)));
          }
        }
        return errors;
      }));
      return said;
    }
  }

  private static String render(ILoggingEvent event) {
    String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " " + thrown;
  }
}
