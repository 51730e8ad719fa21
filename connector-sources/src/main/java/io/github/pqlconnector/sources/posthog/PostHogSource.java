package io.github.pqlconnector.sources.posthog;

import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.EntityMetrics;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.MetricPushdown;
import io.github.pqlconnector.core.spi.PushdownRequest;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.ReadResult;
import io.github.pqlconnector.core.spi.TraitsSink;
import io.github.pqlconnector.sources.http.Failures;
import io.github.pqlconnector.sources.http.HttpSource;
import io.github.pqlconnector.sources.http.SourceCalls;
import io.github.pqlconnector.sources.http.SourceCalls.Window;
import io.github.pqlconnector.sources.http.SourceHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a PostHog project through HogQL, one page of at most {@code pageSize} rows per query, keyset-paged until a
 * page comes back short: events in [from, to), persons as user traits, the configured group type as account
 * traits. Queries keep to {@code queriesPerHour} and 240/minute, one at a time (PostHog allows 3 concurrent).
 * With {@code pushdown: true} PostHog computes the metrics ({@link PushdownHogQl}) and pages back one row per entity.
 */
final class PostHogSource extends HttpSource implements MetricPushdown {
  private static final Logger log = LoggerFactory.getLogger(PostHogSource.class);
  static final String VENDOR = "posthog";

  private final PostHogConfig config;
  private final PostHogApi api;
  private final SourceCalls calls;
  private final Failures.Hints hints;

  PostHogSource(PostHogConfig config, String name, HttpClients http) {
    super(config.lateData());
    this.config = config;
    this.api = SourceHttp.api(SourceHttp.client(http, VENDOR, SourceHttp.bearer(config.apiKey())), config.baseUrl(),
        PostHogApi.class);
    this.calls = new SourceCalls(VENDOR, name, Window.perHour(config.queriesPerHour()),
        new Window(240, Duration.ofMinutes(1)));
    this.hints = new Failures.Hints(
        "check sources." + name + ".apiKey: a personal API key with the query:read scope and access to project "
            + config.projectId(),
        "check sources." + name + ".projectId (" + config.projectId() + ") and that " + config.baseUrl()
            + " is the project's PostHog (us, eu or your own instance)",
        "check the network path to " + config.baseUrl());
  }

  @Override
  public CheckResult check() {
    try (ResponseBody body = calls.execute(api.query(config.projectId(), QueryRequest.hogql("SELECT 1", "check")))) {
      QueryResults.read(body.byteStream(), p -> p.skipChildren());
      return CheckResult.ok("PostHog project " + config.projectId() + " at " + config.baseUrl()
          + " answers queries with this API key");
    } catch (VendorException e) {
      return Failures.check(e, hints);
    } catch (IOException e) {
      return new CheckResult(CheckResult.Status.UNREACHABLE, "posthog: the answer to a test query was unreadable ("
          + e.getClass().getSimpleName() + ") — " + "check that " + config.baseUrl() + " is a PostHog instance");
    }
  }

  @Override
  public ReadResult readEvents(ReadRequest request, EventSink sink) {
    PostHogEvents rows = new PostHogEvents(request.properties(), sink, "posthog events");
    int pages = 0;
    QueryResults.Page page;
    do {
      String sql = HogQl.events(request.from(), request.to(), config.accountGroupIndex(), rows.last, config.pageSize());
      page = query(sql, "events", rows);
      pages++;
    } while (page.rows() >= config.pageSize() || page.hasMore());
    log.info("posthog events {} – {}: {} events in {} queries", request.from(), request.to(), rows.accepted, pages);
    return new ReadResult(null, rows.accepted);
  }

  @Override
  public void readTraits(EntityLevel level, TraitsSink sink) {
    if (level == EntityLevel.ACCOUNT && config.accountGroupIndex() == null) {
      return;   // no group type configured: accounts get no traits from PostHog
    }
    PostHogTraits rows = new PostHogTraits(level, sink);
    QueryResults.Page page;
    do {
      String sql = level == EntityLevel.USER ? HogQl.persons(rows.last, config.pageSize())
          : HogQl.groups(config.accountGroupIndex(), rows.last, config.pageSize());
      page = query(sql, level == EntityLevel.USER ? "persons" : "groups", rows);
    } while (page.rows() >= config.pageSize() || page.hasMore());
    log.info("posthog: {} {} traits", rows.accepted, level.id());
  }

  @Override
  public boolean pushdownEnabled() {
    return Boolean.TRUE.equals(config.pushdown());
  }

  /** Every page re-runs the aggregation and keeps the rows after the last (level, id): keyset, never OFFSET. */
  @Override
  public void aggregate(PushdownRequest request, Consumer<EntityMetrics> sink) {
    PushdownHogQl hogql = new PushdownHogQl(request, config.accountGroupIndex());
    PostHogMetrics rows = new PostHogMetrics(request, sink);
    int pages = 0;
    QueryResults.Page page;
    do {
      page = query(hogql.page(rows.last, config.pageSize()), "pushdown", rows);
      pages++;
    } while (page.rows() >= config.pageSize() || page.hasMore());
    log.info("posthog pushdown: {} metrics for {} entities in {} queries", request.metrics().size(), rows.rows, pages);
  }

  private QueryResults.Page query(String sql, String what, QueryResults.RowReader rows) {
    try (ResponseBody body = calls.execute(api.query(config.projectId(), QueryRequest.hogql(sql, what)))) {
      return QueryResults.read(body.byteStream(), rows);
    } catch (VendorException e) {
      throw Failures.read("posthog " + what + " query", e, hints);
    } catch (IOException e) {
      throw Failures.stream("posthog " + what + " query", e);
    }
  }
}
