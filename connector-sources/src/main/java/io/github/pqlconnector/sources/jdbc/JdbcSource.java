package io.github.pqlconnector.sources.jdbc;

import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.EntityMetrics;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.MetricPushdown;
import io.github.pqlconnector.core.spi.PushdownRequest;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JDBC warehouse as a source. Incremental: reads exactly the events of the request's [from, to), filtered in
 * SQL, streamed with a fetch size. With {@code pushdown: true} the warehouse computes the metrics instead and
 * only one row per entity comes back. Opens a connection per read; holds none between calls.
 */
final class JdbcSource implements AnalyticsSource, MetricPushdown {
  private static final Logger log = LoggerFactory.getLogger(JdbcSource.class);

  private final JdbcSourceConfig config;
  private final JdbcQueries queries;
  private final JdbcConnections connections;

  JdbcSource(JdbcSourceConfig config) {
    this.config = config;
    this.queries = config.resolved();
    this.connections = new JdbcConnections(config);
  }

  @Override
  public CheckResult check() {
    String mode = config.preset() != null ? "preset " + config.preset() + " in schema " + config.schema() : "custom";
    return new JdbcCheck(connections, queries, mode).run();
  }

  @Override
  public boolean incremental() {
    return true;
  }

  @Override
  public Duration lateDataWindow() {
    return config.lateData();
  }

  @Override
  public ReadResult readEvents(ReadRequest request, EventSink sink) {
    try {
      long read = new JdbcEventReader(connections, queries).read(request, sink);
      log.info("read {} events from {} for [{}, {})", read, config.safeUrl(), request.from(), request.to());
      return new ReadResult(null, read);
    } catch (SQLException e) {
      throw failure(e, "the events query");
    }
  }

  @Override
  public void readTraits(EntityLevel level, TraitsSink sink) {
    String query = level == EntityLevel.USER ? queries.users() : queries.accounts();
    if (query == null) {
      return;
    }
    try {
      new JdbcTraitsReader(connections, queries).read(level, query, sink);
    } catch (SQLException e) {
      throw failure(e, "the " + level.id() + "s query");
    }
  }

  @Override
  public boolean pushdownEnabled() {
    return config.pushdown();
  }

  @Override
  public void aggregate(PushdownRequest request, Consumer<EntityMetrics> sink) {
    try {
      long rows = new PushdownReader(connections, queries).read(request, sink);
      log.info("pushdown: {} computed {} metrics for {} entities", config.safeUrl(), request.metrics().size(), rows);
    } catch (SQLException e) {
      throw failure(e, "the pushdown aggregation");
    }
  }

  private SourceException failure(SQLException e, String what) {
    return SqlErrors.toSourceException(e, config.safeUrl(), what);
  }

  @Override
  public void close() {
    // Connections are opened and closed per read.
  }
}
