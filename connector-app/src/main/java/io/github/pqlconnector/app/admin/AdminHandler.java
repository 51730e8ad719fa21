package io.github.pqlconnector.app.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every admin request passes here: bearer check first (a 401 says nothing about what exists), then routing; a
 * backend failure is logged and answered with a bare 500. Logs one DEBUG line per request, never headers.
 */
final class AdminHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);
  private static final int MAX_LOGGED_PATH = 200;

  private final BearerAuth auth;
  private final AdminRoutes routes;
  private final JsonResponses json;
  private final InFlight inFlight;

  AdminHandler(BearerAuth auth, AdminRoutes routes, JsonResponses json, InFlight inFlight) {
    this.auth = auth;
    this.routes = routes;
    this.json = json;
    this.inFlight = inFlight;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    inFlight.enter();
    int status = 0;
    try {
      Response response = respond(exchange);
      status = response.status();
      JsonResponses.write(exchange, response);
    } finally {
      exchange.close();
      log.debug("{} {} {} {} ms", exchange.getRequestMethod(), loggedPath(exchange), status,
          (System.nanoTime() - started) / 1_000_000);
      inFlight.exit();
    }
  }

  private Response respond(HttpExchange exchange) {
    if (!auth.allows(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return json.unauthorized();
    }
    URI uri = exchange.getRequestURI();
    try {
      return routes.dispatch(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery());
    } catch (BadRequest e) {
      return json.error(400, e.getMessage());
    } catch (RuntimeException e) {
      log.error("admin request {} {} failed", exchange.getRequestMethod(), loggedPath(exchange), e);
      return json.error(500, "internal error");
    }
  }

  /** The raw path (no query), cut short, with the token hidden should a client have put it there. */
  private String loggedPath(HttpExchange exchange) {
    String path = auth.redact(exchange.getRequestURI().getRawPath());
    return path.length() > MAX_LOGGED_PATH ? path.substring(0, MAX_LOGGED_PATH) + "…" : path;
  }
}
