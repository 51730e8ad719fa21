package io.github.pqlconnector.app.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The admin API's route table: finds the endpoint for a method and path, or answers 404/405. */
final class AdminRoutes {
  private final List<Route> routes;
  private final JsonResponses json;

  AdminRoutes(AdminEndpoints api, JsonResponses json) {
    this.json = json;
    this.routes = List.of(
        Route.of("GET", "/api/health", r -> api.health()),
        Route.of("GET", "/api/syncs", r -> api.syncs()),
        Route.of("GET", "/api/syncs/{name}", r -> api.sync(r.param("name"))),
        Route.of("POST", "/api/syncs/{name}/run", r -> api.runNow(r.param("name"))),
        Route.of("POST", "/api/syncs/{name}/retry", r -> api.retry(r.param("name"), r.query().get("record"),
            r.query().get("level"))),
        Route.of("GET", "/api/syncs/{name}/history/{level}/{id}", r -> api.history(r.param("name"),
            r.param("level"), r.param("id"))),
        Route.of("GET", "/api/syncs/{name}/report", r -> api.report(r.param("name"), r.query().get("since"),
            r.query().get("horizon"))),
        Route.of("POST", "/api/syncs/{name}/pause", r -> api.pause(r.param("name"))),
        Route.of("POST", "/api/syncs/{name}/resume", r -> api.resume(r.param("name"))),
        Route.of("GET", "/api/runs", r -> api.runs(r.query().get("sync"), r.query().get("limit"))),
        Route.of("GET", "/api/runs/{id}", r -> api.run(r.param("id"))),
        Route.of("POST", "/api/reload", r -> api.reload()),
        Route.of("GET", "/metrics", r -> api.metrics()));
  }

  /**
   * The response of the matching route. Throws {@link BadRequest} for a malformed request, and whatever the
   * backend throws.
   */
  Response dispatch(String method, String rawPath, @Nullable String rawQuery) {
    List<String> segments = Paths.segments(rawPath);
    Set<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Optional<Map<String, String>> params = route.match(segments);
      if (params.isEmpty()) {
        continue;
      }
      if (route.method().equals(method)) {
        return route.endpoint().handle(new Route.Request(params.get(), Paths.query(rawQuery)));
      }
      allowed.add(route.method());
    }
    return allowed.isEmpty() ? json.error(404, "not found") : json.methodNotAllowed(allowed);
  }
}
