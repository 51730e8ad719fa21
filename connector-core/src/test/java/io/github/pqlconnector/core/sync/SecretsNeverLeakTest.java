package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.testing.Dataset;
import io.github.pqlconnector.core.spi.Plugins;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A whole run at DEBUG with a password-protected state database: the password appears in no log line. */
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
}
