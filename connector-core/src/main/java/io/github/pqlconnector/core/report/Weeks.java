package io.github.pqlconnector.core.report;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.report.ConversionReport.WeekRow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Entries into a tier per week (Monday to Sunday, UTC): can sales handle that many PQLs a week? */
final class Weeks {
  private Weeks() {}

  static List<WeekRow> entries(Map<EntityRef, Journey> journeys, EntityLevel level, PqlStatus tier) {
    Map<LocalDate, Integer> perWeek = new TreeMap<>();
    journeys.forEach((entity, journey) -> {
      Journey.Entry entry = entity.level() == level ? journey.entry(tier) : null;
      if (entry != null) {
        perWeek.merge(weekOf(entry), 1, Integer::sum);
      }
    });
    List<WeekRow> rows = new ArrayList<>();
    perWeek.forEach((week, count) -> rows.add(new WeekRow(week, count)));
    return rows;
  }

  private static LocalDate weekOf(Journey.Entry entry) {
    return LocalDate.ofInstant(entry.at(), ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
