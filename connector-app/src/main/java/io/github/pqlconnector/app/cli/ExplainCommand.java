package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.app.admin.ApiJson;
import io.github.pqlconnector.app.admin.EntityDetail;
import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.engine.Numbers;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import io.github.pqlconnector.core.sync.Explainer;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pql explain ID}: every metric, fit rule and signal (met and missed), score and status of one entity. */
@Command(name = "explain", description = "Show how one user or account was decided: metrics, fit, signals, score, status.")
final class ExplainCommand implements Callable<Integer> {
  private static final int HISTORY_SHOWN = 20;
  private static final DateTimeFormatter HISTORY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  @Mixin ConfigOption config;
  @Parameters(paramLabel = "ID", description = "The user or account id as it appears in the analytics data.")
  String id;
  @Option(names = "--level", paramLabel = "LEVEL", description = "user or account (default: whichever has this id).")
  EntityLevel level;
  @Option(names = "--sync", paramLabel = "NAME", description = "The sync whose source and state to use.")
  String sync;
  @Mixin OutputFormat output;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (AppContext app = AppContext.load(config.file)) {
      SyncConfig syncConfig = app.config().pickSync(sync);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      List<Explainer.Explained> found = new Explainer(app.config(), app.store(), app.connectors(),
          app.runner().model()).explain(syncConfig, id, level, now);
      if (found.isEmpty()) {
        spec.commandLine().getErr().println("no " + (level == null ? "user or account" : level.id()) + " with id '"
            + id + "' in the source's data or traits");
        return ExitCodes.BAD_CONFIG;
      }
      if (output.json()) {
        out.println(json(app, syncConfig.name(), found));
        return ExitCodes.OK;
      }
      for (Explainer.Explained explained : found) {
        Evaluation e = explained.evaluation();
        print(out, e);
        traits(out, e, explained.origins());
        history(out, app.store().read(c -> new VerdictHistoryDao().of(c, syncConfig.name(), e.entity())));
      }
      return ExitCodes.OK;
    }
  }

  private static String json(AppContext app, String sync, List<Explainer.Explained> found) {
    List<EntityRef> entities = found.stream().map(f -> f.evaluation().entity()).toList();
    return ApiJson.explained(entities,
        found.stream().map(f -> EntityDetail.Explanation.of(f.evaluation(), f.origins())).toList(),
        entities.stream().map(e -> app.store().read(c -> new VerdictHistoryDao().of(c, sync, e))).toList());
  }

  private static void traits(PrintWriter out, Evaluation e, Map<String, String> origins) {
    out.println("traits (value, and the source it came from):");
    if (e.traits().values().isEmpty()) {
      out.println("  (none)");
    }
    new TreeMap<>(e.traits().values()).forEach((trait, value) -> out.printf("  %-24s %-32s %s%n", trait, value,
        origins.getOrDefault(trait, "-")));
    out.println();
  }

  private static void print(PrintWriter out, Evaluation e) {
    PqlResult r = e.result();
    out.printf("%s %s%n", r.entity().level().id(), r.entity().id());
    out.printf("status %s, score %d, type %s%s%n", r.status().id(), r.score(), r.primaryType() == null ? "-" : r.primaryType(),
        r.qualifiedAt() == null ? "" : ", PQL since " + r.qualifiedAt());
    out.println("\nmetrics:");
    r.metrics().forEach((name, value) -> out.printf("  %-24s %s%n", name, Numbers.format(value)));
    out.println("\nfit:");
    if (e.fit().isEmpty()) {
      out.println("  (no fit rules)");
    }
    e.fit().forEach(f -> out.printf("  %s %s%s%n", f.passed() ? "[met]   " : "[FAILED]", f.explanation(),
        f.level() == r.entity().level() ? "" : " (account rule)"));
    out.println("\nsignals:");
    e.signals().forEach(s -> out.printf("  %s %3d  %s%n", s.fired() ? "[met]   " : "[missed]", s.fired() ? s.points() : 0,
        s.explanation()));
    out.println("\nreasons written to the CRM:");
    r.reasons().forEach(reason -> out.println("  - " + reason));
    out.println();
  }

  /** The verdict history as runs recorded it, the newest {@value #HISTORY_SHOWN} changes. */
  private static void history(PrintWriter out, List<VerdictHistoryDao.Change> changes) {
    out.println("history (status and score as runs decided them, in UTC):");
    if (changes.isEmpty()) {
      out.println("  (no run has decided this entity yet)");
    }
    int skipped = Math.max(0, changes.size() - HISTORY_SHOWN);
    if (skipped > 0) {
      out.printf("  (%d earlier changes not shown)%n", skipped);
    }
    changes.stream().skip(skipped).forEach(c -> out.printf("  %s  %-8s %3d  (run %d)%n",
        HISTORY_TIME.format(c.at()), c.status().id(), c.score(), c.runId()));
    out.println();
  }
}
