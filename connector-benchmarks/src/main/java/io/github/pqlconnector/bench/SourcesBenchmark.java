package io.github.pqlconnector.bench;

import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.AnalyticsSourceProvider;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.SourceConfig;
import io.github.pqlconnector.core.spi.SourceContext;
import io.github.pqlconnector.sources.amplitude.AmplitudeConfig;
import io.github.pqlconnector.sources.amplitude.AmplitudeSourceProvider;
import io.github.pqlconnector.sources.mixpanel.MixpanelConfig;
import io.github.pqlconnector.sources.mixpanel.MixpanelSourceProvider;
import io.github.pqlconnector.sources.posthog.PostHogConfig;
import io.github.pqlconnector.sources.posthog.PostHogSourceProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

/**
 * Events per second each HTTP source reads from a loopback stub ({@link SourceStub}) serving one large day of
 * export in the vendor's wire format: the real source through its provider, HTTP client, streaming parser and
 * filtering, into a sink that only counts. One warm-up and three measured runs per source. Arguments: events per
 * source (default 1,000,000), then optionally the sources to run (default all three).
 */
public final class SourcesBenchmark {
  private static final Instant DAY = Instant.ofEpochMilli(BenchEvents.DAY_START);
  private static final ReadRequest ONE_DAY = new ReadRequest(null, DAY, DAY.plusSeconds(86_400), Set.of("plan"));

  private SourcesBenchmark() {}

  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Set<String> only = args.length > 1 ? Set.of(Arrays.copyOfRange(args, 1, args.length))
        : Set.of("mixpanel", "amplitude", "posthog");
    System.out.printf("%-10s %5s %12s %9s %12s %10s %5s%n", "source", "run", "events", "wall s", "events/s",
        "pre-GC MB", "GCs");
    try (SourceStub stub = new SourceStub(events)) {
      run("mixpanel", new MixpanelSourceProvider(), new MixpanelConfig(1L, "bench", new Secret("bench-secret"), null,
          stub.baseUrl(), stub.baseUrl(), "company_id", null, Duration.ZERO), events, only);
      run("amplitude", new AmplitudeSourceProvider(), new AmplitudeConfig(new Secret("bench-key"),
          new Secret("bench-secret"), null, stub.baseUrl(), "company_id", Duration.ZERO, Duration.ofHours(1)), events,
          only);
      run("posthog", new PostHogSourceProvider(), new PostHogConfig(new Secret("bench-key"), "1", null,
          stub.baseUrl(), 0, 50_000, 2400, Duration.ZERO, false), events, only);
    }
  }

  private static void run(String name, AnalyticsSourceProvider provider, SourceConfig config, long expected,
      Set<String> only) {
    if (!only.contains(name)) {
      return;
    }
    HeapMeter heap = new HeapMeter();
    SourceContext context = new SourceContext("bench", Clock.fixed(DAY.plusSeconds(86_400 * 2), ZoneOffset.UTC));
    for (int run = 0; run <= 3; run++) {
      Counter counter = new Counter();
      heap.start();
      long started = System.nanoTime();
      try (AnalyticsSource source = provider.create(config, context)) {
        source.readEvents(ONE_DAY, counter);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      HeapMeter.Usage usage = heap.stop();
      if (counter.events != expected) {
        throw new IllegalStateException(name + " read " + counter.events + " events, expected " + expected);
      }
      System.out.printf("%-10s %5s %,12d %9.2f %,12.0f %10d %5d%n", name, run == 0 ? "warm" : Integer.toString(run),
          counter.events, seconds, counter.events / seconds, usage.beforeGcPeakBytes() >> 20, usage.gcCount());
    }
  }

  /** Counts what the source hands over; a rejected record fails the benchmark. */
  private static final class Counter implements EventSink {
    long events;

    @Override
    public void accept(Event event) {
      events++;
    }

    @Override
    public void reject(String location, String problem) {
      throw new IllegalStateException(location + ": " + problem);
    }
  }
}
