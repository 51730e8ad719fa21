package io.github.pqlconnector.sources.posthog;

/** {@code {"query":{"kind":"HogQLQuery","query":"SELECT …"},"name":"pql-connector events","refresh":"blocking"}}. */
record QueryRequest(Query query, String name, String refresh) {
  record Query(String kind, String query) {}

  static QueryRequest hogql(String sql, String name) {
    return new QueryRequest(new Query("HogQLQuery", sql), "pql-connector " + name, "blocking");
  }
}
