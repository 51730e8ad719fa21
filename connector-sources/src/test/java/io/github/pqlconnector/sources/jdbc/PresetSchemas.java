package io.github.pqlconnector.sources.jdbc;

/**
 * The tables Segment and RudderStack write (analytics-sources.md §6.2, §6.3), reduced to the columns the
 * presets read plus a few they must ignore, and a small dataset. "Now" is 2026-11-30T12:00Z.
 */
final class PresetSchemas {
  private PresetSchemas() {}

  /** Segment adds {@code uuid}; RudderStack adds {@code channel}. Both flatten context into {@code context_*}. */
  static void create(Warehouse warehouse, String preset) {
    String own = preset.equals("segment") ? "uuid bigint" : "channel text";
    String common = "id text, anonymous_id text, user_id text, timestamp timestamptz, received_at timestamptz,"
        + " sent_at timestamptz, original_timestamp timestamptz, uuid_ts timestamptz, context_ip text, " + own;
    warehouse.sql(
        "CREATE TABLE %s.tracks (" + common + ", event text, event_text text)",
        "CREATE TABLE %s.identifies (" + common + ", email text, plan text)",
        "CREATE TABLE %s.groups (" + common + ", group_id text, name text, employees bigint)");
  }

  /**
   * Two per-event tables, as both tools write them: the common columns plus one per property. A property named
   * {@code seatsV2} becomes {@code seats_v2} in Segment (go-snakecase) and {@code seats_v_2} in RudderStack (lodash).
   * {@code m7} has no user and {@code m4} is before the range, so neither may count.
   */
  static void createEventTables(Warehouse warehouse, String preset) {
    String own = preset.equals("segment") ? "uuid bigint" : "channel text";
    String seats = preset.equals("segment") ? "seats_v2" : "seats_v_2";
    String common = "id text, anonymous_id text, user_id text, timestamp timestamptz, received_at timestamptz,"
        + " sent_at timestamptz, original_timestamp timestamptz, uuid_ts timestamptz, context_ip text, " + own
        + ", event text, event_text text";
    warehouse.sql(
        "CREATE TABLE %s.message_sent (" + common + ", characters bigint, conversation_id text, " + seats + " bigint)",
        "CREATE TABLE %s.pricing_viewed (" + common + ", seconds double precision, plan text)",
        "INSERT INTO %s.message_sent (id, user_id, event, event_text, timestamp, characters, conversation_id, " + seats
            + ") VALUES ('m1', 'u1', 'message_sent', 'Message Sent', '2026-11-01 00:00:00+00', 120, 'c1', 3),"
            + " ('m2', 'u1', 'message_sent', 'Message Sent', '2026-11-15 10:00:00+00', 80, 'c2', null),"
            + " ('m4', 'u1', 'message_sent', 'Message Sent', '2026-10-31 23:59:59.999+00', 10, 'c3', 1),"
            + " ('m5', 'u2', 'message_sent', 'Message Sent', '2026-11-30 00:00:00+00', 45, 'c4', 2),"
            + " ('m7', null, 'message_sent', 'Message Sent', '2026-11-12 00:00:00+00', 999, 'c9', 9)",
        "INSERT INTO %s.pricing_viewed (id, user_id, event, event_text, timestamp, seconds, plan) VALUES"
            + " ('m3', 'u2', 'pricing_viewed', 'Pricing Viewed', '2026-11-20 09:00:00+00', 12.5, 'pro')");
  }

  /** The events query a user would write for the same data: the per-event tables joined by hand. */
  static String customEvents(String preset) {
    String seats = preset.equals("segment") ? "seats_v2" : "seats_v_2";
    return "SELECT t.event_text AS event, t.timestamp, t.user_id, t.id AS event_id, m.characters,"
        + " m.conversation_id AS \"conversationId\", m." + seats + " AS \"seatsV2\", p.seconds, p.plan"
        + " FROM %s.tracks t LEFT JOIN %s.message_sent m ON m.id = t.id"
        + " LEFT JOIN %s.pricing_viewed p ON p.id = t.id WHERE t.user_id IS NOT NULL";
  }

  /** The users query a user would write for the preset's traits: the latest identify and group call per user. */
  static final String CUSTOM_USERS = "SELECT COALESCE(g.user_id, i.user_id) AS user_id, g.group_id AS account_id,"
      + " i.email, i.plan FROM (SELECT DISTINCT ON (user_id) user_id, email, plan FROM %s.identifies"
      + " WHERE user_id IS NOT NULL ORDER BY user_id, timestamp DESC) i FULL OUTER JOIN (SELECT DISTINCT ON (user_id)"
      + " user_id, group_id FROM %s.groups WHERE user_id IS NOT NULL ORDER BY user_id, timestamp DESC) g"
      + " ON g.user_id = i.user_id";
  static final String CUSTOM_ACCOUNTS = "SELECT DISTINCT ON (group_id) group_id AS account_id, name, employees"
      + " FROM %s.groups WHERE group_id IS NOT NULL ORDER BY group_id, timestamp DESC";

  static void fill(Warehouse warehouse) {
    warehouse.sql(
        "INSERT INTO %s.tracks (id, user_id, event, event_text, timestamp, context_ip) VALUES"
            + " ('m1', 'u1', 'message_sent', 'Message Sent', '2026-11-01 00:00:00+00', '10.0.0.1'),"
            + " ('m2', 'u1', 'message_sent', 'Message Sent', '2026-11-15 10:00:00+00', '10.0.0.1'),"
            + " ('m3', 'u2', 'pricing_viewed', 'Pricing Viewed', '2026-11-20 09:00:00+00', null),"
            + " ('m4', 'u1', 'message_sent', 'Message Sent', '2026-10-31 23:59:59.999+00', null),"
            + " ('m5', 'u2', 'message_sent', 'Message Sent', '2026-11-30 00:00:00+00', null),"
            + " ('m6', 'u3', 'broken', null, '2026-11-10 00:00:00+00', null),"
            + " ('m7', null, 'message_sent', 'Message Sent', '2026-11-12 00:00:00+00', null)",
        "INSERT INTO %s.identifies (id, user_id, timestamp, email, plan, context_ip) VALUES"
            + " ('i1', 'u1', '2026-10-01 00:00:00+00', 'old@example.com', 'free', '10.0.0.9'),"
            + " ('i2', 'u1', '2026-11-02 00:00:00+00', 'ana@example.com', 'pro', '10.0.0.9'),"
            + " ('i3', 'u2', '2026-11-03 00:00:00+00', 'bo@example.com', null, null)",
        "INSERT INTO %s.groups (id, user_id, group_id, timestamp, name, employees) VALUES"
            + " ('g1', 'u1', 'a1', '2026-10-01 00:00:00+00', 'Acme', 50),"
            + " ('g2', 'u1', 'a2', '2026-11-05 00:00:00+00', 'Beta', 5),"
            + " ('g3', 'u2', 'a1', '2026-11-06 00:00:00+00', 'Acme Inc', 60),"
            + " ('g4', 'u4', 'a2', '2026-11-07 00:00:00+00', 'Beta', 7)");
  }
}
