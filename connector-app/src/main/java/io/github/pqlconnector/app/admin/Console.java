package io.github.pqlconnector.app.admin;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The web console's side of the gate: static assets, sign-in and sign-out, a session (and so a CSRF token) for
 * every browser from its first page, sign-in before any page when a token or users are configured, and the CSRF and
 * role check before anything is changed. The pages themselves are {@link ConsolePages}.
 */
final class Console {
  private final Sessions sessions;
  private final Access access;
  private final ConsolePages pages;
  private final SignInPage signIn;

  Console(AdminBackend backend, Sessions sessions, Access access) {
    this.sessions = sessions;
    this.access = access;
    this.pages = new ConsolePages(backend);
    this.signIn = new SignInPage(sessions, access);
  }

  Response respond(Exchange exchange, @Nullable Session found) {
    if (exchange.rawPath().startsWith("/assets/")) {
      return Assets.serve(exchange.rawPath());
    }
    if (found == null && !exchange.changesState() && "cross-site".equals(exchange.header("Sec-Fetch-Site"))) {
      return Assets.bounce(exchange);
    }
    Session session = found != null ? found : sessions.open(null);
    Response response = route(exchange, session);
    boolean rotated = response.headers().containsKey("Set-Cookie");
    return found == null && !rotated ? withCookie(response, session, exchange.overTls()) : response;
  }

  private Response route(Exchange exchange, Session session) {
    if (exchange.rawPath().equals("/login")) {
      return exchange.changesState() ? signIn.submit(exchange, session) : signIn.form(exchange, session, null);
    }
    if (exchange.rawPath().equals("/logout") && exchange.changesState()) {
      return signIn.signOut(exchange, session);
    }
    Optional<Principal> viewer = access.pageViewer(session);
    if (viewer.isEmpty()) {
      return exchange.changesState() ? ConsolePages.refused(403, "sign in first")
          : Layout.redirect("/login?next=" + SignInPage.next(exchange));
    }
    if (exchange.changesState()) {
      Optional<String> refusal = access.changeRefusal(exchange, viewer.get(), session);
      if (refusal.isPresent()) {
        return ConsolePages.refused(403, refusal.get());
      }
    }
    return pages.dispatch(exchange, viewer.get(), session);
  }

  /** The response with the session cookie: script-proof, same-site only, and TLS-only when TLS is in use. */
  static Response withCookie(Response response, Session session, boolean tls) {
    Map<String, String> headers = new HashMap<>(response.headers());
    headers.put("Set-Cookie", cookie(session.id(), tls, false));
    return new Response(response.status(), response.contentType(), response.body(), headers);
  }

  static String cookie(String value, boolean tls, boolean expire) {
    return Sessions.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (tls ? "; Secure" : "")
        + (expire ? "; Max-Age=0" : "");
  }
}
