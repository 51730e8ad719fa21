package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.CrmDestination;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pql validate}: the config, then a read-only probe of every source, destination and the state database. */
@Command(name = "validate", description = "Check the config file, then reach every source and destination read-only.")
final class ValidateCommand implements Callable<Integer> {
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
      boolean state = app.store().isReachable();
      out.printf("%s state (%s): %s%n", state ? "ok  " : "FAIL", cfg.state().isPostgres() ? "postgresql" : "h2",
          state ? "reachable" : "not reachable");
      return ok && state ? ExitCodes.OK : ExitCodes.UNREACHABLE;
    }
  }

  private static boolean report(PrintWriter out, String what, String type, CheckResult result) {
    out.printf("%s %s (%s): %s%n", result.isOk() ? "ok  " : "FAIL", what, type, result.message());
    return result.isOk();
  }
}
