package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.model.EntityLevel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** What {@code pql report} and {@code pql backtest} print alike: which levels, text or JSON, and the HTML page. */
final class ReportOptions {
  /** How a report is printed. */
  enum Format { text, json }

  @Option(names = "--level", paramLabel = "LEVEL", description = "user or account (default: both).")
  @Nullable EntityLevel level;
  @Option(names = "-o", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
  Format format = Format.text;
  @Option(names = "--html", paramLabel = "FILE", description = "Also write the (first model's) report as one"
      + " self-contained page.")
  @Nullable Path html;

  List<EntityLevel> levels() {
    return level == null ? Arrays.asList(EntityLevel.values()) : List.of(level);
  }

  boolean json() {
    return format == Format.json;
  }
}
