package io.github.pqlconnector.app.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The console's stylesheet, bundled in the jar (nothing is fetched from elsewhere at run time). */
final class Assets {
  private static final Map<String, String> TYPES = Map.of("/assets/console.css", "text/css; charset=utf-8");

  private Assets() {}

  static Response serve(String path) {
    String type = TYPES.get(path);
    if (type == null) {
      return ConsolePages.refused(404, "not found");
    }
    try (InputStream in = Assets.class.getResourceAsStream("/console" + path.substring("/assets".length()))) {
      if (in == null) {
        return ConsolePages.refused(404, "not found");
      }
      return new Response(200, type, in.readAllBytes(), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A page that loads the same address again from here. A link followed from another site (a Slack message)
   * arrives without the SameSite=Strict cookie; answering it with a new session would sign the user out.
   */
  static Response bounce(Exchange exchange) {
    String target = exchange.rawPath() + (exchange.rawQuery() == null ? "" : "?" + exchange.rawQuery());
    String markup = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"refresh\" content=\"0;url=" + Html.escape(target) + "\"><title>PQL Connector</title>"
        + "</head><body><p><a href=\"" + Html.escape(target) + "\">Continue to PQL Connector</a></p></body></html>";
    return new Response(200, Layout.HTML, markup.getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
