package io.github.pqlconnector.app.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in (a user's name and password, or the admin token with no name) and out. A successful sign-in opens a
 * new session, so an id known before it is worthless after; failures are throttled and never say which half
 * was wrong. Neither the password nor the token is ever logged.
 */
final class SignInPage {
  private static final Logger log = LoggerFactory.getLogger(SignInPage.class);
  private final Sessions sessions;
  private final Access access;

  SignInPage(Sessions sessions, Access access) {
    this.sessions = sessions;
    this.access = access;
  }

  Response form(Exchange exchange, Session session, @Nullable String error) {
    Html form = new Html();
    if (error != null) {
      form.raw("<p class=\"error\" role=\"alert\">").text(error).raw("</p>");
    }
    form.raw("<form method=\"post\" action=\"/login\" class=\"signin\">").hidden(Access.CSRF_FIELD, session.csrf())
        .hidden("next", safeNext(exchange.form().getOrDefault("next", Paths.query(exchange.rawQuery()).get("next"))))
        .input("name", "Name", exchange.form().get("name"), "autocomplete=\"username\"")
        .raw("<p class=\"hint\">Leave the name empty to sign in with the admin token.</p>")
        .raw("<label for=\"password\">Password or token</label>")
        .raw("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>")
        .raw("<button type=\"submit\">Sign in</button></form>");
    int status = error == null ? 200 : error.startsWith("Too many") ? 429 : 401;
    return Layout.html(status, Layout.frame("Sign in", "", null, null, form));
  }

  Response submit(Exchange exchange, Session session) {
    if (!Access.csrfMatches(exchange, session)) {
      return form(exchange, session, "The form had expired. Please sign in again.");
    }
    String name = exchange.form().getOrDefault("name", "").strip();
    Access.SignIn result = access.signIn(exchange.remoteAddress(), name,
        exchange.form().getOrDefault("password", ""));
    if (!result.retryAfter().isZero()) {
      log.warn("sign-in refused for a while after repeated failures from {}", exchange.remoteAddress());
      Response page = form(exchange, session, "Too many failed sign-ins. Try again in "
          + (result.retryAfter().toMinutes() + 1) + " minutes.");
      return withHeader(page, "Retry-After", String.valueOf(result.retryAfter().toSeconds() + 1));
    }
    if (result.principal() == null) {
      log.info("failed sign-in from {}", exchange.remoteAddress()); // no name: it may be a mistyped password
      return form(exchange, session, "Wrong name, password or token.");
    }
    sessions.close(session);
    Session signedIn = sessions.open(result.principal());
    log.info("{} signed in from {}", result.principal().name(), exchange.remoteAddress());
    return Console.withCookie(Layout.redirect(safeNext(exchange.form().get("next"))), signedIn, exchange.overTls());
  }

  Response signOut(Exchange exchange, Session session) {
    if (!Access.csrfMatches(exchange, session)) {
      return ConsolePages.refused(403, "missing or wrong CSRF token; reload the page and try again");
    }
    sessions.close(session);
    return withHeader(Layout.redirect("/login"), "Set-Cookie", Console.cookie("", exchange.overTls(), true));
  }

  /** Where to go after signing in: a path on this server only, never another site ({@code //evil} included). */
  static String safeNext(@Nullable String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
        || next.startsWith("/login")) {
      return "/";
    }
    return next;
  }

  static String next(Exchange exchange) {
    String target = exchange.rawPath() + (exchange.rawQuery() == null ? "" : "?" + exchange.rawQuery());
    return URLEncoder.encode(target, StandardCharsets.UTF_8);
  }

  private static Response withHeader(Response response, String name, String value) {
    Map<String, String> headers = new HashMap<>(response.headers());
    headers.put(name, value);
    return new Response(response.status(), response.contentType(), response.body(), headers);
  }
}
