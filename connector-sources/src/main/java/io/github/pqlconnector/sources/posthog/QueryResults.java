package io.github.pqlconnector.sources.posthog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams a query answer, {@code {"columns":[…],"results":[[…],…],"hasMore":true,…}}, handing each row to a
 * {@link RowReader} while it is parsed, so a page of 50,000 rows never sits in memory. A body that ends early is a
 * parse error (an {@link IOException}), so a cut-off page fails the read.
 */
final class QueryResults {
  private static final JsonFactory JSON = new JsonFactory();

  /** Reads one row; the parser is on the row's START_ARRAY and must be left on its END_ARRAY. */
  @FunctionalInterface
  interface RowReader {
    void row(JsonParser parser) throws IOException;
  }

  /** How many rows the page had, and whether PostHog said there are more. */
  record Page(int rows, boolean hasMore) {}

  private QueryResults() {}

  static Page read(InputStream body, RowReader reader) throws IOException {
    int rows = 0;
    boolean hasMore = false;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("the query answer is not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("results".equals(field) && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_ARRAY) {
            reader.row(p);
            rows++;
          }
        } else if ("hasMore".equals(field)) {
          hasMore = value == JsonToken.VALUE_TRUE;
        } else {
          p.skipChildren();
        }
      }
    }
    return new Page(rows, hasMore);
  }
}
