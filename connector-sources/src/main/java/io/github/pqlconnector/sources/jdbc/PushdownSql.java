package io.github.pqlconnector.sources.jdbc;

import io.github.pqlconnector.core.spi.PushdownRequest;
import io.github.pqlconnector.core.spi.PushedMetric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a {@link PushdownRequest} into one statement that returns a row per user and per account: {@code ev}
 * holds the events of the range with their UTC epoch day, {@code at} attributes each to an account exactly as
 * the connector does in memory (the event's account, else the user's from the users query, else that of the
 * user's latest event that carried one), then one GROUP BY with a grouping set per level. Windows are whole
 * UTC days: an event is in a window of N days when its day is after today − N. Every value is a bound
 * parameter; identifiers come only from column labels the warehouse reported. PostgreSQL dialect (also
 * Redshift): window functions, {@code EXTRACT(EPOCH …)} and a regular expression for "is a number".
 */
final class PushdownSql {
  static final String NUMBER = "'^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$'";

  /** The SQL, its parameters in order, and what each metric column is. */
  record Statement(String sql, List<Object> params, List<PushedMetric> metrics, List<String> steps) {}

  private final PropertyTables.EventsQuery eventsQuery;
  private final Columns events;
  private final @Nullable String userAccounts;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final List<Object> params = new ArrayList<>();

  /**
   * {@code eventsQuery}: the events query of this read (a preset's joins the property tables), {@code events} its
   * columns; {@code userAccounts}: a query of user_id, account_id pairs, or null when the users have no account.
   */
  PushdownSql(PropertyTables.EventsQuery eventsQuery, Columns events, @Nullable String userAccounts) {
    this.eventsQuery = eventsQuery;
    this.events = events;
    this.userAccounts = userAccounts;
  }

  Statement compile(PushdownRequest request) {
    for (PushedMetric metric : request.metrics()) {
      String property = metric.property();
      if (property != null && events.has(property) && !properties.containsKey(property)
          && !JdbcQueries.EVENT_COLUMNS.contains(property.toLowerCase(Locale.ROOT))) {
        properties.put(property, "pql_p" + properties.size());
      }
    }
    String sql = "WITH " + eventsCte(request) + attribution() + " " + levels(request);
    return new Statement(sql, List.copyOf(params), request.metrics(), request.activationSteps());
  }

  private String eventsCte(PushdownRequest request) {
    StringBuilder sql = new StringBuilder("ev AS (SELECT e.event AS pql_event, e.timestamp AS pql_ts,")
        .append(" CAST(FLOOR(EXTRACT(EPOCH FROM e.timestamp) / 86400) AS BIGINT) AS pql_day, ")
        .append(text(JdbcQueries.USER_ID)).append(" AS pql_user, ")
        .append(text(JdbcQueries.ACCOUNT_ID)).append(" AS pql_own, ")
        .append(text(JdbcQueries.EMAIL)).append(" AS pql_email, ")
        .append(ordersEvents() ? "e.event_id" : "CAST(NULL AS VARCHAR)").append(" AS pql_eid");
    properties.forEach((name, alias) -> sql.append(", e.").append(quote(events.reported(name))).append(" AS ")
        .append(alias));
    params.addAll(eventsQuery.params());
    sql.append(" FROM (").append(eventsQuery.sql()).append(") e WHERE e.timestamp >= ? AND e.timestamp < ?")
        .append(" AND e.event IS NOT NULL AND TRIM(e.event) <> ''")
        .append(" AND (").append(text(JdbcQueries.USER_ID)).append(" IS NOT NULL OR ")
        .append(text(JdbcQueries.ACCOUNT_ID)).append(" IS NOT NULL))");
    params.add(request.from());
    params.add(request.to());
    return sql.toString();
  }

  /**
   * {@code ident}: every event with its user's latest email and account (over the whole range) and the account of
   * the user's traits; {@code at}: every event with the account it counts for.
   */
  private String attribution() {
    String ua = userAccounts == null ? "" : ", ua AS (SELECT CAST(u.user_id AS VARCHAR) AS ua_user,"
        + " MAX(CAST(u.account_id AS VARCHAR)) AS ua_account FROM (" + userAccounts + ") u"
        + " WHERE u.account_id IS NOT NULL AND TRIM(CAST(u.account_id AS VARCHAR)) <> ''"
        + " GROUP BY CAST(u.user_id AS VARCHAR))";
    String traitAccount = userAccounts == null ? "CAST(NULL AS VARCHAR)" : "ua.ua_account";
    String join = userAccounts == null ? "" : " LEFT JOIN ua ON ua.ua_user = s.pql_user";
    return ua + ", ident AS (SELECT s.*, " + traitAccount + " AS pql_trait, "
        + latest(JdbcQueries.EMAIL, "pql_email") + " AS pql_email_last, "
        + latest(JdbcQueries.ACCOUNT_ID, "pql_own") + " AS pql_last_account FROM ev s" + join + ")"
        + ", at AS (SELECT ident.*, COALESCE(pql_own, pql_trait, pql_last_account) AS pql_account FROM ident)";
  }

  /**
   * The non-null {@code alias} of the user's latest event that has one: by time, and on a tie the event the raw
   * read (ORDER BY timestamp, event_id) hands over last; PostgreSQL sorts nulls last ascending and first
   * descending, so an event without event_id is the later one both ways. Null without the {@code column}.
   */
  private String latest(String column, String alias) {
    if (!events.has(column)) {
      return "CAST(NULL AS VARCHAR)";
    }
    return "FIRST_VALUE(s." + alias + ") OVER (PARTITION BY s.pql_user ORDER BY CASE WHEN s." + alias
        + " IS NULL THEN 1 ELSE 0 END, s.pql_ts DESC, s.pql_eid DESC)";
  }

  /**
   * One pass over {@code at} with a grouping set per level, so the events are neither materialised nor read
   * twice; rows of the user set without a user (and of the account set without an account) are dropped.
   */
  private String levels(PushdownRequest request) {
    StringBuilder sql = new StringBuilder("SELECT CASE WHEN GROUPING(pql_user) = 0 THEN 'user' ELSE 'account' END,")
        .append(" CASE WHEN GROUPING(pql_user) = 0 THEN pql_user ELSE pql_account END");
    for (PushedMetric metric : request.metrics()) {
      sql.append(", ").append(aggregate(metric, request.today()));
    }
    for (String step : request.activationSteps()) {
      sql.append(", MAX(CASE WHEN pql_day > ? AND pql_event = ? THEN 1 ELSE 0 END)");
      params.add(request.today() - request.activationDays());
      params.add(step);
    }
    return sql.append(", MAX(pql_email_last), MAX(pql_last_account) FROM at")
        .append(" GROUP BY GROUPING SETS ((pql_user), (pql_account))")
        .append(" HAVING CASE WHEN GROUPING(pql_user) = 0 THEN pql_user IS NOT NULL ELSE pql_account IS NOT NULL END")
        .toString();
  }

  private String aggregate(PushedMetric metric, long today) {
    String inWindow = condition(metric, today);
    String property = metric.property() == null ? null : properties.get(metric.property());
    String value = property == null ? "NULL" : property;
    return switch (metric.kind()) {
      case COUNT -> "SUM(CASE WHEN " + inWindow + " THEN 1 ELSE 0 END)";
      case SUM -> "SUM(CASE WHEN " + inWindow + " AND CAST(" + value + " AS VARCHAR) ~ " + NUMBER
          + " THEN CAST(CAST(" + value + " AS VARCHAR) AS DOUBLE PRECISION) ELSE 0 END)";
      case DISTINCT -> "COUNT(DISTINCT CASE WHEN " + inWindow + " THEN CAST(" + value + " AS VARCHAR) END)";
      case DISTINCT_USERS -> "COUNT(DISTINCT CASE WHEN " + inWindow + " THEN pql_user END)";
      case ACTIVE_DAYS -> "COUNT(DISTINCT CASE WHEN " + inWindow + " THEN pql_day END)";
      case FIRST_SEEN -> millis("MIN(CASE WHEN " + inWindow + " THEN pql_ts END)");
      case LAST_SEEN -> millis("MAX(CASE WHEN " + inWindow + " THEN pql_ts END)");
    };
  }

  /** Epoch millis of a timestamp, computed once per entity rather than once per event. */
  private static String millis(String timestamp) {
    return "FLOOR(EXTRACT(EPOCH FROM " + timestamp + ") * 1000)";
  }

  /** The event id orders events only where order matters (see {@link #latest}); else it is not carried. */
  private boolean ordersEvents() {
    return events.has(JdbcQueries.EVENT_ID) && (events.has(JdbcQueries.ACCOUNT_ID) || events.has(JdbcQueries.EMAIL));
  }

  /** On a day of the metric's window and one of its events; adds the parameters in the order they appear. */
  private String condition(PushedMetric metric, long today) {
    params.add(today - metric.days());
    if (metric.events().isEmpty()) {
      return "pql_day > ?";
    }
    List<String> names = metric.events().stream().sorted().toList();
    params.addAll(names);
    return "pql_day > ? AND pql_event IN (" + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
  }

  private String text(String column) {
    return events.has(column) ? "CAST(e." + column + " AS VARCHAR)" : "CAST(NULL AS VARCHAR)";
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
