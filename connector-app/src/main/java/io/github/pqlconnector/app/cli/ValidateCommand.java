package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.config.CronCheck;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.CrmDestination;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pql validate}: the config, then a read-only probe of every source, destination and the state database. */
@Command(name = "validate", description = "Check the config file, then reach every source and destination read-only.")
final class ValidateCommand implements Callable<Integer> {
  private static final int NEXT_FIRES = 3;
  private static final DateTimeFormatter FIRE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.US);

  @Mixin ConfigOption config;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (AppContext app = AppContext.load(config.file)) {
      PqlConfig cfg = app.config();
      out.printf("config %s: ok (%d sources, %d destinations, %d syncs)%n", config.file, cfg.sources().size(),
          cfg.destinations().size(), cfg.syncs().size());
      boolean ok = true;
      for (var named : cfg.sources().values()) {
        try (AnalyticsSource source = app.connectors().source(named)) {
          ok &= report(out, "sources." + named.name(), named.type(), source.check());
        }
      }
      for (var named : cfg.destinations().values()) {
        try (CrmDestination destination = app.connectors().destination(named)) {
          ok &= report(out, "destinations." + named.name(), named.type(), destination.check());
        }
      }
      boolean state = state(out, app);
      schedules(out, cfg);
      return ok && state ? ExitCodes.OK : ExitCodes.UNREACHABLE;
    }
  }

  /** Reachable is not enough: a read-only database answers queries and then fails the run's first write. */
  private static boolean state(PrintWriter out, AppContext app) {
    String kind = app.config().state().isPostgres() ? "postgresql" : "h2";
    if (!app.store().isReachable()) {
      out.printf("FAIL state (%s): not reachable%n", kind);
      return false;
    }
    Optional<String> readOnly = app.store().writeProblem();
    out.printf("%s state (%s): %s%n", readOnly.isEmpty() ? "ok  " : "FAIL", kind,
        readOnly.map(p -> "reachable but not writable: " + p).orElse("reachable and writable"));
    return readOnly.isEmpty();
  }

  /** Each sync's next fire times, in this machine's time zone (the one Quartz uses). */
  private static void schedules(PrintWriter out, PqlConfig cfg) {
    ZoneId zone = ZoneId.systemDefault();
    for (SyncConfig sync : cfg.syncs()) {
      if (sync.cron() == null) {
        out.printf("     syncs.%s: no cron; runs only by pql run or the admin API%n", sync.name());
        continue;
      }
      String fires = CronCheck.nextFires(sync.cron(), Instant.now(), NEXT_FIRES).stream()
          .map(i -> FIRE_TIME.format(i.atZone(zone))).collect(Collectors.joining(", "));
      out.printf("     syncs.%s: cron \"%s\" next fires %s%n", sync.name(), sync.cron(), fires);
    }
  }

  private static boolean report(PrintWriter out, String what, String type, CheckResult result) {
    out.printf("%s %s (%s): %s%n", result.isOk() ? "ok  " : "FAIL", what, type, result.message());
    return result.isOk();
  }
}
