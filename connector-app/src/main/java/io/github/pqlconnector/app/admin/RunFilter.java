package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.state.RunDao;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Which runs the admin console lists, newest first: a null field does not filter; {@code status} is one of {@link
 * RunDao#STATUSES}; {@code from} and {@code to} are whole UTC days of the start time, both inclusive.
 */
public record RunFilter(@Nullable String sync, @Nullable String status, @Nullable LocalDate from,
    @Nullable LocalDate to, int limit) {

  /** The same filter on start instants, as the run history is queried. */
  public RunDao.Filter toDao() {
    return new RunDao.Filter(sync, status, from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
        to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), limit);
  }
}
