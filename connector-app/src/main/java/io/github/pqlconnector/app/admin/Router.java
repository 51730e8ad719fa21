package io.github.pqlconnector.app.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** A route table: finds the endpoint for a method and path (HEAD as GET), or says the path or method is unknown. */
final class Router {
  /** What dispatching found: the response, or that no route has the path (404) or the method (405, with allowed). */
  record Found(Optional<Response> response, Set<String> allowed) {}

  private final List<Route> routes;

  Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** Throws {@link BadRequest} for a malformed path, and whatever the endpoint throws. */
  Found dispatch(Exchange exchange, Principal principal, @Nullable Session session) {
    List<String> segments = Paths.segments(exchange.rawPath());
    String method = "HEAD".equals(exchange.method()) ? "GET" : exchange.method();
    Set<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Optional<Map<String, String>> params = route.match(segments);
      if (params.isEmpty()) {
        continue;
      }
      if (route.method().equals(method)) {
        Route.Request request = new Route.Request(params.get(), Paths.query(exchange.rawQuery()), exchange.form(),
            principal, session);
        return new Found(Optional.of(route.endpoint().handle(request)), allowed);
      }
      allowed.add(route.method());
    }
    return new Found(Optional.empty(), allowed);
  }
}
