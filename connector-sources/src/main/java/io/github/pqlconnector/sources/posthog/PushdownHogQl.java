package io.github.pqlconnector.sources.posthog;

import io.github.pqlconnector.core.spi.PushdownRequest;
import io.github.pqlconnector.core.spi.PushedMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a {@link PushdownRequest} into one HogQL query returning a row per user and per account: {@code level,
 * id, <one column per metric>, <one per activation step>, email, account}. It follows the engine: windows are whole
 * UTC days ending today (an event counts in an N-day window when {@code today − its day < N}, never after now),
 * days computed from epoch milliseconds so the project's time zone plays no part; an event's account is its own
 * {@code $group_N}, else the person's {@code accountId} property, else the account of the user's latest event (by
 * time, then uuid) that had one. Events carry no email, as on the raw path. Paged by key on (level, id).
 */
final class PushdownHogQl {
  private static final long DAY_MILLIS = 86_400_000L;
  private static final String ENTITY = "pql_entity";

  private final PushdownRequest request;
  private final @Nullable Integer groupIndex;
  private final long today;
  private final Map<String, String> properties = new LinkedHashMap<>();

  PushdownHogQl(PushdownRequest request, @Nullable Integer groupIndex) {
    this.request = request;
    this.groupIndex = groupIndex;
    this.today = Math.floorDiv(request.now().toEpochMilli(), DAY_MILLIS);
    for (PushedMetric metric : request.metrics()) {
      if (metric.property() != null && !properties.containsKey(metric.property())) {
        properties.put(metric.property(), "pql_p" + properties.size());
      }
    }
  }

  /** The page of entity rows after (level, id); {@code after} null for the first page. */
  String page(@Nullable Key after, int limit) {
    String keyset = after == null ? "" : " WHERE pql_level > " + HogQl.literal(after.level()) + " OR (pql_level = "
        + HogQl.literal(after.level()) + " AND " + ENTITY + " > " + HogQl.literal(after.id()) + ")";
    return "SELECT * FROM (" + users() + " UNION ALL " + accounts() + ")" + keyset + " ORDER BY pql_level, " + ENTITY
        + " LIMIT " + limit;
  }

  /** The last row of a page: where the next one starts. */
  record Key(String level, String id) {}

  private String users() {
    return "SELECT 'user' AS pql_level, pql_user AS " + ENTITY + aggregates()
        + ", NULL AS pql_email, " + latestAccount() + " AS pql_account FROM (" + events() + ")"
        + " WHERE isNotNull(pql_user) GROUP BY pql_user";
  }

  private String accounts() {
    StringBuilder columns = new StringBuilder();
    for (String column : eventColumns()) {
      columns.append("e.").append(column).append(" AS ").append(column).append(", ");
    }
    String attributed = "SELECT " + columns + "coalesce(e.pql_own, nullIf(t.pql_trait, ''), nullIf(l.pql_last, ''))"
        + " AS pql_acc FROM (" + events() + ") AS e"
        + " LEFT JOIN (SELECT toString(id) AS pql_person, toString(properties.accountId) AS pql_trait FROM persons)"
        + " AS t ON t.pql_person = e.pql_user"
        + " LEFT JOIN (SELECT pql_user AS pql_luser, " + latestAccount() + " AS pql_last FROM (" + events() + ")"
        + " GROUP BY pql_user) AS l ON l.pql_luser = e.pql_user";
    return "SELECT 'account' AS pql_level, pql_acc AS " + ENTITY + aggregates()
        + ", NULL AS pql_email, NULL AS pql_account FROM (" + attributed + ") WHERE isNotNull(pql_acc)"
        + " GROUP BY pql_acc";
  }

  /** The columns of {@link #events()}, named in full: no {@code e.*}, so the outer queries see plain names. */
  private List<String> eventColumns() {
    List<String> columns = new ArrayList<>(List.of("pql_event", "pql_uuid", "pql_ms", "pql_day", "pql_user",
        "pql_own"));
    columns.addAll(properties.values());
    return columns;
  }

