package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.app.admin.ApiJson;
import io.github.pqlconnector.core.config.AlertsConfig;
import io.github.pqlconnector.core.config.CronCheck;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.error.ConfigProblem;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.CrmDestination;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pql validate}: the config, then a read-only probe of every source, destination and the state database. */
@Command(name = "validate", description = "Check the config file, then reach every source and destination read-only.")
final class ValidateCommand implements Callable<Integer> {
  private static final int NEXT_FIRES = 3;
  private static final DateTimeFormatter FIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.US);

  /** {@code -o json}: the config's problems, or every check and each sync's next fires. */
  record Validation(String config, boolean ok, List<ConfigProblem> problems, List<Check> checks,
      List<Schedule> schedules) {}

  /** One probe: {@code what} is the config path ({@code sources.product}, {@code state}). */
  record Check(String what, String type, boolean ok, String message) {}

  /** A sync's cron and its next fire times (none without a cron). */
  record Schedule(String sync, @Nullable String cron, List<Instant> nextFires) {}

  @Mixin ConfigOption config;
  @Mixin OutputFormat output;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    AppContext app;
    try {
      app = AppContext.load(config.file);
    } catch (ConfigException e) {
      if (!output.json()) {
        throw e;
      }
      out.println(ApiJson.of(new Validation(config.file.toString(), false, e.problems(), List.of(), List.of())));
      return ExitCodes.BAD_CONFIG;
    }
    try (app) {
      PqlConfig cfg = app.config();
      List<Check> checks = checks(app);
      List<Schedule> schedules = schedules(cfg);
      boolean ok = checks.stream().allMatch(Check::ok);
      if (output.json()) {
        out.println(ApiJson.of(new Validation(config.file.toString(), ok, List.of(), checks, schedules)));
      } else {
        print(out, cfg, checks, schedules);
      }
      return ok ? ExitCodes.OK : ExitCodes.UNREACHABLE;
    }
  }

  private List<Check> checks(AppContext app) {
    List<Check> checks = new ArrayList<>();
    for (var named : app.config().sources().values()) {
      try (AnalyticsSource source = app.connectors().source(named)) {
        checks.add(check("sources." + named.name(), named.type(), source.check()));
      }
    }
    for (var named : app.config().destinations().values()) {
      try (CrmDestination destination = app.connectors().destination(named)) {
        checks.add(check("destinations." + named.name(), named.type(), destination.check()));
      }
    }
    checks.add(state(app));
    checks.addAll(alerts(app.config().alerts()));
    return checks;
  }

  /** The loader already checked each receiver's shape; nothing is posted, so no message reaches a channel. */
  private static List<Check> alerts(AlertsConfig alerts) {
    List<Check> checks = new ArrayList<>();
    if (alerts.slack() != null) {
      checks.add(new Check("alerts.slack", "slack", true, "an incoming-webhook URL of Slack's shape (not posted)"));
    }
    if (alerts.webhook() != null) {
      URI url = URI.create(alerts.webhook().url());
      checks.add(new Check("alerts.webhook", "webhook", true, "posts to " + url.getScheme() + "://" + url.getHost()
          + ", signed with the secret (not posted)"));
    }
    return checks;
  }

  /** Reachable is not enough: a read-only database answers queries and then fails the run's first write. */
  private static Check state(AppContext app) {
    String kind = app.config().state().isPostgres() ? "postgresql" : "h2";
    if (!app.store().isReachable()) {
      return new Check("state", kind, false, "not reachable");
    }
    Optional<String> readOnly = app.store().writeProblem();
    return new Check("state", kind, readOnly.isEmpty(),
        readOnly.map(p -> "reachable but not writable: " + p).orElse("reachable and writable"));
  }

  private static List<Schedule> schedules(PqlConfig cfg) {
    return cfg.syncs().stream().map(sync -> new Schedule(sync.name(), sync.cron(), sync.cron() == null ? List.of()
        : CronCheck.nextFires(sync.cron(), Instant.now(), NEXT_FIRES))).toList();
  }

  private void print(PrintWriter out, PqlConfig cfg, List<Check> checks, List<Schedule> schedules) {
    out.printf("config %s: ok (%d sources, %d destinations, %d syncs)%n", config.file, cfg.sources().size(),
        cfg.destinations().size(), cfg.syncs().size());
    checks.forEach(c -> out.printf("%s %s (%s): %s%n", c.ok() ? "ok  " : "FAIL", c.what(), c.type(), c.message()));
    ZoneId zone = ZoneId.systemDefault();   // the zone Quartz fires in
    for (Schedule schedule : schedules) {
      if (schedule.cron() == null) {
        out.printf("     syncs.%s: no cron; runs only by pql run or the admin API%n", schedule.sync());
        continue;
      }
      out.printf("     syncs.%s: cron \"%s\" next fires %s%n", schedule.sync(), schedule.cron(), schedule.nextFires()
          .stream().map(i -> FIRE_TIME.format(i.atZone(zone))).collect(Collectors.joining(", ")));
    }
  }

  private static Check check(String what, String type, CheckResult result) {
    return new Check(what, type, result.isOk(), result.message());
  }
}
