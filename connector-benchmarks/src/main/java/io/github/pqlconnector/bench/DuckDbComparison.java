package io.github.pqlconnector.bench;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.ModelConfig;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.EvaluationStep;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.demo.DemoSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Issue 15's yardstick: {@code pql plan} over the acceptance file ({@link AcceptanceData}) against DuckDB computing
 * the same per-entity metrics ({@link DuckDbQuery}: {@code read_ndjson} and a {@code GROUP BY} per level, 2 threads).
 *
 * <ol>
 *   <li>Prepares the data and the config, and writes the DuckDB statements to {@code <dir>/duckdb-metrics.sql}.
 *   <li>Checks that the two agree: the engine in this process ({@code EvaluationStep}, as {@code pql plan} evaluates)
 *       and DuckDB, both at one fixed "now", must give every entity the same value for every metric.
 *   <li>Runs, in turn, {@code pql plan --config …} through the launcher and {@link DuckDbRunner} on that SQL, each as a
 *       whole process, and prints wall time, CPU seconds and peak RSS of each, and the ratio plan/DuckDB.
 * </ol>
 *
 * <p>Usage: {@code DuckDbComparison [dir] [pairs] [events]} (defaults {@code target/acceptance}, 3, 11,200,000),
 * started from the repository root; the launcher is {@code connector-app/target/bin/pql} unless
 * {@code -Dpql.launcher=…} names another. The launcher's JVM options apply to {@code pql plan} ({@code PQL_JAVA_OPTS}
 * is passed on); DuckDB's JVM gets {@code -Xmx64m} (its memory is native).
 */
public final class DuckDbComparison {
  private static final PrintStream OUT = System.out;
  private static final int THREADS = 2;