  /** The account of the user's latest event that carried one; a tie in time goes to the later uuid. */
  private static String latestAccount() {
    return "argMaxIf(pql_own, tuple(pql_ms, pql_uuid), isNotNull(pql_own))";
  }

  /** The events that can count: named, with a person or an account, in the longest window and not after now. */
  private String events() {
    String ms = "toUnixTimestamp64Milli(timestamp)";
    String own = groupIndex == null ? "NULL" : "nullIf($group_" + groupIndex + ", '')";
    String user = "nullIf(toString(person_id), '')";
    StringBuilder sql = new StringBuilder("SELECT event AS pql_event, toString(uuid) AS pql_uuid, ").append(ms)
        .append(" AS pql_ms, intDiv(").append(ms).append(", ").append(DAY_MILLIS).append(") AS pql_day, ")
        .append(user).append(" AS pql_user, ").append(own).append(" AS pql_own");
    properties.forEach((name, alias) -> sql.append(", properties.").append(identifier(name)).append(" AS ")
        .append(alias));
    long firstDay = today - maxDays() + 1;
    return sql.append(" FROM events WHERE timestamp >= toDateTime(")
        .append(HogQl.literal(Instant.ofEpochMilli(firstDay * DAY_MILLIS).toString())).append(") AND ").append(ms)
        .append(" <= ").append(request.now().toEpochMilli()).append(" AND event != ''")
        .append(" AND (isNotNull(").append(user).append(") OR isNotNull(").append(own).append("))").toString();
  }

  /** One column per metric, then per step, each named so that two alike metrics never clash in the union. */
  private String aggregates() {
    List<String> columns = new ArrayList<>();
    for (PushedMetric metric : request.metrics()) {
      columns.add(aggregate(metric) + " AS pql_m" + columns.size());
    }
    int activationDays = request.activationDays();
    for (String step : request.activationSteps()) {
      columns.add("if(countIf(pql_event = " + HogQl.literal(step) + " AND pql_day > " + (today - activationDays)
          + ") > 0, 1, 0) AS pql_s" + columns.size());
    }
    return columns.isEmpty() ? "" : ", " + String.join(", ", columns);
  }

  private String aggregate(PushedMetric metric) {
    String when = condition(metric);
    String value = metric.property() == null ? "NULL" : properties.get(metric.property());
    return switch (metric.kind()) {
      case COUNT -> "countIf(" + when + ")";
      case SUM -> "sumIf(ifNull(toFloat(" + value + "), 0), " + when + ")";
      case DISTINCT -> "uniqExactIf(" + value + ", " + when + " AND isNotNull(" + value + "))";
      case DISTINCT_USERS -> "uniqExactIf(pql_user, " + when + " AND isNotNull(pql_user))";
      case ACTIVE_DAYS -> "uniqExactIf(pql_day, " + when + ")";
      case FIRST_SEEN -> "if(countIf(" + when + ") > 0, minIf(pql_ms, " + when + "), NULL)";
      case LAST_SEEN -> "if(countIf(" + when + ") > 0, maxIf(pql_ms, " + when + "), NULL)";
    };
  }

  /** In the metric's whole-day window and one of its events. */
  private String condition(PushedMetric metric) {
    String days = "pql_day > " + (today - metric.days());
    if (metric.events().isEmpty()) {
      return days;
    }
    List<String> names = metric.events().stream().sorted().map(HogQl::literal).toList();
    return days + " AND pql_event IN (" + String.join(", ", names) + ")";
  }

  /** The longest window of any metric or of activation, in days: older events cannot count nor teach. */
  private int maxDays() {
    return request.days();
  }

  /** A property name as a HogQL identifier: backquoted, backquotes and backslashes escaped. */
  private static String identifier(String name) {
    return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
  }
}
