package io.github.pqlconnector.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * Segment-shaped warehouse tables in PostgreSQL, generated server-side with {@code generate_series} (no rows
 * cross the network): {@code tracks} with {@code rows} events over 60 days before "now", 100,000 users in
 * {@code identifies}, each in one of 10,000 accounts through {@code groups}. Seeded, so every load is the same;
 * kept while the row count matches, so later runs skip the load.
 */
final class JdbcBenchData {
  static final int USERS = 100_000;
  static final int ACCOUNTS = 10_000;
  private static final String EVENTS = "ARRAY['Message Sent','Message Sent','Message Sent','Message Sent',"
      + "'Page Viewed','Page Viewed','Doc Created','Teammate Invited','Doc Shared','Integration Installed',"
      + "'Pricing Viewed','Limit Reached']";

  private JdbcBenchData() {}

  static void prepare(String url, String schema, long rows, Instant now, PrintStream out) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      if (rowCount(s, schema) == rows) {
        out.printf("data:    reusing %s.tracks (%,d rows)%n", schema, rows);
        return;
      }
      long started = System.nanoTime();
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      s.execute("CREATE SCHEMA " + schema);
      String common = "id text, anonymous_id text, user_id text, timestamp timestamptz, received_at timestamptz,"
          + " uuid_ts timestamptz, context_ip text";
      s.execute("CREATE TABLE " + schema + ".tracks (" + common + ", event text, event_text text)");
      s.execute("CREATE TABLE " + schema + ".identifies (" + common + ", email text, plan text)");
      s.execute("CREATE TABLE " + schema + ".groups (" + common + ", group_id text, name text, employees bigint,"
          + " domain text)");
      s.execute("SELECT setseed(0.42)");
      s.execute("INSERT INTO " + schema + ".tracks (id, user_id, event_text, timestamp)"
          + " SELECT 'm' || g, 'u' || floor(power(random(), 2) * " + USERS + ")::int,"
          + " (" + EVENTS + ")[1 + floor(random() * 12)::int],"
          + " timestamptz '" + now + "' - random() * interval '60 days'"
          + " FROM generate_series(1, " + rows + ") g");
      s.execute("INSERT INTO " + schema + ".identifies (id, user_id, timestamp, email, plan)"
          + " SELECT 'i' || g, 'u' || g, timestamptz '" + now + "' - interval '90 days',"
          + " 'user' || g || (CASE WHEN g % 10 = 0 THEN '@gmail.com' ELSE '@example.com' END),"
          + " CASE WHEN g % 3 = 0 THEN 'pro' ELSE 'free' END FROM generate_series(0, " + (USERS - 1) + ") g");
      s.execute("INSERT INTO " + schema + ".groups (id, user_id, group_id, timestamp, name, employees, domain)"
          + " SELECT 'g' || g, 'u' || g, 'a' || (g % " + ACCOUNTS + "), timestamptz '" + now + "' - interval '90 days',"
          + " 'Account ' || (g % " + ACCOUNTS + "), 1 + (g % 97) * 5, 'a' || (g % " + ACCOUNTS + ") || '.example.com'"
          + " FROM generate_series(0, " + (USERS - 1) + ") g");
      s.execute("ANALYZE " + schema + ".tracks");
      out.printf("data:    generated %,d rows in %s.tracks in %.1f s%n", rows, schema, (System.nanoTime() - started) / 1e9);
    }
  }

  private static long rowCount(Statement s, String schema) {
    try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + schema + ".tracks")) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      return -1;
    }
  }
}
