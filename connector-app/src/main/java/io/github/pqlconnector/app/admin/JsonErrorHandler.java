package io.github.pqlconnector.app.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself (a malformed URL or header, a request over the size limit) as the same small JSON
 * body the API uses, never Jetty's HTML page, and with the console's security headers.
 */
final class JsonErrorHandler extends ErrorHandler {
  private final JsonResponses json;

  JsonErrorHandler(JsonResponses json) {
    this.json = json;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) throws IOException {
    byte[] body = json.error(code, reason(code)).body();
    SecurityHeaders.apply(response.getHeaders());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonResponses.JSON);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    SecurityHeaders.apply(fields);
    fields.put(HttpHeader.CONTENT_TYPE, JsonResponses.JSON);
    return ByteBuffer.wrap(json.error(status, reason(status)).body());
  }

  /** A fixed wording per status: Jetty's own message can echo parts of the request. */
  private static String reason(int status) {
    return switch (status) {
      case 400 -> "bad request";
      case 404 -> "not found";
      case 413 -> "request too large";
      case 414 -> "URL too long";
      case 431 -> "request headers too large";
      default -> status >= 500 ? "internal error" : "request refused";
    };
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
