package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.SetupReport;
import io.github.pqlconnector.core.sync.Retries;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pql setup}: create or verify the PQL fields in every destination, idempotently. A destination set up
 * without problems is recorded, so the next run of its syncs tries the records it refused before at once.
 */
@Command(name = "setup", description = "Create or verify the PQL fields in each destination (idempotent).")
final class SetupCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Option(names = "--dry-run", description = "Only report what would be created.") boolean dryRun;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean clean = true;
    try (AppContext app = AppContext.load(config.file)) {
      for (var named : app.config().destinations().values()) {
        try (CrmDestination destination = app.connectors().destination(named)) {
          SetupReport report = destination.ensureFields(dryRun);
          out.printf("destinations.%s (%s):%n", named.name(), named.type());
          report.created().forEach(f -> out.println((dryRun ? "  would create " : "  created ") + f));
          report.unchanged().forEach(f -> out.println("  ok " + f));
          report.problems().forEach(p -> out.println("  PROBLEM " + p));
          clean &= report.problems().isEmpty();
          if (!dryRun && report.problems().isEmpty()) {
            Retries.setupSucceeded(app.store(), named.name(), Instant.now());
          }
        }
      }
    }
    return clean ? ExitCodes.OK : ExitCodes.RECORD_FAILURES;
  }
}
