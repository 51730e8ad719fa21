package io.github.pqlconnector.core.report;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.state.OutcomeDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pql report}: the conversion report of a sync from what its runs recorded, the verdict history and the
 * outcomes read back from the CRM. Reads the state store only; the source and the CRM are not asked.
 */
public final class LiveReport {
  private LiveReport() {}

  /** The sync's conversions joined to entities, oldest first per entity, from the outcomes read back. */
  public static Map<EntityRef, List<Instant>> conversions(StateStore store, String sync) {
    Map<EntityRef, List<Instant>> conversions = new HashMap<>();
    store.read(c -> {
      new OutcomeDao().converted(c, sync, converted -> conversions
          .computeIfAbsent(converted.entity(), e -> new ArrayList<>()).add(converted.convertedAt()));
      return null;
    });
    return conversions;
  }

  /** Entries of the last {@code since} (whole UTC days, today included), conversions within {@code horizon}. */
  public static ConversionReport of(StateStore store, String sync, Instant now, Duration since, Duration horizon,
      List<EntityLevel> levels) {
    Instant from = ReportWindow.start(now, since);
    Map<EntityRef, Journey> journeys = new HashMap<>();
    Map<EntityRef, List<Instant>> conversions = new HashMap<>();
    store.read(c -> {
      new VerdictHistoryDao().since(c, sync, Instant.EPOCH, change -> journeys
          .computeIfAbsent(change.entity(), e -> new Journey(from, now))
          .change(change.at(), change.status(), change.score(), change.verdict().type(),
              change.verdict().activationPct()));
      return null;
    });
    conversions.putAll(conversions(store, sync));
    ConversionStats stats = new ConversionStats(journeys, conversions, horizon, now);
    return new ConversionReport(sync, "verdict history", from, now, (int) horizon.toDays(),
        levels.stream().map(stats::level).toList());
  }
}
