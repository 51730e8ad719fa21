package io.github.pqlconnector.bench;

import io.github.pqlconnector.bitrix24.Bitrix24CrmFake;
import io.github.pqlconnector.bitrix24.PortalTraffic;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.sync.RunTrigger;
import io.github.pqlconnector.core.sync.SyncRunner;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The Bitrix24 destination against the portal's leaky bucket: the real sync engine (file source, H2 state store,
 * outbox, Bitrix24 destination from YAML) pushing the demo's 10,000 users and 1,000 accounts into {@link
 * Bitrix24CrmFake}, the Bitrix24 module's stateful fake portal, seeded with those records, with a per-request latency
 * and its leaky bucket enforced (QUERY_LIMIT_EXCEEDED above it). Reports records/s, HTTP
 * requests per record, refusals, and the time the bucket itself allows for the requests made; then a second identical
 * run, which must write nothing. Usage: {@code Bitrix24Benchmark [dir] [drainPerSecond] [burst] [latencyMs]}
 * (defaults {@code target/bitrix24-bench}, 2, 50, 20: a non-Enterprise cloud portal).
 */
public final class Bitrix24Benchmark {
  private static final PrintStream OUT = System.out;
  private static final Clock CLOCK = Clock.fixed(EngineBenchmark.NOW, java.time.ZoneOffset.UTC);

  private Bitrix24Benchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/bitrix24-bench");
    double drain = args.length > 1 ? Double.parseDouble(args[1]) : 2.0;
    int burst = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int latencyMs = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    OUT.printf("jvm:     %s %s, %d cpus%n", System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors());
    BenchData.prepare(dir, HubSpotBenchmark.SPEC, EngineBenchmark.NOW, OUT);
    Path state = dir.resolve("state");
    HubSpotBenchmark.deleteTree(state);
    try (Bitrix24CrmFake fake = new Bitrix24CrmFake().latency(Duration.ofMillis(latencyMs))
        .leakyBucket(drain, burst)) {
      fake.seed(BenchData.column(dir, "users.csv", "email"), BenchData.column(dir, "accounts.csv", "domain"));
      OUT.printf("stub:    leaky bucket draining %.1f/s, blocking above %d, %d ms per request%n", drain, burst,
          latencyMs);
      Plugins plugins = Plugins.load();
      PqlConfig config = new ConfigLoader(plugins, Map.of("BITRIX24_WEBHOOK_URL", fake.webhookUrl())::get)
          .parse(config(dir, drain, burst));
      try (StateStore store = StateStore.open(new StateConfig("jdbc:h2:file:" + state.toAbsolutePath() + "/pql",
          null, null, null))) {
        RunSummary first = run("run 1 (all changed)", config, store, plugins, fake, drain, burst);
        RunSummary second = run("run 2 (identical)", config, store, plugins, fake, drain, burst);
        OUT.printf("%nrun 1: %,d pushed; run 2: %,d changed, %,d unchanged%n", first.counts().pushed(),
            second.counts().changed(), second.counts().unchanged());
      }
    }
  }

  private static RunSummary run(String label, PqlConfig config, StateStore store, Plugins plugins, Bitrix24CrmFake fake,
      double drain, int burst) {
    fake.traffic().reset();
    long started = System.nanoTime();
    RunSummary summary = new SyncRunner(config, store, new Connectors(plugins, CLOCK))
        .run(null, RunTrigger.MANUAL, false, Progress.NONE);
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, PortalTraffic.Method> methods = fake.traffic().methods();
    long requests = methods.values().stream().mapToLong(PortalTraffic.Method::requests).sum();
    long refused = methods.values().stream().mapToLong(PortalTraffic.Method::refused).sum();
    double http = fake.traffic().activeSeconds();
    long records = summary.counts().pushed();
    OUT.printf("%n%s: %s in %.2f s, HTTP phase %.2f s; %s%n", label, summary.status(), seconds, http,
        summary.counts());
    OUT.println("  method                                requests  commands  refused");
    methods.forEach((m, c) -> OUT.printf("  %-36s %9d %9d %8d%n", m, c.requests(), c.commands(), c.refused()));
    if (records > 0) {
      double bound = Math.max(0, (requests - burst) / drain);
      OUT.printf("  %,d records, %,d requests (%,d refused) = %.4f requests per record%n", records, requests, refused,
          requests / (double) records);
      OUT.printf("  %,.1f records/s over the HTTP phase, %,.1f end to end%n", records / http, records / seconds);
      OUT.printf("  the bucket allows these %,d requests in %.1f s ((requests - %d) / %.1f per s): achieved %.1f %%"
          + " of it over the HTTP phase%n", requests, bound, burst, drain, 100 * bound / http);
    }
    return summary;
  }

  /**
   * The demo's model and file source, the Bitrix24 destination on the fake instead of the CSV one, no tasks. Accounts
   * are matched by the default, the companies' {@code WEB} index (one plain crm.company.list and one batch per 2,500
   * companies to build it), as the fake holds each company's website there.
   */
  static String config(Path dir, double drain, int burst) throws IOException {
    String demo = BenchData.config(dir);
    int from = demo.indexOf("destinations:");
    int to = demo.indexOf("syncs:");
    return demo.substring(0, from) + """
        destinations:
          crm:
            type: bitrix24
            webhookUrl: "${BITRIX24_WEBHOOK_URL}"
            rateLimit: { drainPerSecond: %s, burst: %d }
        """.formatted(drain, burst) + demo.substring(to);
  }
}
