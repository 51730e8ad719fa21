package io.github.pqlconnector.bench;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.DestinationContext;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.WriteResult;
import io.github.pqlconnector.salesforce.SalesforceAuth;
import io.github.pqlconnector.salesforce.SalesforceConfig;
import io.github.pqlconnector.salesforce.SalesforceDestinationProvider;
import io.github.pqlconnector.salesforce.SalesforceFake;
import io.github.pqlconnector.salesforce.SalesforceFakeLatency;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The Salesforce destination's write paths against {@link SalesforceFake}, the Salesforce module's stateful fake org
 * (loopback, with {@link SalesforceFakeLatency#realistic} latency and asynchronous Bulk jobs): for each
 * batch size, the records of one {@code upsert} (as core's OutboxDrainer hands them over, matched first by SOQL)
 * through sObject Collections and through one Bulk API 2.0 job, timed, with the API calls each path made. Prints
 * records/s and calls per record, and the crossover sizes (time and API calls) that justify {@code bulkThreshold}.
 * Usage: {@code SalesforceBenchmark [latencyScale] [pollSeconds]} (defaults 1.0 and 2).
 */
public final class SalesforceBenchmark {
  private static final PrintStream OUT = System.out;
  private static final int[] SIZES = {200, 1_000, 2_000, 5_000, 10_000};
  private static final PqlFields FIELDS = new PqlFields("pql", 87, "usage", List.of("Sent 2,400 messages (≥ 2,000)",
      "Activated 80 %"), 80.0, Instant.parse("2026-11-30T12:00:00Z"), Instant.parse("2026-11-30T12:00:00Z"));

  private SalesforceBenchmark() {}

  /** One measured upsert. */
  record Measure(String path, int records, double matchSeconds, double writeSeconds, long matchCalls,
      long writeCalls, int written) {
    double recordsPerSecond() {
      return records / writeSeconds;
    }

    double writeCallsPerRecord() {
      return writeCalls / (double) records;
    }
  }

  public static void main(String[] args) throws IOException {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    int pollSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    SalesforceFakeLatency latency = SalesforceFakeLatency.realistic(scale);
    OUT.printf("jvm:     %s %s, %d cpus%n", System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors());
    OUT.printf("stub:    %s; bulk poll every %d s%n", latency, pollSeconds);
    try (SalesforceFake org = new SalesforceFake().latency(latency)) {
      OUT.println("path          records  match s  write s  records/s  match calls  write calls  calls/record");
      List<Measure[]> pairs = new java.util.ArrayList<>();
      for (int size : SIZES) {
        Measure[] pair = {measure(org, "collections", size, Integer.MAX_VALUE, pollSeconds),
            measure(org, "bulk", size, 1, pollSeconds)};
        print(pair[0]);
        print(pair[1]);
        pairs.add(pair);
      }
      crossover(pairs);
    }
  }

  /**
   * Where Bulk starts to pay: in time, from a straight line through the Bulk timings (fixed cost + per record) against
   * the Collections rate at the largest size; in API calls, the smallest measured size whose Collections calls (one per
   * 200) reach the Bulk job's calls (create, upload, close, polls, three result reads).
   */
  private static void crossover(List<Measure[]> pairs) {
    Measure smallBulk = pairs.get(0)[1];
    Measure largeBulk = pairs.get(pairs.size() - 1)[1];
    Measure largeCollections = pairs.get(pairs.size() - 1)[0];
    double bulkPerRecord = (largeBulk.writeSeconds() - smallBulk.writeSeconds())
        / (largeBulk.records() - smallBulk.records());
    double bulkFixed = smallBulk.writeSeconds() - bulkPerRecord * smallBulk.records();
    double collectionsPerRecord = largeCollections.writeSeconds() / largeCollections.records();
    double timeCrossover = bulkFixed / (collectionsPerRecord - bulkPerRecord);
    OUT.printf("%nbulk: %.2f s fixed + %.2f ms per record; collections: %.2f ms per record%n", bulkFixed,
        1000 * bulkPerRecord, 1000 * collectionsPerRecord);
    OUT.printf("crossover in time:  bulk is faster from about %,.0f records%n", timeCrossover);
    for (Measure[] pair : pairs) {
      OUT.printf("calls at %,6d records: collections %3d, bulk %3d%n", pair[0].records(), pair[0].writeCalls(),
          pair[1].writeCalls());
    }
    pairs.stream().filter(pair -> pair[0].writeCalls() >= pair[1].writeCalls()).findFirst().ifPresent(pair ->
        OUT.printf("crossover in calls: bulk spends no more calls than collections from %,d records (%d vs %d)%n",
            pair[0].records(), pair[1].writeCalls(), pair[0].writeCalls()));
  }

  private static Measure measure(SalesforceFake org, String path, int size, int threshold, int pollSeconds) {
    SalesforceConfig config = new SalesforceConfig(new SalesforceAuth(null, org.loginUrl(), "3MVG9bench",
        new Secret("bench-secret"), null, null, null, null, null), null, List.of("Contact"), null, null, false,
        threshold, 100_000, null, new SalesforceConfig.Bulk(Duration.ofSeconds(pollSeconds), null), null);
    try (CrmDestination sf = new SalesforceDestinationProvider().create(config,
        new DestinationContext("bench", Clock.systemUTC(), new SimpleMeterRegistry()))) {
      List<MatchKey> keys = IntStream.range(0, size)
          .mapToObj(i -> new MatchKey("email", path + "-" + size + "-" + i + "@example.com")).toList();
      org.addContacts(keys.stream().map(MatchKey::value).toList());   // the org holds every Contact matched
      sf.match(EntityLevel.USER, keys.subList(0, 1));   // the token grant, outside the measurement
      org.traffic().take();
      long started = System.nanoTime();
      MatchResult matched = sf.match(EntityLevel.USER, keys);
      long matchedAt = System.nanoTime();
      long matchCalls = org.traffic().take().values().stream().mapToLong(Long::longValue).sum();
      List<PqlUpdate> updates = keys.stream().map(k -> new PqlUpdate(EntityRef.user(k.value()), k,
          matched.get(k).orElseThrow().id(), FIELDS)).toList();
      WriteResult result = sf.upsert(EntityLevel.USER, updates);
      long done = System.nanoTime();
      Map<String, Long> writes = org.traffic().take();
      return new Measure(path, size, (matchedAt - started) / 1e9, (done - matchedAt) / 1e9, matchCalls,
          writes.values().stream().mapToLong(Long::longValue).sum(), result.written().size());
    }
  }

  private static void print(Measure m) {
    OUT.printf("%-12s %8d %8.2f %8.2f %10.0f %12d %12d %13.4f%s%n", m.path(), m.records(), m.matchSeconds(),
        m.writeSeconds(), m.recordsPerSecond(), m.matchCalls(), m.writeCalls(), m.writeCallsPerRecord(),
        m.written() == m.records() ? "" : "  (" + m.written() + " written!)");
  }
}
