package io.github.pqlconnector.core.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** Small JDBC helpers shared by the DAOs: timestamps as UTC, nullable values. */
final class Sql {
  private Sql() {}

  static void setInstant(PreparedStatement ps, int index, @Nullable Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }
  }

  static @Nullable Instant getInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Binds one row's values, in the same order for the UPDATE and the INSERT of {@link #upsert}. */
  @FunctionalInterface
  interface Binder<R> {
    void bind(PreparedStatement ps, R row) throws SQLException;
  }

  /**
   * Portable upsert (H2 and PostgreSQL): a batched UPDATE, then an INSERT for the rows it did not find.
   * Both statements take the same parameters in the same order. Callers hold the sync's only writer.
   */
  static <R> void upsert(Connection c, String update, String insert, List<R> rows, Binder<R> binder)
      throws SQLException {
    for (int from = 0; from < rows.size(); from += CHUNK) {
      List<R> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
      int[] counts = batch(c, update, chunk, binder);
      List<R> missing = new ArrayList<>();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          missing.add(chunk.get(i));
        }
      }
      batch(c, insert, missing, binder);
    }
  }

  static <R> int[] batch(Connection c, String sql, List<R> rows, Binder<R> binder) throws SQLException {
    if (rows.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (R row : rows) {
        binder.bind(ps, row);
        ps.addBatch();
      }
      return ps.executeBatch();
    }
  }

  private static final int CHUNK = 1000;
}
