package io.github.pqlconnector.bench;

import io.github.pqlconnector.demo.DemoSpec;
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
import io.github.pqlconnector.hubspot.fake.HubSpotFake;
import io.github.pqlconnector.hubspot.fake.HubSpotFakeTraffic;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The HubSpot destination against its rate limit: the real sync engine ({@link SyncRunner}: file source, H2 state
 * store, outbox, HubSpot destination from YAML) pushing 10,000 users in 1,000 accounts into {@link HubSpotFake}, the
 * HubSpot module's stateful fake, seeded with those records, with a per-call latency and the 10-second rolling limit
 * enforced. Measures the first (all-changed) run against what the
 * limit allows, then a second identical run, which must write nothing, then a third a day later, when verdicts
 * have changed and the records' HubSpot ids are known, so no lookups are needed.
 * Usage: {@code HubSpotBenchmark [dir] [requestsPerTenSeconds] [latencyMs] [searchInBurst] [concurrency]} (defaults
 * {@code target/hubspot-bench}, 100, 20, true, the destination's default for the limit).
 */
public final class HubSpotBenchmark {
  static final DemoSpec SPEC = new DemoSpec(1_000, 10_000, 500_000, 60, 11);
  private static final int SEARCH_PER_SECOND = 4;
  private static final int BATCH = 100;
  private static final PrintStream OUT = System.out;
  /**
   * Both runs see the data's own "now": with a moving clock a few verdicts really change between the runs (events
   * age out of the 30-day window, about 3 per 30 s in this data), and the second run would not be identical.
   */
  private static final Clock CLOCK = Clock.fixed(EngineBenchmark.NOW, java.time.ZoneOffset.UTC);
  private static final Clock A_DAY_LATER = Clock.offset(CLOCK, java.time.Duration.ofDays(1));

  private HubSpotBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/hubspot-bench");
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int latencyMs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    boolean searchInBurst = args.length <= 3 || Boolean.parseBoolean(args[3]);
    String concurrency = args.length > 4 ? ", concurrency: " + Integer.parseInt(args[4]) : "";
    OUT.printf("jvm:     %s %s, %d cpus%n", System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors());
    BenchData.prepare(dir, SPEC, EngineBenchmark.NOW, OUT);
    Path state = dir.resolve("state");
    deleteTree(state);
    try (HubSpotFake fake = new HubSpotFake().latency(Duration.ofMillis(latencyMs))
        .rateLimits(limit, SEARCH_PER_SECOND, searchInBurst)) {
      fake.seed(BenchData.column(dir, "users.csv", "email"), BenchData.column(dir, "accounts.csv", "domain"));
      OUT.printf("stub:    %s, %d requests per rolling 10 s (searches %s), search %d/s, %d ms per call%n",
          fake.baseUrl(), limit, searchInBurst ? "included" : "not included", SEARCH_PER_SECOND, latencyMs);
      Plugins plugins = Plugins.load();
      PqlConfig config = new ConfigLoader(plugins, fake.env()::get)
          .parse(config(dir, fake.baseUrl(), limit, concurrency));
      try (StateStore store = StateStore.open(new StateConfig("jdbc:h2:file:" + state.toAbsolutePath() + "/pql",
          null, null, null))) {
        Result first = run("run 1 (all changed)", config, store, plugins, fake, CLOCK);
        report(first, limit, searchInBurst);
        Result second = run("run 2 (identical)", config, store, plugins, fake, CLOCK);
        long writes = second.calls("batch/update");
        OUT.printf("%nrun 2: %,d changed, %,d unchanged, %,d write calls, %,d requests in all, %.2f s%n",
            second.summary().counts().changed(), second.summary().counts().unchanged(), writes,
            second.calls(""), second.seconds());
        Result third = run("run 3 (a day later)", config, store, plugins, fake, A_DAY_LATER);
        OUT.printf("%nrun 3: %,d changed, %,d pushed, %,d lookups (batch/read + search), %,d write calls,"
            + " %.4f requests per record, %,d 429s, %.2f s%n", third.summary().counts().changed(),
            third.summary().counts().pushed(), third.calls("batch/read") + third.calls("search"),
            third.calls("batch/update"), third.calls("") / (double) Math.max(1, third.summary().counts().pushed()),
            third.limited(), third.seconds());
      }
    }
  }

  /** One run and what the fake saw of it. */
  record Result(String label, RunSummary summary, double seconds, double httpSeconds,
      Map<String, HubSpotFakeTraffic.Endpoint> endpoints, double evaluatingAt, double pushingAt) {
    /** Requests to endpoints whose name contains {@code operation} ("" for all), 429s included. */
    long calls(String operation) {
      return endpoints.entrySet().stream().filter(e -> e.getKey().contains(operation))
          .mapToLong(e -> e.getValue().requests()).sum();
    }

    long limited() {
      return endpoints.values().stream().mapToLong(HubSpotFakeTraffic.Endpoint::limited).sum();
    }
  }

  private static Result run(String label, PqlConfig config, StateStore store, Plugins plugins, HubSpotFake fake,
      Clock clock) {
    fake.traffic().reset();
    long started = System.nanoTime();
    Map<String, Long> phases = new java.util.concurrent.ConcurrentHashMap<>();
    Progress progress = new Progress() {
      @Override
      public void phase(String name) {
        phases.putIfAbsent(name, System.nanoTime());
      }
    };
    RunSummary summary = new SyncRunner(config, store, new Connectors(plugins, clock))
        .run(null, RunTrigger.MANUAL, false, progress);
    double seconds = (System.nanoTime() - started) / 1e9;
    Result result = new Result(label, summary, seconds, fake.traffic().activeSeconds(), fake.traffic().endpoints(),
        (phases.getOrDefault("evaluating", started) - started) / 1e9,
        (phases.getOrDefault("pushing", started) - started) / 1e9);
    OUT.printf("%n%s: %s in %.2f s (evaluating from %.2f s, pushing from %.2f s, HTTP %.2f s); %s%n", label,
        summary.status(), seconds, result.evaluatingAt(), result.pushingAt(), result.httpSeconds(), summary.counts());
    if (fake.traffic().firstNanos() != 0) {
      OUT.printf("  first request at %.2f s, last at %.2f s%n", (fake.traffic().firstNanos() - started) / 1e9,
          (fake.traffic().lastNanos() - started) / 1e9);
      OUT.println("  requests per half second (from s:count): " + perHalfSecond(fake.traffic().arrivals(), started));
    }
    OUT.println("  endpoint                  requests    inputs   429s");
    result.endpoints().forEach((endpoint, e) -> OUT.printf("  %-24s %9d %9d %6d%n", endpoint, e.requests(),
        e.inputs(), e.limited()));
    fake.traffic().refusals().forEach(r -> OUT.println("  429 " + r));
    return result;
  }

  /** How many requests arrived in each half second since the run started ("2.5:38"): where the HTTP phase waits. */
  private static String perHalfSecond(List<Long> arrivals, long started) {
    long half = 500_000_000L;
    int[] counts = new int[(int) ((arrivals.get(arrivals.size() - 1) - started) / half) + 1];
    arrivals.forEach(at -> counts[(int) ((at - started) / half)]++);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        out.append(out.length() == 0 ? "" : " ").append(i / 2.0).append(':').append(counts[i]);
      }
    }
    return out.toString();
  }

  /** Throughput against the bound the limit sets for exactly the calls this data needs. */
  private static void report(Result run, int limit, boolean searchInBurst) {
    long records = run.summary().counts().pushed();
    long requests = run.calls("");
    long accepted = requests - run.limited();
    long users = SPEC.users();
    long accounts = SPEC.accounts();
    long needed = 2 * ceil(users) + ceil(accounts) + (searchInBurst ? ceil(accounts) : 0);
    double perSecond = limit / 10.0;
    double steadyBound = needed / perSecond;
    double burstBound = 10.0 * ((needed - 1) / limit);
    double searchBound = ceil(accounts) / (double) SEARCH_PER_SECOND;
    OUT.printf("%nrun 1: %,d records pushed in %.2f s = %,.0f records/s (HTTP phase %.2f s: %,.0f records/s)%n",
        records, run.seconds(), records / run.seconds(), run.httpSeconds(), records / run.httpSeconds());
    OUT.printf("       %,d requests (%,d answered, %,d 429s) = %.4f requests per record%n", requests, accepted,
        run.limited(), requests / (double) records);
    OUT.printf("bound: %,d calls on the burst limit (read+update per %d contacts, update%s per %d companies) at %.0f/s"
        + " = %.1f s, %,.0f records/s steady; floor %.0f s (every window used at once, %d per window); search alone %.1f s%n",
        needed, BATCH, searchInBurst ? "+search" : "", BATCH, perSecond, steadyBound, (users + accounts) / steadyBound, burstBound, limit, searchBound);
    OUT.printf("achieved: %.1f %% of the steady bound end to end, %.1f %% over the HTTP phase%n",
        100 * steadyBound / run.seconds(), 100 * steadyBound / run.httpSeconds());
  }

  private static long ceil(long records) {
    return (records + BATCH - 1) / BATCH;
  }

  /** The demo's model and file source, the HubSpot destination on the fake instead of the CSV one, no tasks. */
  static String config(Path dir, String baseUrl, int limit, String concurrency) throws IOException {
    String demo = BenchData.config(dir);
    int from = demo.indexOf("destinations:");
    int to = demo.indexOf("syncs:");
    return demo.substring(0, from) + """
        destinations:
          crm:
            type: hubspot
            token: "${HUBSPOT_TOKEN}"
            baseUrl: "%s"
            apiVersion: "2026-09"
            accountKey: domain
            rateLimit: { requestsPerTenSeconds: %d, searchPerSecond: %d%s }
        """.formatted(baseUrl, limit, SEARCH_PER_SECOND, concurrency) + demo.substring(to);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
