package io.github.pqlconnector.sources.jdbc;

import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.ReadRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Streams the events of [from, to) in time order (see {@link #order}), filtered in SQL with bound parameters and fetched
 * {@code fetchSize} rows at a time. A row that cannot be read is rejected and the read goes on. A property the
 * model reads that a preset's per-event tables do not hold is rejected once per read, so the run report shows it.
 */
final class JdbcEventReader {
  private final JdbcConnections connections;
  private final JdbcQueries queries;

  JdbcEventReader(JdbcConnections connections, JdbcQueries queries) {
    this.connections = connections;
    this.queries = queries;
  }

  /** The number of events handed to the sink. */
  long read(ReadRequest request, EventSink sink) throws SQLException {
    try (Connection connection = connections.open()) {
      PropertyTables.EventsQuery events = queries.eventsFor(connection, request.properties(), request.from(),
          request.to());
      events.missing().forEach(problem -> sink.reject("events query", problem));
      String query = events.sql();
      EventRows rows = new EventRows(Columns.probe(connection, query, events.params()), request.properties());
      String sql = "SELECT * FROM (" + query + ") e WHERE e.timestamp >= ? AND e.timestamp < ?" + order(rows);
      try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.CONCUR_READ_ONLY)) {
        statement.setFetchSize(connections.fetchSize());
        int range = SqlParams.bind(statement, events.params(), 1);
        SqlParams.bind(statement, List.of(request.from(), request.to()), range);
        try (ResultSet result = statement.executeQuery()) {
          return stream(result, rows, sink);
        }
      } finally {
        connection.rollback();
      }
    }
  }

  /**
   * Time order matters only where events teach identities: the last account or email a user's events carried.
   * Without those columns the order changes no result, so the warehouse is spared sorting the whole range.
   */
  private static String order(EventRows rows) {
    if (!rows.teachesIdentities()) {
      return "";
    }
    return " ORDER BY e.timestamp" + (rows.hasEventId() ? ", e.event_id" : "");
  }

  private static long stream(ResultSet result, EventRows rows, EventSink sink) throws SQLException {
    long number = 0;
    long accepted = 0;
    while (result.next()) {
      number++;
      Object read;
      try {
        read = rows.read(result);
      } catch (SQLException e) {
        if (!SqlErrors.isDataError(e)) {
          throw e;
        }
        read = "unreadable value (SQLState " + e.getSQLState() + ")";
      }
      if (read instanceof Event event) {
        sink.accept(event);
        accepted++;
      } else {
        sink.reject(rows.location(result, number), (String) read);
      }
    }
    return accepted;
  }
}
