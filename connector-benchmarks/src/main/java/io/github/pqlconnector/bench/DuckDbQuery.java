package io.github.pqlconnector.bench;

import io.github.pqlconnector.core.config.MetricSpec;
import io.github.pqlconnector.core.config.ModelConfig;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The model's metrics as one DuckDB query over the file source's files: {@code read_ndjson} of the events, joined to
 * {@code users.csv} for the account of events without one (the event's {@code accountId}, else the user's), then one
 * {@code GROUP BY} per level, with the same window contract as the engine (whole UTC days ending now: a metric with
 * an N-day window counts the events of today and the N − 1 days before, none after now). One row per entity with
 * events in the longest window: {@code level, id}, then every metric in declaration order and {@code activation_pct}.
 * Not a general translator: it covers what the acceptance config uses (one event name or {@code "*"} per metric).
 *
 * <p>DuckDB estimates {@code read_ndjson} at a few thousand rows, so its optimizer builds the join's hash table on the
 * events (11.2 million rows, 1.6 GB resident) instead of the users; {@code build_side_probe_side} is disabled so that
 * the users table, as written, is the build side. With that, reading the file once per {@code GROUP BY} (7.1 s wall,
 * 12.7 s CPU, 366 MiB on the acceptance file) beats a {@code MATERIALIZED} events CTE (8.9 s, 385 MiB) and
 * {@code GROUPING SETS} (31 s before the fix). Measured on the 2-core development machine, 2026-12-04.
 */
final class DuckDbQuery {
  static final long DAY_MILLIS = 86_400_000L;

  private DuckDbQuery() {}

  /** The statements, {@code SET threads} first, the query last; {@code now} fixes the windows. */
  static List<String> statements(ModelConfig model, Path dataDir, Instant now, int threads) {
    long nowMillis = now.toEpochMilli();
    long today = Math.floorDiv(nowMillis, DAY_MILLIS);
    int maxDays = days(model.window());
    for (MetricSpec spec : model.metrics().values()) {
      maxDays = Math.max(maxDays, days(window(spec, model)));
    }
    String aggregates = aggregates(model, nowMillis);
    String events = """
        WITH u AS (
          SELECT id, accountId FROM read_csv(%s, header = true, all_varchar = true)
        ), e AS (
          SELECT ev.event AS event, epoch_ms(ev."timestamp") AS ts, ev.userId AS user_id,
                 coalesce(ev.accountId, u.accountId) AS account_id, ev.properties AS p,
                 %d - (epoch_ms(ev."timestamp") // %d) AS days_ago
          FROM read_ndjson(%s, columns = {event: 'VARCHAR', "timestamp": 'TIMESTAMPTZ', userId: 'VARCHAR',
                           accountId: 'VARCHAR', properties: '%s'}) ev
          LEFT JOIN u ON u.id = ev.userId
          WHERE epoch_ms(ev."timestamp") <= %d AND %d - (epoch_ms(ev."timestamp") // %d) < %d
        )
        """.formatted(literal(dataDir.resolve("users.csv")), today, DAY_MILLIS, literal(dataDir.resolve("events.jsonl")),
        propertiesType(model), nowMillis, today, DAY_MILLIS, maxDays);
    String query = events
        + "SELECT 'user' AS level, user_id AS id, " + aggregates + " FROM e WHERE user_id IS NOT NULL GROUP BY user_id\n"
        + "UNION ALL\n"
        + "SELECT 'account', account_id, " + aggregates + " FROM e WHERE account_id IS NOT NULL GROUP BY account_id";
    return List.of("SET threads = " + threads, "SET disabled_optimizers = 'build_side_probe_side'", query);
  }

