package io.github.pqlconnector.sources.jdbc;

import static io.github.pqlconnector.sources.jdbc.JdbcQueries.ACCOUNT_ID;
import static io.github.pqlconnector.sources.jdbc.JdbcQueries.EMAIL;
import static io.github.pqlconnector.sources.jdbc.JdbcQueries.EVENT;
import static io.github.pqlconnector.sources.jdbc.JdbcQueries.EVENT_ID;
import static io.github.pqlconnector.sources.jdbc.JdbcQueries.TIMESTAMP;
import static io.github.pqlconnector.sources.jdbc.JdbcQueries.USER_ID;

import io.github.pqlconnector.core.model.Event;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;

/** Turns rows of the events query into {@link Event}s; column positions are resolved once per query. */
final class EventRows {
  private final Calendar utc = utc();

  private final int event;
  private final int timestamp;
  private final int user;
  private final int account;
  private final int email;
  private final int eventId;
  private final List<String> propertyNames = new ArrayList<>();
  private final List<Integer> propertyColumns = new ArrayList<>();

  /** {@code wanted}: the properties the model reads; other columns are not fetched into events. */
  EventRows(Columns columns, Set<String> wanted) {
    event = columns.index(EVENT);
    timestamp = columns.index(TIMESTAMP);
    user = columns.index(USER_ID);
    account = columns.index(ACCOUNT_ID);
    email = columns.index(EMAIL);
    eventId = columns.index(EVENT_ID);
    for (String name : wanted) {
      if (columns.has(name) && !JdbcQueries.EVENT_COLUMNS.contains(name.toLowerCase(Locale.ROOT))) {
        propertyNames.add(name);
        propertyColumns.add(columns.index(name));
      }
    }
  }

  /** Where a row is, for a rejection: its number in this read and its event id when there is one. */
  String location(ResultSet row, long number) {
    try {
      String id = eventId == 0 ? null : row.getString(eventId);
      return "events row " + number + (id == null ? "" : " (event_id " + id + ")");
    } catch (SQLException e) {
      return "events row " + number;
    }
  }

  /** The event, or the problem that makes the row unusable. SQLException only for a failed connection. */
  Object read(ResultSet row) throws SQLException {
    String name = row.getString(event);
    if (name == null || name.isBlank()) {
      return "no event name";
    }
    Timestamp at = row.getTimestamp(timestamp, utc);
    if (at == null) {
      return "no timestamp";
    }
    String userId = text(row, user);
    String accountId = text(row, account);
    if (userId == null && accountId == null) {
      return "neither user_id nor account_id";
    }
    return new Event(name, at.getTime(), userId, accountId, text(row, email), properties(row));
  }

  private Map<String, Object> properties(ResultSet row) throws SQLException {
    if (propertyNames.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < propertyNames.size(); i++) {
      Object value = row.getObject(propertyColumns.get(i));
      if (value != null) {
        values.put(propertyNames.get(i), value instanceof Number || value instanceof Boolean ? value : value.toString());
      }
    }
    return values;
  }

  private static @Nullable String text(ResultSet row, int column) throws SQLException {
    return column == 0 ? null : row.getString(column);
  }

  /** A new calendar each time: the JDBC timestamp methods read it, and a Calendar is not thread-safe. */
  static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  }

  /** Whether rows carry an account id or an email, which the engine learns from the last event that had one. */
  boolean teachesIdentities() {
    return account != 0 || email != 0;
  }

  boolean hasEventId() {
    return eventId != 0;
  }
}