  private DuckDbComparison() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/acceptance").toAbsolutePath();
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    DemoSpec spec = args.length > 2 ? withEvents(Long.parseLong(args[2])) : AcceptanceData.SPEC;
    Instant now = Instant.now();
    Path config = AcceptanceData.prepare(dir, spec, AcceptanceData.dataNow(now), OUT);
    ModelConfig model = parse(Files.readString(config)).model();
    Path sql = dir.resolve("duckdb-metrics.sql");
    Files.writeString(sql, DuckDbRunner.join(DuckDbQuery.statements(model, dir.resolve("data"), now, THREADS)));
    if (!check(Files.readString(config), model, dir, now)) {
      System.exit(1);
    }
    compare(config, sql, dir.resolve("logs"), pairs);
  }

  private static DemoSpec withEvents(long events) {
    DemoSpec full = AcceptanceData.SPEC;
    return new DemoSpec(full.accounts(), full.users(), events, full.days(), full.seed());
  }

  private static PqlConfig parse(String yaml) {
    return new ConfigLoader(Plugins.load(), name -> null).parse(yaml);
  }

  /** Every entity, every metric: the engine's value equals DuckDB's (an entity DuckDB has no row for has none). */
  static boolean check(String yaml, ModelConfig model, Path dir, Instant now) throws SQLException {
    long started = System.nanoTime();
    List<String> names = DuckDbQuery.metricNames(model);
    Map<EntityRef, Map<String, Double>> duck = DuckDbQuery.run(DuckDbQuery.statements(model, dir.resolve("data"), now,
        THREADS), names);
    Map<EntityRef, Map<String, Double>> ours = ours(yaml, now);
    Map<String, Double> none = empty(model);
    Set<EntityRef> all = new HashSet<>(ours.keySet());
    all.addAll(duck.keySet());
    List<String> differences = new ArrayList<>();
    for (EntityRef entity : all) {
      Map<String, Double> mine = ours.get(entity);
      Map<String, Double> theirs = duck.getOrDefault(entity, none);
      if (mine == null || !same(mine, theirs, names)) {
        differences.add(entity + ": pql " + mine + ", duckdb " + theirs);
      }
    }
    OUT.printf("check:   %,d entities (%,d with events), %d values each: %s (%.1f s)%n", all.size(), duck.size(),
        names.size(), differences.isEmpty() ? "all equal" : differences.size() + " differ",
        (System.nanoTime() - started) / 1e9);
    differences.stream().limit(10).forEach(d -> OUT.println("  " + d));
    return differences.isEmpty();
  }

  private static Map<EntityRef, Map<String, Double>> ours(String yaml, Instant now) {
    PqlConfig config = parse(yaml);
    CompiledModel model = new CompiledModel(config.model());
    Plugins plugins = Plugins.load();
    Map<EntityRef, Map<String, Double>> values = new HashMap<>();
    try (AnalyticsSource source = new Connectors(plugins, Clock.systemUTC()).source(config.sources().get("product"))) {
      EvaluationStep.Evaluated evaluated = new EvaluationStep(model).run(source, Map.of(), List.of(), now, null,
          Progress.NONE);
      for (Evaluation evaluation : evaluated.evaluations()) {
        values.put(evaluation.entity(), evaluation.result().metrics());
      }
    }
    return values;
  }

  /** What the engine gives an entity without events: 0 for every metric but firstSeen/lastSeen, which have none. */
  private static Map<String, Double> empty(ModelConfig model) {
    Map<String, Double> values = new HashMap<>();
    model.metrics().forEach((name, spec) -> {
      if (spec.firstSeen() == null && spec.lastSeen() == null) {
        values.put(name, 0.0);
      }
    });
    values.put(ModelConfig.ACTIVATION_PCT, 0.0);
    return values;
  }

  private static boolean same(Map<String, Double> mine, Map<String, Double> theirs, List<String> names) {
    for (String name : names) {
      Double a = mine.get(name);
      Double b = theirs.get(name);
      if (!Objects.equals(a, b) && (a == null || b == null || Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(a)))) {
        return false;
      }
    }
    return true;
  }

  /** {@code pairs} turns of plan then DuckDB, each a whole process; a failed run stops the comparison. */
  private static void compare(Path config, Path sql, Path logs, int pairs) throws IOException, InterruptedException {
    String launcher = System.getProperty("pql.launcher", "connector-app/target/bin/pql");
    List<String> plan = List.of("sh", launcher, "plan", "--config", config.toString());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> duck = List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        DuckDbRunner.class.getName(), sql.toString());
    OUT.printf("plan:    %s (PQL_JAVA_OPTS=%s)%nduckdb:  DuckDbRunner %s%n", String.join(" ", plan),
        Objects.requireNonNullElse(System.getenv("PQL_JAVA_OPTS"), ""), sql);
    OUT.println("\npair   plan wall s  cpu s  peak MiB   duckdb wall s  cpu s  peak MiB   ratio");
    List<double[]> rows = new ArrayList<>();
    for (int i = 1; i <= pairs; i++) {
      ProcessTimer.Measured a = ProcessTimer.run(plan, logs.resolve("plan-" + i + ".log"));
      ProcessTimer.Measured b = ProcessTimer.run(duck, logs.resolve("duckdb-" + i + ".log"));
      if (a.exitCode() != 0 || b.exitCode() != 0) {
        OUT.printf("pair %d failed: plan exit %d, duckdb exit %d (logs in %s)%n", i, a.exitCode(), b.exitCode(), logs);
        System.exit(1);
      }
      double[] row = {a.wallSeconds(), a.cpuSeconds(), a.peakMiB(), b.wallSeconds(), b.cpuSeconds(), b.peakMiB(),
          a.wallSeconds() / b.wallSeconds()};
      rows.add(row);
      OUT.println(format("" + i, row));
    }
    double[] median = new double[7];
    for (int c = 0; c < median.length; c++) {
      int column = c;
      double[] sorted = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
      median[c] = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
          : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
    OUT.println(format("median", median));
    OUT.printf("%npql plan takes %.2fx DuckDB's wall time (median of %d paired ratios; goal: at most 0.5x), peak RSS "
        + "%.0f MiB (goal: under 512 MiB)%n", median[6], pairs, median[2]);
  }

  private static String format(String label, double[] r) {
    return String.format("%-6s %11.2f %6.2f %9.0f   %13.2f %6.2f %9.0f   %5.2fx", label, r[0], r[1], r[2], r[3],
        r[4], r[5], r[6]);
  }
}
