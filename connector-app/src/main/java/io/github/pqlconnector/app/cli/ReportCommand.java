package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.report.ConversionReport;
import io.github.pqlconnector.core.report.LiveReport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pql report}: what the live verdicts led to, from the verdict history and the outcomes read back. */
@Command(name = "report", description = {"Conversion per tier from what the runs recorded: for the users and accounts"
    + " that entered each tier in the period, how many converted within the horizon, the lift of pql over the rest,"
    + " the median days to convert, conversion per signal type, the funnel and the PQLs per week. Reads the state"
    + " only (run pql outcomes, or let the runs read outcomes, first)."})
final class ReportCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Option(names = "--sync", paramLabel = "NAME", description = "The sync to report on (needed when the config has"
      + " several).")
  String sync;
  @Option(names = "--since", paramLabel = "DAYS", converter = DaysConverter.class, defaultValue = "90d",
      description = "Entries of the last DAYS, whole UTC days, today included (default: ${DEFAULT-VALUE}).")
  Duration since;
  @Option(names = "--horizon", paramLabel = "DAYS", converter = DaysConverter.class, defaultValue = "90d",
      description = "A conversion counts within DAYS of entering the tier (default: ${DEFAULT-VALUE}).")
  Duration horizon;
  @Mixin ReportOptions output;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    try (AppContext app = AppContext.load(config.file)) {
      String syncName = app.config().pickSync(sync).name();
      ConversionReport report = LiveReport.of(app.store(), syncName, Instant.now(), since, horizon, output.levels());
      Reports.write(spec.commandLine().getOut(), report, output.json(), output.html);
      return ExitCodes.OK;
    }
  }
}
