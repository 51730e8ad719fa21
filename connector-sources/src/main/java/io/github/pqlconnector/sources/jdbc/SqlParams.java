package io.github.pqlconnector.sources.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Binds statement parameters: instants as UTC timestamps, longs, everything else as text. */
final class SqlParams {
  private SqlParams() {}

  /** Binds {@code params} to the placeholders from {@code first} (1-based) on; returns the next placeholder. */
  static int bind(PreparedStatement prepared, List<Object> params, int first) throws SQLException {
    int index = first;
    for (Object param : params) {
      if (param instanceof Instant instant) {
        prepared.setTimestamp(index++, Timestamp.from(instant), EventRows.utc());
      } else if (param instanceof Long number) {
        prepared.setLong(index++, number);
      } else {
        prepared.setString(index++, (String) param);
      }
    }
    return index;
  }
}
