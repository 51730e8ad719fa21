package io.github.pqlconnector.core.alert;

import io.github.pqlconnector.core.config.AlertsConfig.Kind;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * {@code stalled}: a scheduled sync with no successful run (SUCCESS or PARTIAL) for {@value #INTERVALS} of its cron
 * intervals, counted from its last success, else from its first run, else from when this process began serving. The
 * last of those fires gets a grace of one interval, at most {@link #MAX_GRACE}, to finish. A paused sync or one
 * without a cron is never stalled.
 */
public final class StallCheck {
  static final int INTERVALS = 3;
  static final Duration MAX_GRACE = Duration.ofMinutes(5);

  private final StateStore store;
  private final Instant servingSince;

  public StallCheck(StateStore store, Instant servingSince) {
    this.store = store;
    this.servingSince = servingSince;
  }

  /**
   * The alert for {@code sync} when it is stalled at {@code now}; {@code fireAfter} gives the sync's next scheduled
   * fire after an instant (null when there is none).
   */
  public Optional<Alert> check(String sync, UnaryOperator<@Nullable Instant> fireAfter, Instant now) {
    Optional<Instant> success = store.read(c -> new RunDao().lastSuccess(c, sync));
    Instant from = success.or(() -> store.read(c -> new RunDao().firstStart(c, sync))).orElse(servingSince);
    Instant previous = from;
    Instant fire = from;
    for (int i = 0; i < INTERVALS; i++) {
      previous = fire;
      fire = fireAfter.apply(fire);
      if (fire == null) {
        return Optional.empty();
      }
    }
    Duration interval = Duration.between(previous, fire);
    Instant due = fire.plus(interval.compareTo(MAX_GRACE) > 0 ? MAX_GRACE : interval);
    if (!now.isAfter(due)) {
      return Optional.empty();
    }
    String since = success.map(at -> "since " + at).orElse("yet");
    return Optional.of(new Alert(Kind.STALLED.id(), sync, null, now, sync + " has not run successfully " + since,
        List.of("no successful run for " + INTERVALS + " scheduled intervals; check pql history --sync " + sync),
        null));
  }
}
