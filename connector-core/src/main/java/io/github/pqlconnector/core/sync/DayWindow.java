package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.engine.DayFolder;
import io.github.pqlconnector.core.state.BucketDao;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a run asks its source for, [{@code from}, {@code to}), and which stored day buckets it keeps.
 * Windows are whole UTC days ending now, so the days kept start at {@code keepFromDay} = today − (longest
 * window in days − 1). Without usable buckets (first run, {@code --full}, a model edit) the run reads every
 * kept day and rebuilds; otherwise it reads from the day of (previous {@code to} − late-data window).
 * {@code to} is now + 1 ms because a window includes an event stamped exactly now.
 */
record DayWindow(Instant from, Instant to, long keepFromDay, boolean rebuild) {
  private static final long DAY_MILLIS = 86_400_000L;

  static DayWindow plan(CompiledModel model, Instant now, Optional<BucketDao.Window> previous, Duration lateData) {
    long today = Math.floorDiv(now.toEpochMilli(), DAY_MILLIS);
    long keepFromDay = today - model.maxCalendarDays() + 1;
    Instant to = now.plusMillis(1);
    Optional<BucketDao.Window> usable = previous.filter(w -> w.modelHash().equals(DayFolder.fingerprint(model)));
    if (usable.isEmpty()) {
      return new DayWindow(dayStart(keepFromDay), to, keepFromDay, true);
    }
    long resumeDay = Math.floorDiv(usable.get().readTo().minus(lateData).toEpochMilli(), DAY_MILLIS);
    long fromDay = Math.min(today, Math.max(keepFromDay, resumeDay));
    return new DayWindow(dayStart(fromDay), to, keepFromDay, false);
  }

  long fromDay() {
    return Math.floorDiv(from.toEpochMilli(), DAY_MILLIS);
  }

  private static Instant dayStart(long epochDay) {
    return Instant.ofEpochMilli(epochDay * DAY_MILLIS);
  }
}
