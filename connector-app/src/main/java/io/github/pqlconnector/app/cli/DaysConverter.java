package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.config.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** {@code 90d}, {@code 12w}: a number of whole days for report and backtest options; anything else is a usage error. */
final class DaysConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    Duration parsed = Durations.parse(value).filter(d -> d.toDays() > 0 && d.toSeconds() % 86_400 == 0)
        .orElseThrow(() -> new CommandLine.TypeConversionException("'" + value + "' is not a number of days"
            + " such as 90d or 12w"));
    return parsed;
  }
}
