package io.github.pqlconnector.bench;

import io.github.pqlconnector.demo.DemoSpec;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.EvaluationStep;
import io.github.pqlconnector.core.sync.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * End to end on {@link DemoSpec#benchmark()} (10M events, 100k users, 10k accounts, plain JSON Lines):
 * config loader → file source → engine, exactly as {@code pql plan} evaluates, without state store or CRM.
 * One warm-up and three measured runs; prints wall time, events per second, peak heap and GC per run, then
 * one extra run that splits the time into reading (traits + events) and evaluating.
 * Usage: {@code EngineBenchmark [dataDir]} (default {@code target/bench-data}).
 */
public final class EngineBenchmark {
  /** Fixed, so reused data and every run see the same window. */
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final int WARMUPS = 1;
  private static final int MEASURED = 3;
  private static final PrintStream OUT = System.out;

  private EngineBenchmark() {}

  /** One timed run; {@code verdicts} summarises its results (kept as text, so the results can be collected). */
  record Run(String label, double seconds, long events, HeapMeter.Usage heap, String verdicts) {
    double eventsPerSecond() {
      return events / seconds;
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-data");
    HeapMeter meter = new HeapMeter();
    printMachine(meter);
    BenchData.prepare(dir, DemoSpec.benchmark(), NOW, OUT);
    String yaml = BenchData.config(dir);
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < WARMUPS + MEASURED; i++) {
      runs.add(measure(i < WARMUPS ? "warm-up" : "run " + (i - WARMUPS + 1), yaml, meter));
    }
    printTable(runs);
    OUT.print(runs.get(runs.size() - 1).verdicts());
    printPhases(yaml);
  }

  /** A run between two full collections; its results die when this returns. */
  private static Run measure(String label, String yaml, HeapMeter meter) {
    meter.start();
    long started = System.nanoTime();
    EvaluationStep.Evaluated evaluated = evaluate(yaml);
    double seconds = (System.nanoTime() - started) / 1e9;
    HeapMeter.Usage usage = meter.stop();
    OUT.printf("  %-8s %6.2f s%n", label, seconds);
    return new Run(label, seconds, evaluated.eventsRead(), usage, verdicts(evaluated, meter.retainedBytes()));
  }

  /** Everything a run does up to the verdicts: parse the config, open the source, read and evaluate. */
  static EvaluationStep.Evaluated evaluate(String yaml) {
    return evaluate(yaml, Progress.NONE);
  }

  static EvaluationStep.Evaluated evaluate(String yaml, Progress progress) {
    Plugins plugins = Plugins.load();
    PqlConfig config = new ConfigLoader(plugins, name -> null).parse(yaml);
    CompiledModel model = new CompiledModel(config.model());
    try (AnalyticsSource source = new Connectors(plugins, Clock.systemUTC()).source(config.sources().get("product"))) {
      return new EvaluationStep(model).run(source, Map.of(), List.of(), NOW, null, progress);
    }
  }

  private static void printMachine(HeapMeter meter) {
    Runtime runtime = Runtime.getRuntime();
    OUT.printf("jvm:     %s %s, %d cpus, max heap %,d MiB, %s%n", System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"), runtime.availableProcessors(), runtime.maxMemory() >> 20,
        meter.collectorNames());
    OUT.printf("args:    %s%n", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
  }

  private static void printTable(List<Run> runs) {
    OUT.println();
    OUT.println("                                          peak heap MiB");
    OUT.println("run         wall s      events    events/s  Σpools  pre-GC   GCs   GC ms");
    for (Run run : runs) {
      OUT.printf("%-9s %8.2f %11s %11s %7d %7d %5d %7d%n", run.label(), run.seconds(),
          String.format("%,d", run.events()), String.format("%,.0f", run.eventsPerSecond()),
          run.heap().poolPeaksBytes() >> 20, run.heap().beforeGcPeakBytes() >> 20, run.heap().gcCount(),
          run.heap().gcMillis());
    }
    List<Run> measured = runs.subList(WARMUPS, runs.size());
    double best = measured.stream().mapToDouble(Run::eventsPerSecond).max().orElse(0);
    double mean = measured.stream().mapToLong(Run::events).sum()
        / measured.stream().mapToDouble(Run::seconds).sum();
    long poolPeaks = measured.stream().mapToLong(r -> r.heap().poolPeaksBytes()).max().orElse(0);
    long beforeGc = measured.stream().mapToLong(r -> r.heap().beforeGcPeakBytes()).max().orElse(0);
    OUT.printf("%nmeasured: mean %,.0f events/s, best %,.0f events/s; peak heap %,d MiB (Σ pool peaks %,d MiB)%n",
        mean, best, beforeGc >> 20, poolPeaks >> 20);
  }

  /** One more run, outside the table, with a progress listener that notes when evaluation starts. */
  private static void printPhases(String yaml) {
    long started = System.nanoTime();
    long[] evaluating = {0};
    evaluate(yaml, new Progress() {
      @Override
      public void phase(String name) {
        evaluating[0] = System.nanoTime();
      }
    });
    long ended = System.nanoTime();
    OUT.printf("phases (one extra run): read traits + events %.2f s, evaluate %.2f s%n",
        (evaluating[0] - started) / 1e9, (ended - evaluating[0]) / 1e9);
  }

  private static String verdicts(EvaluationStep.Evaluated evaluated, long retainedBytes) {
    Map<EntityLevel, Map<PqlStatus, Integer>> mix = new EnumMap<>(EntityLevel.class);
    for (Evaluation evaluation : evaluated.evaluations()) {
      mix.computeIfAbsent(evaluation.entity().level(), l -> new EnumMap<>(PqlStatus.class))
          .merge(evaluation.result().status(), 1, Integer::sum);
    }
    StringBuilder text = new StringBuilder(String.format(
        "verdicts: %,d entities, %,d rejected lines; heap still in use with them after a full GC: %,d MiB%n",
        evaluated.evaluations().size(), evaluated.rejections().count(), retainedBytes >> 20));
    mix.forEach((level, counts) -> text.append(String.format("  %-8s %s%n", level.id(), counts)));
    return text.toString();
  }
}
