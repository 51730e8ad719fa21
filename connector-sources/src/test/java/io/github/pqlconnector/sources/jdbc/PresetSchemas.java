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