  /** Runs the statements on an in-memory DuckDB; every row, keyed by entity, with the metric values by name. */
  static Map<EntityRef, Map<String, Double>> run(List<String> statements, List<String> metricNames)
      throws SQLException {
    Map<EntityRef, Map<String, Double>> rows = new HashMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      for (String sql : statements.subList(0, statements.size() - 1)) {
        st.execute(sql);
      }
      try (ResultSet rs = st.executeQuery(statements.get(statements.size() - 1))) {
        while (rs.next()) {
          EntityRef entity = new EntityRef(EntityLevel.fromId(rs.getString(1)), rs.getString(2));
          Map<String, Double> values = new LinkedHashMap<>();
          for (int i = 0; i < metricNames.size(); i++) {
            double value = rs.getDouble(3 + i);
            if (!rs.wasNull()) {
              values.put(metricNames.get(i), value);
            }
          }
          rows.put(entity, values);
        }
      }
    }
    return rows;
  }

  /** The names of the query's value columns, in order: the model's metrics, then {@code activation_pct}. */
  static List<String> metricNames(ModelConfig model) {
    List<String> names = new ArrayList<>(model.metrics().keySet());
    names.add(ModelConfig.ACTIVATION_PCT);
    return names;
  }

  private static String aggregates(ModelConfig model, long nowMillis) {
    List<String> columns = new ArrayList<>();
    model.metrics().forEach((name, spec) -> columns.add(aggregate(spec, days(window(spec, model)), nowMillis)
        + " AS " + ident(name)));
    List<String> steps = model.activation().steps();
    String activation = steps.isEmpty() ? "0.0" : "round(100.0 * count(DISTINCT event) FILTER (WHERE event IN ("
        + steps.stream().map(DuckDbQuery::literal).collect(Collectors.joining(", ")) + ") AND days_ago < "
        + days(model.window()) + ") / " + steps.size() + ", 1)";
    columns.add(activation + " AS " + ModelConfig.ACTIVATION_PCT);
    return String.join(",\n       ", columns);
  }

  /** One metric's aggregate, as the engine folds it (see EntityAggregate and Aggregates#metricValues). */
  private static String aggregate(MetricSpec spec, int days, long nowMillis) {
    String kind = spec.kinds().get(0);
    String event = switch (kind) {
      case "count" -> spec.count();
      case "sum" -> spec.sum().event();
      case "distinct" -> spec.distinct().event();
      case "activeDays" -> spec.activeDays();
      case "distinctUsers" -> spec.distinctUsers();
      case "firstSeen" -> spec.firstSeen();
      default -> spec.lastSeen();
    };
    String filter = " FILTER (WHERE days_ago < " + days + ("*".equals(event) ? "" : " AND event = " + literal(event))
        + ")";
    return switch (kind) {
      case "count" -> "CAST(count(*)" + filter + " AS DOUBLE)";
      case "sum" -> "round(coalesce(sum(TRY_CAST(trim(p." + ident(spec.sum().property()) + ") AS DOUBLE))" + filter
          + ", 0), 6)";
      case "distinct" -> "CAST(count(DISTINCT p." + ident(spec.distinct().property()) + ")" + filter + " AS DOUBLE)";
      case "activeDays" -> "CAST(count(DISTINCT days_ago)" + filter + " AS DOUBLE)";
      case "distinctUsers" -> "CAST(count(DISTINCT user_id)" + filter + " AS DOUBLE)";
      case "firstSeen" -> "floor((" + nowMillis + " - min(ts)" + filter + ") / " + DAY_MILLIS + ".0)";
      default -> "floor((" + nowMillis + " - max(ts)" + filter + ") / " + DAY_MILLIS + ".0)";
    };
  }

  /** The properties the metrics read, each as text (DuckDB renders a JSON number as its digits). */
  private static String propertiesType(ModelConfig model) {
    Set<String> properties = new LinkedHashSet<>();
    for (MetricSpec spec : model.metrics().values()) {
      if (spec.sum() != null) {
        properties.add(spec.sum().property());
      }
      if (spec.distinct() != null) {
        properties.add(spec.distinct().property());
      }
    }
    if (properties.isEmpty()) {
      properties.add("none");
    }
    return "STRUCT(" + properties.stream().map(p -> ident(p) + " VARCHAR").collect(Collectors.joining(", ")) + ")";
  }

  private static Duration window(MetricSpec spec, ModelConfig model) {
    return spec.window() != null ? spec.window() : model.window();
  }

  /** Whole UTC days of a window, as the engine counts them (MetricDef.calendarDays). */
  static int days(Duration window) {
    return (int) Math.max(1, (window.toMillis() + DAY_MILLIS - 1) / DAY_MILLIS);
  }

  private static String literal(Object value) {
    return "'" + value.toString().replace("'", "''") + "'";
  }

  private static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
