package io.github.pqlconnector.sources.jdbc;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded dataset built to hit every corner where the two paths could part: every metric kind, windows shorter
 * and longer than the default, events with and without account ids, users switching accounts, users whose
 * account only a later event names, emails only on events, numbers written as text (and text that is no
 * number), ties in time, events outside the range, rows without user or account, and the edges of whole UTC day
 * windows (an event stamped exactly now, at the first midnight of the range and just before it, a 36h window).
 */
class PushdownGeneratedDataTest {
  static final Instant NOW = PushdownEquivalenceTest.NOW;
  static final String MODEL = """
      model:
        levels: [account, user]
        window: 30d
        metrics:
          messages: { count: message_sent }
          spend: { sum: { event: message_sent, property: amount } }
          channels: { distinct: { event: message_sent, property: channel }, window: 14d }
          active_days_14: { activeDays: "*", window: 14d }
          seats: { distinctUsers: "*" }
          first_seen: { firstSeen: "*", window: 45d }
          last_viewed: { lastSeen: page_viewed, window: 7d }
          recent: { count: "*", window: 36h }
        activation: { steps: [doc_created, teammate_invited, integration_installed] }
        fit:
          account:
            - { trait: employees, gte: 10 }
        signals:
          - { name: "Heavy messaging", metric: messages, gte: 10, points: 30, type: usage, reason: "Sent {value}" }
          - { name: "Spender", metric: spend, gte: 20, points: 20, type: usage }
          - { name: "Many channels", metric: channels, gte: 3, points: 10, type: usage }
          - { name: "Engaged", metric: active_days_14, gte: 5, points: 20, type: engagement }
          - { name: "Team", metric: seats, gte: 3, points: 20, type: usage, levels: [account] }
          - { name: "Activated", metric: activation_pct, gte: 60, points: 25, type: usage }
          - { name: "Fresh", metric: last_viewed, lte: 2, points: 5, type: engagement }
          - { name: "Asked for sales", anyEvent: [pricing_viewed], points: 35, type: hand_raiser }
          - { name: "Hit the limit", anyEvent: [limit_reached], points: 30, type: limit_reached }
        tiers: { pql: 70, warm: 40 }
      """;
  static final String[] NAMES = {"message_sent", "message_sent", "message_sent", "page_viewed", "doc_created",
      "teammate_invited", "integration_installed", "pricing_viewed", "limit_reached"};
  static final String[] AMOUNTS = {"3", "2.5", "n/a", " 4 ", "1e1", "-1", "0.1"};
  static Warehouse warehouse;
  @TempDir Path out;

  @BeforeAll
  static void load() {
    warehouse = Warehouse.create();
    Random random = new Random(7);
    EventTables.load(warehouse, "gen_events", events(random),
        List.of("event", "timestamp", "user_id", "account_id", "email", "event_id", "channel", "amount"));
    List<Map<String, Object>> users = new ArrayList<>();
    for (int u = 0; u < 120; u += 3) {
      users.add(Map.of("user_id", "u" + u, "account_id", "c" + (u % 15), "plan", u % 2 == 0 ? "free" : "pro"));
    }
    EventTables.load(warehouse, "gen_users", users, List.of("user_id", "account_id"));
    List<Map<String, Object>> accounts = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      accounts.add(Map.of("account_id", "c" + c, "employees", String.valueOf(5 + random.nextInt(100))));
    }
    EventTables.load(warehouse, "gen_accounts", accounts, List.of("account_id"));
  }

  @AfterAll
  static void drop() {
    if (warehouse != null) {
      warehouse.close();
    }
  }

  @Test
  void everyMetricKindAndAttributionRuleGivesTheSameResultsBothWays() throws IOException {
    PqlConfig config = TestConfigs.around(MODEL, out, out, "");
    String events = "SELECT * FROM %s.gen_events";
    String users = "SELECT * FROM %s.gen_users";
    String accounts = "SELECT * FROM %s.gen_accounts";
    PushdownEquivalenceTest.assertSameBothWays(new CompiledModel(config.model()),
        warehouse.custom(events, users, accounts, false), warehouse.custom(events, users, accounts, true));
  }

  /** Day edges for user u200, who has no traits: its account is the one of its latest event (the later id on a tie). */
  private static List<Map<String, Object>> edges() {
    Instant firstMidnight = NOW.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(44));
    Instant yesterdayMidnight = NOW.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Instant at : List.of(NOW, NOW.plusMillis(1), firstMidnight, firstMidnight.minusMillis(1),
        yesterdayMidnight, yesterdayMidnight.minusMillis(1))) {
      rows.add(new HashMap<>(Map.of("event", "page_viewed", "timestamp", at, "user_id", "u200")));
    }
    rows.add(new HashMap<>(Map.of("event", "message_sent", "timestamp", yesterdayMidnight, "user_id", "u200",
        "account_id", "c4", "email", "first@example.com")));
    rows.add(new HashMap<>(Map.of("event", "message_sent", "timestamp", yesterdayMidnight, "user_id", "u200",
        "account_id", "c5", "email", "second@example.com")));
    return rows;
  }

  private static List<Map<String, Object>> events(Random random) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int u = 0; u < 120; u++) {
      double accountShare = new double[] {0, 0.3, 1}[u % 3];
      int count = random.nextInt(60);
      for (int i = 0; i < count; i++) {
        Instant at = NOW.minus(Duration.ofSeconds(random.nextInt(47 * 86_400) - 86_400));
        Map<String, Object> row = new HashMap<>();
        row.put("event", NAMES[random.nextInt(NAMES.length)]);
        row.put("timestamp", random.nextBoolean() ? at.truncatedTo(ChronoUnit.HOURS) : at);
        row.put("user_id", "u" + u);
        if (random.nextDouble() < accountShare) {
          row.put("account_id", "c" + ((u + (random.nextInt(4) == 0 ? 1 : 0)) % 15));
        }
        if (random.nextInt(5) == 0) {
          row.put("email", (random.nextBoolean() ? "U" : "u") + u + "@example.com");
        }
        if (random.nextInt(3) > 0) {
          row.put("channel", "ch" + random.nextInt(5));
          row.put("amount", AMOUNTS[random.nextInt(AMOUNTS.length)]);
        }
        rows.add(row);
      }
    }
    rows.add(new HashMap<>(Map.of("event", "message_sent", "timestamp", NOW.minusSeconds(60), "account_id", "c3")));
    rows.add(new HashMap<>(Map.of("event", "message_sent", "timestamp", NOW.minusSeconds(60))));
    rows.add(new HashMap<>(Map.of("event", "message_sent", "timestamp", NOW.minus(Duration.ofDays(30)),
        "user_id", "u5")));
    rows.addAll(edges());
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).put("event_id", (long) i);
    }
    return rows;
  }
}
