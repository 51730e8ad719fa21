package io.github.pqlconnector.sources.posthog;

/**
 * {@code {"query":{"kind":"HogQLQuery","query":"SELECT …"},"name":"pql-connector events","refresh":"force_blocking"}}.
 *
 * <p>{@code refresh} is always {@value #REFRESH}: PostHog maps it to {@code ExecutionMode.CALCULATE_BLOCKING_ALWAYS}
 * ("always recalculate"), while {@code blocking} is {@code RECENT_CACHE_CALCULATE_BLOCKING_IF_STALE} ("use cache,
 * unless the results are missing or stale"; {@code posthog/hogql_queries/query_runner.py},
 * {@code execution_mode_from_refresh}). Every run sends the same text for the persons and groups queries, and a
 * re-read day or pushdown page can repeat an earlier query's text too, so {@code blocking} could hand back an
 * answer computed before the latest events or profile changes arrived.
 */
record QueryRequest(Query query, String name, String refresh) {
  static final String REFRESH = "force_blocking";

  record Query(String kind, String query) {}

  static QueryRequest hogql(String sql, String name) {
    return new QueryRequest(new Query("HogQLQuery", sql), "pql-connector " + name, REFRESH);
  }
}
