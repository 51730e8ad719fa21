package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.state.StateStore;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.testing.AlertRig;
import io.github.pqlconnector.core.testing.Dataset;
import io.github.pqlconnector.core.spi.Plugins;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A whole run at DEBUG with a password-protected state database: the password appears in no log line; nor do the
 * alert receivers' secrets.
 */
@WireMockTest
class SecretsNeverLeakTest {
  static final String SECRET = "Zq9-state-db-password-7731";
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
  void noSecretInLogsRunReportsOrConfigMessages() {
    new Dataset(dir).user("u1", "ana@acme.io", "a1").events("message_sent", 3, "u1", "a1", Instant.now());
    String yaml = """
        state: { url: "jdbc:h2:file:%s/state", user: sa, password: "${STATE_PASSWORD}" }
        model: { levels: [user], metrics: { m: { count: message_sent } } }
        sources: { src: { type: testjsonl, directory: "%s" } }
        destinations: { out: { type: csv, directory: "%s/out" } }
        syncs: [ { name: s, source: src, destination: out } ]
        """.formatted(dir, dir, dir);
    PqlConfig config = new ConfigLoader(Plugins.load(), Map.of("STATE_PASSWORD", SECRET)::get).parse(yaml);
    assertThat(config.toString()).doesNotContain(SECRET);
    try (StateStore store = StateStore.open(config.state())) {
      RunSummary summary = new SyncRunner(config, store, new Connectors(Plugins.load(), Clock.systemUTC()))
          .run(null, RunTrigger.MANUAL, false, Progress.NONE);
      assertThat(summary.toString()).doesNotContain(SECRET);
    }
    try {
      new ConfigLoader(Plugins.load(), Map.<String, String>of()::get).parse(yaml.replace("\"${STATE_PASSWORD}\"", SECRET));
    } catch (ConfigException e) {
      assertThat(e.getMessage()).doesNotContain(SECRET);
    }
    assertThat(logs.list).isNotEmpty();
    assertThat(logs.list).allSatisfy(event -> {
      assertThat(event.getFormattedMessage()).doesNotContain(SECRET);
      assertThat(String.valueOf(event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage()))
          .doesNotContain(SECRET);
    });
  }

  /**
   * Alerts, with receivers answering 500, resetting the connection and not listening: neither the Slack URL (its
   * path is the credential) nor the webhook secret reaches a log line (the HTTP lines included), the run history or
   * an error stored with an alert.
   */
  @Test
  void noAlertSecretInLogsHistoryOrStoredErrors(WireMockRuntimeInfo wm) {
    stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)));
    List<String> said = new ArrayList<>(deliverOnce(wm.getHttpBaseUrl(), wm.getHttpBaseUrl() + "/pql", "a"));
    stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    said.addAll(deliverOnce(wm.getHttpBaseUrl(), wm.getHttpBaseUrl() + "/pql", "b"));
    said.addAll(deliverOnce("http://127.0.0.1:9", "http://127.0.0.1:9/pql", "c"));
    List<String> lines = logs.list.stream().map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap() + " "
        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    assertThat(lines).as("the HTTP lines were logged, redacted").anyMatch(l -> l.contains("--> POST") && l.contains("██"));
    for (String secret : List.of(AlertRig.SLACK_PATH, "Sl4ckS3cretT0ken9876", AlertRig.WEBHOOK_SECRET)) {
      assertThat(lines).as(secret).noneMatch(l -> l.contains(secret));
      assertThat(said).as(secret).noneMatch(l -> l.contains(secret));
    }
  }

  /** A run, one delivery pass and a second run in a state database of its own: its history notes and stored errors. */
  private List<String> deliverOnce(String slackBase, String webhookUrl, String name) {
    try (AlertRig rig = new AlertRig(dir.resolve(name), slackBase, webhookUrl, "", 2)) {
      rig.run();
      rig.sender().sendDue();
      rig.clock.advance(Duration.ofMinutes(1));
      RunSummary next = rig.run();
      List<String> said = new ArrayList<>(next.report().destinationNotes());
      assertThat(said).isNotEmpty();
      said.add(next.toString());
      said.addAll(rig.store.read(c -> {
        List<String> errors = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_error FROM alert_outbox")) {
          while (rs.next()) {
            errors.add(String.valueOf(rs.getString(1)));
          }
        }
        return errors;
      }));
      return said;
    }
  }
}
