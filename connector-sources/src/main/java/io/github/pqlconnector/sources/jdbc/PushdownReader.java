package io.github.pqlconnector.sources.jdbc;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.EntityMetrics;
import io.github.pqlconnector.core.spi.PushdownRequest;
import io.github.pqlconnector.core.spi.PushedMetric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the pushdown statement and streams its rows, one per entity, as {@link EntityMetrics}. */
final class PushdownReader {
  private static final Logger log = LoggerFactory.getLogger(PushdownReader.class);
  private final JdbcConnections connections;
  private final JdbcQueries queries;

  PushdownReader(JdbcConnections connections, JdbcQueries queries) {
    this.connections = connections;
    this.queries = queries;
  }

  /** The number of entity rows read. */
  long read(PushdownRequest request, Consumer<EntityMetrics> sink) throws SQLException {
    try (Connection connection = connections.open()) {
      PushdownSql.Statement statement = compile(connection, request);
      try (PreparedStatement prepared = connection.prepareStatement(statement.sql())) {
        prepared.setFetchSize(connections.fetchSize());
        SqlParams.bind(prepared, statement.params(), 1);
        long rows = 0;
        try (ResultSet result = prepared.executeQuery()) {
          while (result.next()) {
            sink.accept(row(result, statement));
            rows++;
          }
        }
        return rows;
      } finally {
        connection.rollback();
      }
    }
  }

  /**
   * Probes the columns first: which optional columns exist decides the attribution SQL. The events query is the
   * raw read's for the same properties, so both paths see the same property values.
   */
  private PushdownSql.Statement compile(Connection connection, PushdownRequest request) throws SQLException {
    Set<String> properties = new HashSet<>();
    request.metrics().stream().map(PushedMetric::property).filter(Objects::nonNull).forEach(properties::add);
    PropertyTables.EventsQuery query = queries.eventsFor(connection, properties, request.from(), request.to());
    query.missing().forEach(problem -> log.warn("pushdown events query: {}", problem));
    Columns events = Columns.probe(connection, query.sql(), query.params());
    String userAccounts = queries.userAccounts();
    if (userAccounts == null && queries.users() != null
        && Columns.probe(connection, queries.users()).has(JdbcQueries.ACCOUNT_ID)) {
      userAccounts = "SELECT x.user_id, x.account_id FROM (" + queries.users() + ") x";
    }
    return new PushdownSql(query, events, userAccounts).compile(request);
  }

  private static EntityMetrics row(ResultSet result, PushdownSql.Statement statement) throws SQLException {
    EntityLevel level = EntityLevel.fromId(result.getString(1));
    int column = 3;
    Map<String, Double> values = new HashMap<>();
    for (PushedMetric metric : statement.metrics()) {
      Object value = result.getObject(column++);
      if (value instanceof Number number) {
        values.put(metric.id(), number.doubleValue());
      }
    }
    Set<String> steps = new HashSet<>();
    for (String step : statement.steps()) {
      if (result.getInt(column++) == 1) {
        steps.add(step);
      }
    }
    boolean user = level == EntityLevel.USER;
    @Nullable String email = user ? result.getString(column) : null;
    @Nullable String account = user ? result.getString(column + 1) : null;
    return new EntityMetrics(new EntityRef(level, result.getString(2)), values, steps, email, account);
  }
}
