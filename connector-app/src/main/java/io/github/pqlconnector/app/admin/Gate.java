package io.github.pqlconnector.app.admin;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every request passes here, whatever server carries it: the guard first (host, origin), then who asks, then
 * whether they may change anything, then the API's or the console's routes. A refusal says nothing about what
 * exists; every refusal of the API is JSON.
 */
final class Gate {
  private final RequestGuard guard;
  private final Sessions sessions;
  private final Access access;
  private final AdminRoutes api;
  private final Console console;
  private final JsonResponses json;

  Gate(RequestGuard guard, Sessions sessions, Access access, AdminRoutes api, Console console, JsonResponses json) {
    this.guard = guard;
    this.sessions = sessions;
    this.access = access;
    this.api = api;
    this.console = console;
    this.json = json;
  }

  /** The response; throws what an endpoint throws other than {@link BadRequest}. */
  Response respond(Exchange exchange) {
    Optional<String> refused = guard.refusal(exchange);
    if (refused.isPresent()) {
      return json.error(403, refused.get());
    }
    Session session = sessions.find(exchange.cookies().get(Sessions.COOKIE)).orElse(null);
    try {
      return exchange.isApi() ? api(exchange, session) : console.respond(exchange, session);
    } catch (BadRequest e) {
      return json.error(400, e.getMessage());
    }
  }

  private Response api(Exchange exchange, @Nullable Session session) {
    Optional<Principal> caller = access.apiCaller(exchange, session);
    if (caller.isEmpty()) {
      return json.unauthorized();
    }
    if (exchange.changesState()) {
      Optional<String> refusal = access.changeRefusal(exchange, caller.get(), session);
      if (refusal.isPresent()) {
        return json.error(403, refusal.get());
      }
    }
    return api.dispatch(exchange, caller.get(), session);
  }
}
