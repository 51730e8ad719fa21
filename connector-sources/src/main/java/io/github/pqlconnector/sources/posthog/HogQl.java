package io.github.pqlconnector.sources.posthog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The HogQL the source sends. Paging is by key (PostHog advises against OFFSET): events by (timestamp in ms, uuid),
 * so rows that share a millisecond are neither skipped nor repeated; persons by id, groups by key — each compared
 * and ordered as text so the order matches the comparison.
 */
final class HogQl {
  private static final String EVENT_TIME = "toUnixTimestamp64Milli(timestamp)";

  private HogQl() {}

  /** The position after the last row of a page: (ms, uuid) for events, the key for persons and groups. */
  record After(long millis, String key) {
    static final After START = new After(Long.MIN_VALUE, "");
  }

  /** Events in [from, to) after {@code after}: uuid, event, time in ms, person id, account key, properties. */
  static String events(Instant from, Instant to, @Nullable Integer groupIndex, After after, int limit) {
    String account = groupIndex == null ? "''" : "$group_" + groupIndex;
    String keyset = after == After.START ? "" : " AND (" + EVENT_TIME + " > " + after.millis() + " OR (" + EVENT_TIME
        + " = " + after.millis() + " AND toString(uuid) > " + literal(after.key()) + "))";
    return "SELECT toString(uuid), event, " + EVENT_TIME + ", toString(person_id), " + account + ", properties"
        + " FROM events WHERE timestamp >= toDateTime(" + literal(from.toString()) + ") AND timestamp < toDateTime("
        + literal(to.toString()) + ")" + keyset + " ORDER BY " + EVENT_TIME + ", toString(uuid) LIMIT " + limit;
  }

  static String persons(String after, int limit) {
    return "SELECT toString(id), properties FROM persons WHERE toString(id) > " + literal(after)
        + " ORDER BY toString(id) LIMIT " + limit;
  }

  static String groups(int index, String after, int limit) {
    return "SELECT key, properties FROM groups WHERE index = " + index + " AND key > " + literal(after)
        + " ORDER BY key LIMIT " + limit;
  }

  /** A HogQL string literal: single quotes, with backslashes and quotes escaped. */
  static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
