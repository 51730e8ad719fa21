package io.github.pqlconnector.sources.jdbc;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The warehouse schemas Segment and RudderStack write (analytics-sources.md §6.2, §6.3): events from
 * {@code tracks} (name in {@code event_text}), user traits from the latest {@code identifies} row per user, the
 * user's account from its latest {@code groups} row, account traits from the latest {@code groups} row per
 * group. Both tools use the same tables and columns for these; they differ in the bookkeeping columns that
 * must not become traits, and in how a property name becomes a column name. Event properties live in one table
 * per event; {@link PropertyTables} joins the ones a read needs.
 */
enum Preset {
  SEGMENT("segment", Set.of("uuid", "loaded_at")),
  RUDDERSTACK("rudderstack", Set.of("channel"));

  /** Columns common to every Segment/RudderStack table, never traits. */
  private static final Set<String> COMMON = Set.of("id", "anonymous_id", "user_id", "group_id", "received_at",
      "sent_at", "timestamp", "original_timestamp", "uuid_ts", "event", "event_text", "pql_rn");
  /** Tables of the schema that are not per-event tables (Segment's schema.md; RudderStack's warehouse schema). */
  private static final Set<String> NOT_EVENTS = Set.of("tracks", "identifies", "groups", "pages", "screens",
      "aliases", "users", "accounts", "rudder_discards", "rudder_identity_mappings", "rudder_identity_merge_rules");

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
    String events = events(schema, "", "");
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
    return new JdbcQueries(events, users, accounts, userAccounts, ignored, Set.of("context_"),
        new PropertyTables(this, schema));
  }

  /** The events of {@code tracks} with the {@code properties} select items that {@code joins} provide. */
  static String events(String schema, String properties, String joins) {
    return "SELECT t.event_text AS event, t.timestamp AS timestamp, t.user_id AS user_id, t.id AS event_id"
        + properties + " FROM " + schema + ".tracks t" + joins + " WHERE t.user_id IS NOT NULL";
  }

  /**
   * The column names that may hold {@code property} in a per-event table, most likely first: the tool's own
   * conversion, the name in lower case (a model that names the column), and RudderStack's {@code _} escape of
   * SQL keywords. The tools' own columns never hold a property (both drop properties that would clash).
   */
  List<String> columnsFor(String property) {
    String converted = this == SEGMENT ? SnakeCase.segment(property) : SnakeCase.rudderstack(property);
    Set<String> names = new LinkedHashSet<>(List.of(converted, property.toLowerCase(Locale.ROOT), "_" + converted));
    names.removeIf(name -> name.isEmpty() || name.equals("_") || COMMON.contains(name) || ownColumns.contains(name));
    return List.copyOf(names);
  }

  static boolean isEventTable(String table) {
    return !NOT_EVENTS.contains(table.toLowerCase(Locale.ROOT));
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
