package io.github.pqlconnector.sources.posthog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.EntityMetrics;
import io.github.pqlconnector.core.spi.PushdownRequest;
import io.github.pqlconnector.core.spi.PushedMetric;
import io.github.pqlconnector.sources.http.JsonValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One row of the pushdown query, {@code [level, id, metrics…, steps…, email, account]} (see {@link PushdownHogQl}),
 * into {@link EntityMetrics}: a null metric (first/last seen without an event) has no value, a step is done when its
 * column is 1. Remembers the last (level, id) for the next page.
 */
final class PostHogMetrics implements QueryResults.RowReader {
  private final List<PushedMetric> metrics;
  private final List<String> steps;
  private final Consumer<EntityMetrics> sink;
  PushdownHogQl.@Nullable Key last;
  long rows;

  PostHogMetrics(PushdownRequest request, Consumer<EntityMetrics> sink) {
    this.metrics = request.metrics();
    this.steps = request.activationSteps();
    this.sink = sink;
  }

  @Override
  public void row(JsonParser p) throws IOException {
    List<@Nullable String> cells = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      cells.add(t == JsonToken.VALUE_TRUE ? "1" : t == JsonToken.VALUE_FALSE ? "0" : JsonValues.text(p, t));
    }
    int expected = 2 + metrics.size() + steps.size() + 2;
    String level = cells.isEmpty() ? null : cells.get(0);
    String id = cells.size() < 2 ? null : cells.get(1);
    if (cells.size() != expected || level == null || id == null) {
      throw new IOException("a pushdown row has " + cells.size() + " columns or no level and id; expected "
          + expected + " columns");
    }
    last = new PushdownHogQl.Key(level, id);
    sink.accept(metricsOf(EntityLevel.fromId(level), id, cells));
    rows++;
  }

  private EntityMetrics metricsOf(EntityLevel level, String id, List<@Nullable String> cells) throws IOException {
    Map<String, Double> values = new HashMap<>();
    int column = 2;
    for (PushedMetric metric : metrics) {
      String cell = cells.get(column++);
      if (cell != null) {
        values.put(metric.id(), number(cell));
      }
    }
    Set<String> done = new HashSet<>();
    for (String step : steps) {
      String cell = cells.get(column++);
      if (cell != null && number(cell) >= 1) {
        done.add(step);
      }
    }
    boolean user = level == EntityLevel.USER;
    return new EntityMetrics(new EntityRef(level, id), values, done, user ? cells.get(column) : null,
        user ? cells.get(column + 1) : null);
  }

  /** ClickHouse may send 64-bit integers as text; both read the same. */
  private static double number(String cell) throws IOException {
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new IOException("a pushdown value is not a number: '" + cell + "'");
    }
  }
}
