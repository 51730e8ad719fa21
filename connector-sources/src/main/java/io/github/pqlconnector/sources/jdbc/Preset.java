package io.github.pqlconnector.sources.jdbc;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The warehouse schemas Segment and RudderStack write (analytics-sources.md §6.2, §6.3): events from
 * {@code tracks} (name in {@code event_text}), user traits from the latest {@code identifies} row per user, the
 * user's account from its latest {@code groups} row, account traits from the latest {@code groups} row per
 * group. Both tools use the same tables and columns for these; they differ in the bookkeeping columns that
 * must not become traits. Event properties live in one table per event and are not read by the presets.
 */
enum Preset {
  SEGMENT("segment", Set.of("uuid", "loaded_at")),
  RUDDERSTACK("rudderstack", Set.of("channel"));

  /** Columns common to every Segment/RudderStack table, never traits. */
  private static final Set<String> COMMON = Set.of("id", "anonymous_id", "user_id", "group_id", "received_at",
      "sent_at", "timestamp", "original_timestamp", "uuid_ts", "event", "event_text", "pql_rn");

  private final String id;
  private final Set<String> ownColumns;

  Preset(String id, Set<String> ownColumns) {
    this.id = id;
    this.ownColumns = ownColumns;
  }

  static Optional<Preset> find(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
  }

  static String ids() {
    return Arrays.stream(values()).map(p -> p.id).collect(Collectors.joining(", "));
  }

  JdbcQueries queries(String schema) {
    String events = "SELECT t.event_text AS event, t.timestamp AS timestamp, t.user_id AS user_id, t.id AS event_id"
        + " FROM " + schema + ".tracks t WHERE t.user_id IS NOT NULL";
    String users = "SELECT COALESCE(g.user_id, i.user_id) AS user_id, g.group_id AS account_id, i.*"
        + " FROM (" + latest(schema + ".identifies", "t.*", "user_id") + ") i"
        + " FULL OUTER JOIN (" + latest(schema + ".groups", "t.user_id, t.group_id", "user_id") + ") g"
        + " ON g.user_id = i.user_id";
    String accounts = "SELECT g.group_id AS account_id, g.* FROM (" + latest(schema + ".groups", "t.*", "group_id")
        + ") g";
    String userAccounts = "SELECT g.user_id AS user_id, g.group_id AS account_id FROM ("
        + latest(schema + ".groups", "t.user_id, t.group_id", "user_id") + ") g";
    Set<String> ignored = new HashSet<>(COMMON);
    ignored.addAll(ownColumns);
    return new JdbcQueries(events, users, accounts, userAccounts, ignored, Set.of("context_"));
  }

  /** The latest row (by {@code timestamp}) per {@code key}; window functions work on every common warehouse. */
  private static String latest(String table, String columns, String key) {
    return "SELECT * FROM (SELECT " + columns + ", ROW_NUMBER() OVER (PARTITION BY t." + key
        + " ORDER BY t.timestamp DESC) AS pql_rn FROM " + table + " t WHERE t." + key + " IS NOT NULL) x"
        + " WHERE x.pql_rn = 1";
  }

  String id() {
    return id;
  }
}
