package io.github.pqlconnector.app.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the admin API's responses (JSON with ISO instants) and writes them to an exchange. */
final class JsonResponses {
  static final String JSON = "application/json; charset=utf-8";
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private static final Logger log = LoggerFactory.getLogger(JsonResponses.class);

  private record ErrorBody(String error) {}

  private final ObjectMapper mapper = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  Response json(int status, Object body) {
    try {
      return new Response(status, JSON, mapper.writeValueAsBytes(body), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }

  /** The body as the API would send it, indented for a terminal. */
  String pretty(Object body) {
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }

  Response error(int status, String message) {
    return json(status, new ErrorBody(message));
  }

  Response unauthorized() {
    return new Response(401, JSON, error(401, "unauthorized").body(), Map.of("WWW-Authenticate", "Bearer"));
  }

  Response methodNotAllowed(Set<String> allowed) {
    byte[] body = error(405, "method not allowed").body();
    return new Response(405, JSON, body, Map.of("Allow", String.join(", ", allowed)));
  }

  static Response text(int status, String contentType, String body) {
    return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /**
   * A JSON column (a run's counts or report) as a tree to embed; null or blank is null, and text that does not parse is
   * embedded as a string rather than failing the whole response.
   */
  @Nullable JsonNode embedded(long runId, String column, @Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      log.warn("run {} has a {} that is not JSON; sending it as text", runId, column);
      return TextNode.valueOf(text);
    }
  }

  /**
   * Sends the response; a HEAD request gets the headers only (-1: no body; 0 would mean chunked). Each response
   * closes its connection: the JDK server writes headers and body as two TCP segments without TCP_NODELAY, so on a
   * kept-alive connection Nagle's algorithm and the client's delayed ACK add about 40 ms to every request; a new
   * connection per call costs less for an API polled every few seconds.
   */
  static void write(HttpExchange exchange, Response response) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.getResponseHeaders().set("Connection", "close");
    response.headers().forEach(exchange.getResponseHeaders()::set);
    boolean bodyless = "HEAD".equals(exchange.getRequestMethod()) || response.body().length == 0;
    exchange.sendResponseHeaders(response.status(), bodyless ? -1 : response.body().length);
    if (!bodyless) {
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(response.body());
      }
    }
  }
}
