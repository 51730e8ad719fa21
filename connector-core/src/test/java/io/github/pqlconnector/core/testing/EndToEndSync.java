package io.github.pqlconnector.core.testing;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.sync.RunTrigger;
import io.github.pqlconnector.core.sync.SyncRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The sync engine around one CRM destination, for each CRM module's end-to-end test: the test JSON Lines source
 * and the module's destination as the plugins, users written into the test's directory, YAML parsed with the
 * module's secrets as the environment, and manual runs on an H2 state store in that directory.
 */
public final class EndToEndSync {
  public static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private final Path dir;
  private final Plugins plugins;
  private final Map<String, String> environment;

  /** {@code environment} holds what the YAML's {@code ${...}} name, such as the destination's secret. */
  public EndToEndSync(Path dir, CrmDestinationProvider destination, Map<String, String> environment) {
    this.dir = dir;
    this.plugins = new Plugins(List.of(new JsonLinesSourceProvider()), List.of(destination));
    this.environment = environment;
  }

  /**
   * A {@code pql.yaml} template: users qualify with {@code messagesToQualify} messages (the verdict's reason says
   * how many), read from the directory that {@link #config} puts in the first {@code %s}, and are synced as
   * {@code s} to the destination {@code crm}, given in YAML flow style.
   */
  public static String yaml(int messagesToQualify, String crm) {
    return """
        model:
          levels: [user]
          metrics:
            messages_sent: { count: message_sent }
          signals:
            - { name: "Heavy messaging", metric: messages_sent, gte: %d, points: 80, type: usage, reason: "Sent {value} messages" }
        sources:
          src: { type: testjsonl, directory: "%%s" }
        destinations:
          crm: %s
        syncs:
          - { name: s, source: src, destination: crm }
        """.formatted(messagesToQualify, crm);
  }

  public Plugins plugins() {
    return plugins;
  }

  /** Users u1..u{count} in account a1, each with {@code messages} messages just before {@link #NOW}. */
  public void writeUsers(int count, int messages) {
    Dataset data = new Dataset(dir);
    IntStream.rangeClosed(1, count).forEach(i -> data.user("u" + i, "u" + i + "@example.com", "a1")
        .events("message_sent", messages, "u" + i, null, NOW));
  }

  /** The config of a {@link #yaml} template, the test's directory its first {@code %s} and {@code more} the rest. */
  public PqlConfig config(String yaml, Object... more) {
    Object[] values = new Object[more.length + 1];
    values[0] = dir.toString().replace("\\", "/");
    System.arraycopy(more, 0, values, 1, more.length);
    return new ConfigLoader(plugins, environment::get).parse(yaml.formatted(values));
  }

  /** The H2 state store in the test's directory: opened again, it is the same store. */
  public StateStore openStore() {
    return StateStore.open(TestDatabases.h2(dir));
  }

  /** A manual run of every sync of {@code config}, at the clock's time. */
  public RunSummary run(PqlConfig config, StateStore store, Clock clock) {
    return new SyncRunner(config, store, new Connectors(plugins, clock))
        .run(null, RunTrigger.MANUAL, false, Progress.NONE);
  }
}
