package io.github.pqlconnector.core.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The project's one window contract, for reports: {@code 90d} covers 00:00 UTC 89 days ago up to now, today included. */
final class ReportWindow {
  private ReportWindow() {}

  static Instant start(Instant now, Duration length) {
    long days = Math.max(1, length.toDays());
    return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
