package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.config.ModelConfig;
import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.report.Backtest;
import io.github.pqlconnector.core.report.BacktestReport;
import io.github.pqlconnector.core.report.LiveReport;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pql backtest}: replay the model (and a challenger) over the source's history, point in time. */
@Command(name = "backtest", description = {"Replay the model at each date from --from to --to over the source's"
    + " history, point in time (at a date only the days before it count; hysteresis carries from date to date), and"
    + " join the entries into each tier with the outcomes read back (pql outcomes): the tables of pql report, plus"
    + " precision and recall of pql as a predictor of conversion within the horizon. Traits are as of now.",
    "Exit codes: 0 done, 2 bad options or a model file with problems, 3 the source cannot be read."})
final class BacktestCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Option(names = "--sync", paramLabel = "NAME", description = "Whose source and outcomes (needed when several).")
  String sync;
  @Option(names = "--from", paramLabel = "DATE", required = true, description = "The first date replayed (2026-06-01).")
  LocalDate from;
  @Option(names = "--to", paramLabel = "DATE", required = true, description = "The last date replayed at the latest.")
  LocalDate to;
  @Option(names = "--every", paramLabel = "DAYS", converter = DaysConverter.class, defaultValue = "7d",
      description = "Days between replayed dates (default: ${DEFAULT-VALUE}).")
  Duration every;
  @Option(names = "--horizon", paramLabel = "DAYS", converter = DaysConverter.class, defaultValue = "90d",
      description = "A conversion counts within DAYS of entering the tier (default: ${DEFAULT-VALUE}).")
  Duration horizon;
  @Option(names = "--model", paramLabel = "FILE", description = "Replay this model (a YAML file with a model: block)"
      + " instead of the config's.")
  Path model;
  @Option(names = "--vs", paramLabel = "FILE", description = "Also replay this challenger model, side by side.")
  Path challenger;
  @Mixin ReportOptions output;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (from.isAfter(to)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
    }
    try (AppContext app = AppContext.load(config.file)) {
      SyncConfig syncConfig = app.config().pickSync(sync);
      Map<String, ModelConfig> models = new LinkedHashMap<>();
      models.put(model == null ? "config" : model.getFileName().toString(),
          model == null ? app.config().model() : app.loader().loadModel(model));
      if (challenger != null) {
        models.put(challenger.getFileName().toString(), app.loader().loadModel(challenger));
      }
      Backtest.Plan plan = new Backtest.Plan(from, to, (int) every.toDays(), horizon, output.levels());
      List<BacktestReport> reports;
      try (AnalyticsSource source = app.connectors().syncSource(app.config(), syncConfig)) {
        reports = Backtest.run(source, models, plan, LiveReport.conversions(app.store(), syncConfig.name()),
            syncConfig.name(), Instant.now());
      }
      BacktestOutput.write(spec.commandLine().getOut(), reports, output.json(), output.html);
      return ExitCodes.OK;
    }
  }
}
