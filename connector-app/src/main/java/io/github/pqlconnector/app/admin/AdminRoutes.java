package io.github.pqlconnector.app.admin;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The admin API's route table: finds the endpoint for a method and path, or answers 404/405. */
final class AdminRoutes {
  private final Router router;
  private final JsonResponses json;

  AdminRoutes(AdminEndpoints api, JsonResponses json) {
    this.json = json;
    this.router = new Router(List.of(
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
        Route.of("GET", "/api/runs", api::runs),
        Route.of("POST", "/api/syncs/{name}/schedule", api::setCron),
        Route.of("DELETE", "/api/syncs/{name}/schedule", api::clearCron),
        Route.of("GET", "/api/syncs/{name}/plan", r -> api.plan(r.param("name"))),
        Route.of("GET", "/api/destinations", r -> api.destinations()),
        Route.of("GET", "/api/runs/{id}", r -> api.run(r.param("id"))),
        Route.of("POST", "/api/reload", r -> api.reload()),
        Route.of("GET", "/metrics", r -> api.metrics())));
  }

  /** The response of the matching route, or a JSON 404/405. Throws {@link BadRequest} and what the backend throws. */
  Response dispatch(Exchange exchange, Principal principal, @Nullable Session session) {
    Router.Found found = router.dispatch(exchange, principal, session);
    return found.response().orElseGet(() -> found.allowed().isEmpty() ? json.error(404, "not found")
        : json.methodNotAllowed(found.allowed()));
  }
}
