package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox rows to push now: every PENDING row, and FAILED and UNMATCHED rows whose next attempt has come, each
 * with the CRM id a confirmed earlier write returned. The ids are looked up by primary key in a second query, not
 * joined: PostgreSQL plans a join against statistics taken while the tables were still small, and on a first run
 * that turned 1,000 rows into a nested loop over every pushed row (3.5 s a page at 20,000 records).
 */
public final class DueRows {
  private static final String SELECT = "SELECT entity_id, hash, payload, state, attempts, refusals FROM outbox"
      + " WHERE sync_name = ? AND level = ? AND " + OutboxDao.DUE;
  /** Ids per {@code IN} list: well under every database's limit on parameters. */
  private static final int IN_LIST = 500;

  private DueRows() {}

  /** The next page for a level after {@code afterId}, by id. */
  public static List<OutboxDao.Row> page(Connection c, String sync, EntityLevel level, String afterId, int limit,
      Instant now) throws SQLException {
    List<OutboxDao.Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SELECT + " AND entity_id > ? ORDER BY entity_id")) {
      bind(ps, sync, level, now);
      ps.setString(4, afterId);
      ps.setMaxRows(limit);
      read(ps, level, rows);
    }
    return withRecordIds(c, sync, level, rows);
  }

  /** The due rows of these entities, in the order of {@code ids}. */
  public static List<OutboxDao.Row> among(Connection c, String sync, EntityLevel level, List<String> ids, Instant now)
      throws SQLException {
    List<OutboxDao.Row> rows = new ArrayList<>();
    for (List<String> part : parts(ids)) {
      try (PreparedStatement ps = c.prepareStatement(SELECT + " AND entity_id IN (" + marks(part.size()) + ")")) {
        bind(ps, sync, level, now);
        for (int i = 0; i < part.size(); i++) {
          ps.setString(4 + i, part.get(i));
        }
        read(ps, level, rows);
      }
    }
    Map<String, Integer> order = new HashMap<>();
    ids.forEach(id -> order.putIfAbsent(id, order.size()));
    rows.sort((a, b) -> Integer.compare(order.get(a.entity().id()), order.get(b.entity().id())));
    return withRecordIds(c, sync, level, rows);
  }

  private static List<OutboxDao.Row> withRecordIds(Connection c, String sync, EntityLevel level,
      List<OutboxDao.Row> rows) throws SQLException {
    Map<String, String> recordIds = new HashMap<>();
    for (List<String> part : parts(rows.stream().map(row -> row.entity().id()).toList())) {
      try (PreparedStatement ps = c.prepareStatement("SELECT entity_id, record_id FROM pushed WHERE sync_name = ?"
          + " AND level = ? AND entity_id IN (" + marks(part.size()) + ")")) {
        ps.setString(1, sync);
        ps.setString(2, level.id());
        for (int i = 0; i < part.size(); i++) {
          ps.setString(3 + i, part.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            recordIds.put(rs.getString(1), rs.getString(2));
          }
        }
      }
    }
    return rows.stream().map(r -> new OutboxDao.Row(r.entity(), r.hash(), r.payload(), r.state(), r.attempts(),
        recordIds.get(r.entity().id()), r.refusals())).toList();
  }

  private static void bind(PreparedStatement ps, String sync, EntityLevel level, Instant now) throws SQLException {
    ps.setString(1, sync);
    ps.setString(2, level.id());
    Sql.setInstant(ps, 3, now);
  }

  private static void read(PreparedStatement ps, EntityLevel level, List<OutboxDao.Row> rows) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(new OutboxDao.Row(new EntityRef(level, rs.getString(1)), rs.getString(2), rs.getString(3),
            OutboxDao.State.valueOf(rs.getString(4)), rs.getInt(5), null, rs.getInt(6)));
      }
    }
  }

  private static List<List<String>> parts(List<String> ids) {
    List<List<String>> parts = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += IN_LIST) {
      parts.add(ids.subList(from, Math.min(ids.size(), from + IN_LIST)));
    }
    return parts;
  }

  private static String marks(int count) {
    return String.join(",", Collections.nCopies(count, "?"));
  }
}
