package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.model.DayBucket;
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
import java.util.function.Consumer;

/** Per-entity, per-UTC-day partial aggregates of incremental sources, and what each sync's buckets cover. */
public final class BucketDao {
  private static final int CHUNK = 1000;

  /** Events were read up to {@code readTo} (exclusive) into buckets laid out for the model {@code modelHash}. */
  public record Window(Instant readTo, String modelHash) {}

  public Optional<Window> window(Connection c, String sync) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT read_to, model_hash FROM bucket_windows WHERE sync_name = ?")) {
      ps.setString(1, sync);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Window(Sql.getInstant(rs, "read_to"), rs.getString("model_hash")))
            : Optional.empty();
      }
    }
  }

  /** Streams the buckets of days in [{@code fromDay}, {@code toDay}), oldest day first. */
  public void forEach(Connection c, String sync, long fromDay, long toDay, Consumer<DayBucket> sink)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT epoch_day, level, entity_id, data FROM day_buckets"
        + " WHERE sync_name = ? AND epoch_day >= ? AND epoch_day < ? ORDER BY epoch_day")) {
      ps.setString(1, sync);
      ps.setLong(2, fromDay);
      ps.setLong(3, toDay);
      ps.setFetchSize(1000);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          EntityRef entity = new EntityRef(EntityLevel.fromId(rs.getString("level")), rs.getString("entity_id"));
          sink.accept(new DayBucket(entity, rs.getLong("epoch_day"), rs.getString("data")));
        }
      }
    }
  }

  /** Applies one run's changes; call inside the run's state transaction so they land with the rest or not at all. */
  public void apply(Connection c, String sync, BucketWrite write, Instant now) throws SQLException {
    delete(c, "DELETE FROM day_buckets WHERE sync_name = ? AND epoch_day < ?", sync, write.keepFromDay());
    if (write.replaceFromDay() == null) {
      delete(c, "DELETE FROM day_buckets WHERE sync_name = ?", sync);
    } else {
      delete(c, "DELETE FROM day_buckets WHERE sync_name = ? AND epoch_day >= ?", sync, write.replaceFromDay());
    }
    List<DayBucket> chunk = new ArrayList<>(CHUNK);
    for (DayBucket bucket : write.buckets()) {
      chunk.add(bucket);
      if (chunk.size() == CHUNK) {
        insert(c, sync, chunk);
        chunk.clear();
      }
    }
    insert(c, sync, chunk);
    Sql.upsert(c, "UPDATE bucket_windows SET read_to = ?, model_hash = ?, updated_at = ? WHERE sync_name = ?",
        "INSERT INTO bucket_windows (read_to, model_hash, updated_at, sync_name) VALUES (?, ?, ?, ?)",
        List.of(write), (ps, w) -> {
          Sql.setInstant(ps, 1, w.readTo());
          ps.setString(2, w.modelHash());
          Sql.setInstant(ps, 3, now);
          ps.setString(4, sync);
        });
  }

  private static void insert(Connection c, String sync, List<DayBucket> buckets) throws SQLException {
    Sql.batch(c, "INSERT INTO day_buckets (sync_name, epoch_day, level, entity_id, data) VALUES (?, ?, ?, ?, ?)",
        buckets, (ps, bucket) -> {
          ps.setString(1, sync);
          ps.setLong(2, bucket.epochDay());
          ps.setString(3, bucket.entity().level().id());
          ps.setString(4, bucket.entity().id());
          ps.setString(5, bucket.data());
        });
  }

  private static void delete(Connection c, String sql, String sync, long... days) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, sync);
      for (int i = 0; i < days.length; i++) {
        ps.setLong(i + 2, days[i]);
      }
      ps.executeUpdate();
    }
  }
}
