package io.github.pqlconnector.sources.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The three queries a {@code jdbc} source runs, each returning named columns (labels compared in lower case).
 * {@code events}: {@value #EVENT}, {@value #TIMESTAMP} (a timestamp column, read as UTC), {@value #USER_ID}
 * and/or {@value #ACCOUNT_ID}, optionally {@value #EMAIL} and {@value #EVENT_ID} (orders events of the same
 * instant); every other column is an event property. {@code users}: {@value #USER_ID}, optionally
 * {@value #ACCOUNT_ID} (the user's account), every other column a trait. {@code accounts}: {@value #ACCOUNT_ID},
 * every other column a trait. {@code ignored} names columns that are neither (a preset's bookkeeping columns).
 * {@code userAccounts} (presets only) returns just {@value #USER_ID}, {@value #ACCOUNT_ID}: the same mapping as
 * the users query, for pushdown SQL; without it pushdown reads the users query's account_id column.
 * {@code propertyTables} (presets only) adds the per-event tables' property columns a read needs to {@code events}.
 */
record JdbcQueries(String events, @Nullable String users, @Nullable String accounts, @Nullable String userAccounts,
    Set<String> ignored, Set<String> ignoredPrefixes, @Nullable PropertyTables propertyTables) {
  static final String EVENT = "event";
  static final String TIMESTAMP = "timestamp";
  static final String USER_ID = "user_id";
  static final String ACCOUNT_ID = "account_id";
  static final String EMAIL = "email";
  static final String EVENT_ID = "event_id";
  /** Columns of the events query that are never properties. */
  static final Set<String> EVENT_COLUMNS = Set.of(EVENT, TIMESTAMP, USER_ID, ACCOUNT_ID, EMAIL, EVENT_ID);

  JdbcQueries {
    ignored = Set.copyOf(ignored);
    ignoredPrefixes = Set.copyOf(ignoredPrefixes);
  }

  static JdbcQueries custom(JdbcSourceConfig.Queries queries) {
    return new JdbcQueries(strip(queries.events()), blankToNull(queries.users()), blankToNull(queries.accounts()),
        null, Set.of(), Set.of(), null);
  }

  /**
   * The events query of a read that needs {@code properties}: custom SQL as written, a preset's with the
   * per-event tables that hold them joined in (looked up in the warehouse's metadata on {@code connection}),
   * their rows near [{@code from}, {@code to}) only.
   */
  PropertyTables.EventsQuery eventsFor(Connection connection, Set<String> properties, Instant from, Instant to)
      throws SQLException {
    return propertyTables == null || properties.isEmpty()
        ? new PropertyTables.EventsQuery(events, List.of(), List.of())
        : propertyTables.query(connection, properties, from, to);
  }

  /** Whether a traits query column is bookkeeping rather than a trait. */
  boolean ignores(String label) {
    String name = label.toLowerCase(Locale.ROOT);
    return ignored.contains(name) || ignoredPrefixes.stream().anyMatch(name::startsWith);
  }

  private static String strip(@Nullable String sql) {
    String trimmed = sql == null ? "" : sql.strip();
    return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }

  private static @Nullable String blankToNull(@Nullable String sql) {
    return sql == null || sql.isBlank() ? null : strip(sql);
  }
}
