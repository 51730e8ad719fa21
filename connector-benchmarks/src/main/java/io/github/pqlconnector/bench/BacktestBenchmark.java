package io.github.pqlconnector.bench;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.report.Backtest;
import io.github.pqlconnector.core.report.BacktestReport;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.demo.DemoSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * {@code pql backtest} against {@code pql plan} on the same data ({@link DemoSpec#benchmark()}: 10M events, 110k
 * entities): 13 weekly dates ending on the data's last day, against one plan's read and evaluation. Each is run
 * once to warm up, then three times, between full collections, and the ratio of the means is printed.
 * Usage: {@code BacktestBenchmark [dataDir] [dates]} (defaults {@code target/bench-data}, 13).
 */
public final class BacktestBenchmark {
  private static final PrintStream OUT = System.out;
  private static final int MEASURED = 3;

  private BacktestBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-data");
    int dates = args.length > 1 ? Integer.parseInt(args[1]) : 13;
    BenchData.prepare(dir, DemoSpec.benchmark(), EngineBenchmark.NOW, OUT);
    String yaml = BenchData.config(dir);
    HeapMeter meter = new HeapMeter();
    OUT.printf("jvm: %s, %d cpus, max heap %,d MiB, %s%n", System.getProperty("java.runtime.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, meter.collectorNames());
    double plan = timed("plan", meter, () -> EngineBenchmark.evaluate(yaml));
    double backtest = timed("backtest (" + dates + " dates)", meter, () -> backtest(yaml, dates));
    OUT.printf("%nbacktest of %d weekly dates costs %.2fx one plan (target: at most 3x)%n", dates, backtest / plan);
  }

  private static double timed(String label, HeapMeter meter, Runnable work) {
    work.run();
    double total = 0;
    for (int i = 1; i <= MEASURED; i++) {
      meter.start();
      long started = System.nanoTime();
      work.run();
      double seconds = (System.nanoTime() - started) / 1e9;
      HeapMeter.Usage heap = meter.stop();
      total += seconds;
      OUT.printf("  %-22s run %d %6.2f s, peak heap %,d MiB, %d GCs%n", label, i, seconds,
          heap.beforeGcPeakBytes() >> 20, heap.gcCount());
    }
    OUT.printf("  %-22s mean  %6.2f s%n", label, total / MEASURED);
    return total / MEASURED;
  }

  private static List<BacktestReport> backtest(String yaml, int dates) {
    Plugins plugins = Plugins.load();
    PqlConfig config = new ConfigLoader(plugins, name -> null).parse(yaml);
    LocalDate last = LocalDate.ofInstant(EngineBenchmark.NOW, ZoneOffset.UTC);
    Backtest.Plan plan = new Backtest.Plan(last.minusDays(7L * (dates - 1)), last, 7, Duration.ofDays(90),
        List.of(EntityLevel.values()));
    try (AnalyticsSource source = new Connectors(plugins, Clock.systemUTC()).source(config.sources().get("product"))) {
      return Backtest.run(source, Map.of("config", config.model()), plan, Map.of(), "bench", EngineBenchmark.NOW);
    }
  }
}
