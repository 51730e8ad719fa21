package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Run history: one row per run with counts and report (JSON text), plus per-record errors. */
public final class RunDao {
  /** A run as stored; {@code counts} and {@code report} are JSON written by the sync engine. */
  public record RunRow(long id, String sync, String trigger, Instant startedAt, @Nullable Instant finishedAt,
      String status, @Nullable String counts, @Nullable String report, @Nullable String message) {}

  /**
   * Every status a run row can have: RUNNING while it runs, then how it ended (the sync engine's run statuses), or
   * ABANDONED when the process running it died ({@link #abandonRunning}).
   */
  public static final List<String> STATUSES =
      List.of("RUNNING", "SUCCESS", "PARTIAL", "STOPPED", "FAILED", "ABANDONED");

  /**
   * Which runs {@link #list(Connection, Filter)} returns: a null field does not filter; {@code from} (inclusive) and
   * {@code before} (exclusive) bound the start time.
   */
  public record Filter(@Nullable String sync, @Nullable String status, @Nullable Instant from,
      @Nullable Instant before, int limit) {}

  private static final String COLUMNS =
      "id, sync_name, trigger_kind, started_at, finished_at, status, counts, report, message";

  public long start(Connection c, String sync, String trigger, Instant startedAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (sync_name, trigger_kind, started_at, status)"
        + " VALUES (?, ?, ?, 'RUNNING')", new String[] {"id"})) {
      ps.setString(1, sync);
      ps.setString(2, trigger);
      Sql.setInstant(ps, 3, startedAt);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /**
   * Marks the sync's runs still RUNNING as ABANDONED: runs of one sync never overlap, so when a new one
   * starts, an older RUNNING row belongs to a process that died (its work is still in the outbox).
   */
  public int abandonRunning(Connection c, String sync, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = 'ABANDONED', finished_at = ?,"
        + " message = 'the process running it stopped; its work stayed in the outbox' WHERE sync_name = ?"
        + " AND status = 'RUNNING'")) {
      Sql.setInstant(ps, 1, now);
      ps.setString(2, sync);
      return ps.executeUpdate();
    }
  }

  public void finish(Connection c, long id, String status, String counts, String report,
      @Nullable String message, Instant finishedAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET status = ?, counts = ?, report = ?,"
        + " message = ?, finished_at = ? WHERE id = ?")) {
      ps.setString(1, status);
      ps.setString(2, counts);
      ps.setString(3, report.length() > 200_000 ? report.substring(0, 200_000) : report);
      ps.setString(4, OutboxDao.truncate(message));
      Sql.setInstant(ps, 5, finishedAt);
      ps.setLong(6, id);
      ps.executeUpdate();
    }
  }

  public void addErrors(Connection c, long runId, List<RecordError> errors) throws SQLException {
    Sql.batch(c, "INSERT INTO run_errors (run_id, level, entity_id, category, vendor_code, message)"
        + " VALUES (?, ?, ?, ?, ?, ?)", errors, (ps, e) -> {
          ps.setLong(1, runId);
          ps.setString(2, e.entity().level().id());
          ps.setString(3, e.entity().id());
          ps.setString(4, e.category().name());
          ps.setString(5, e.vendorCode());
          ps.setString(6, OutboxDao.truncate(e.message()));
        });
  }

  /** The newest runs first, of one sync or of all when {@code sync} is null. */
  public List<RunRow> list(Connection c, @Nullable String sync, int limit) throws SQLException {
    String where = sync == null ? "" : " WHERE sync_name = ?";
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM runs" + where + " ORDER BY id DESC")) {
      if (sync != null) {
        ps.setString(1, sync);
      }
      ps.setMaxRows(limit);
      return rows(ps);
    }
  }

  /** The newest runs first that match every field the filter sets. */
  public List<RunRow> list(Connection c, Filter filter) throws SQLException {
    List<String> where = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    condition(where, values, "sync_name = ?", filter.sync());
    condition(where, values, "status = ?", filter.status());
    condition(where, values, "started_at >= ?", filter.from());
    condition(where, values, "started_at < ?", filter.before());
    String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM runs" + clause + " ORDER BY id DESC")) {
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i) instanceof Instant at) {
          Sql.setInstant(ps, i + 1, at);
        } else {
          ps.setString(i + 1, (String) values.get(i));
        }
      }
      ps.setMaxRows(filter.limit());
      return rows(ps);
    }
  }

  private static void condition(List<String> where, List<Object> values, String sql, @Nullable Object value) {
    if (value != null) {
      where.add(sql);
      values.add(value);
    }
  }

  /**
   * When the sync's last run that completed (SUCCESS, or PARTIAL: it ran to the end with some records refused)
   * finished; empty when none has.
   */
  public Optional<Instant> lastSuccess(Connection c, String sync) throws SQLException {
    return instant(c, "SELECT MAX(finished_at) AS at FROM runs WHERE sync_name = ? AND status IN ('SUCCESS', 'PARTIAL')",
        sync);
  }

  /** When the sync's first recorded run started; empty when it never ran. */
  public Optional<Instant> firstStart(Connection c, String sync) throws SQLException {
    return instant(c, "SELECT MIN(started_at) AS at FROM runs WHERE sync_name = ?", sync);
  }

  /** The one instant {@code at} that {@code sql} selects for the sync, if any. */
  private static Optional<Instant> instant(Connection c, String sql, String sync) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, sync);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(Sql.getInstant(rs, "at")) : Optional.empty();
      }
    }
  }

  public Optional<RunRow> get(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM runs WHERE id = ?")) {
      ps.setLong(1, id);
      return rows(ps).stream().findFirst();
    }
  }

  public List<RecordError> errors(Connection c, long runId) throws SQLException {
    List<RecordError> errors = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT level, entity_id, category, vendor_code, message"
        + " FROM run_errors WHERE run_id = ? ORDER BY level, entity_id")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          errors.add(new RecordError(new EntityRef(EntityLevel.fromId(rs.getString(1)), rs.getString(2)),
              ErrorCategory.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)));
        }
      }
    }
    return errors;
  }

  private static List<RunRow> rows(PreparedStatement ps) throws SQLException {
    List<RunRow> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(new RunRow(rs.getLong("id"), rs.getString("sync_name"), rs.getString("trigger_kind"),
            Sql.getInstant(rs, "started_at"), Sql.getInstant(rs, "finished_at"), rs.getString("status"),
            rs.getString("counts"), rs.getString("report"), rs.getString("message")));
      }
    }
    return rows;
  }
}
