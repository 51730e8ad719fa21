package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.config.AdminConfig;
import io.github.pqlconnector.core.config.AdminUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who a request is and what it may change. Scripts send the bearer token; browsers sign in (with the token or as
 * one of {@code admin.users}) and get a session; with neither configured anyone on this machine is an operator.
 * A state-changing request must also prove it was not forged by another site: the session's CSRF token (pages),
 * the bearer token, or, with no token configured, the {@value #SCRIPT_HEADER} header, which no cross-site page can
 * send without a CORS preflight that this server never approves.
 */
final class Access {
  static final String SCRIPT_HEADER = "X-PQL-Request";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String CSRF_FIELD = "_csrf";

  /** What a sign-in attempt came to: a principal, a refusal, or a wait before trying again. */
  record SignIn(@Nullable Principal principal, Duration retryAfter) {}

  private final AdminConfig config;
  private final BearerAuth bearer;
  private final SignInThrottle throttle;

  Access(AdminConfig config, BearerAuth bearer, SignInThrottle throttle) {
    this.config = config;
    this.bearer = bearer;
    this.throttle = throttle;
  }

  boolean signInNeeded() {
    return config.isProtected();
  }

  /** The API caller: bearer token, else a signed-in session, else anyone when nothing is configured. */
  Optional<Principal> apiCaller(Exchange exchange, @Nullable Session session) {
    String authorization = exchange.header("Authorization");
    if (bearer.required() && authorization != null) {
      return bearer.allows(authorization) ? Optional.of(Principal.SCRIPT) : Optional.empty();
    }
    return pageViewer(session);
  }

  /** The person looking at a page: the session's, else anyone when nothing is configured. */
  Optional<Principal> pageViewer(@Nullable Session session) {
    if (session != null && session.principal() != null) {
      return Optional.of(session.principal());
    }
    return config.isProtected() ? Optional.empty() : Optional.of(Principal.OPEN);
  }

  /** Why this state change is refused (403), or empty when it may go on. */
  Optional<String> changeRefusal(Exchange exchange, Principal principal, @Nullable Session session) {
    boolean proven = principal.via() == Principal.Via.BEARER || csrfMatches(exchange, session)
        || (principal.via() == Principal.Via.OPEN && exchange.header(SCRIPT_HEADER) != null);
    if (!proven) {
      return Optional.of("missing or wrong CSRF token; reload the page and try again (scripts: send the bearer"
          + " token, or the " + SCRIPT_HEADER + " header when no token is configured)");
    }
    if (!principal.operator()) {
      return Optional.of("signed in as a viewer: only an operator can change anything");
    }
    return Optional.empty();
  }

  static boolean csrfMatches(Exchange exchange, @Nullable Session session) {
    if (session == null) {
      return false;
    }
    String sent = exchange.form().getOrDefault(CSRF_FIELD, exchange.header(CSRF_HEADER));
    return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        session.csrf().getBytes(StandardCharsets.UTF_8));
  }

  /** Checks a name and password, or (with no name) the admin token; throttled per address and name. */
  SignIn signIn(String address, String name, String password) {
    Duration wait = throttle.wait(address, name);
    if (!wait.isZero()) {
      return new SignIn(null, wait);
    }
    Principal principal = name.isBlank() ? byToken(password) : byUser(name, password);
    if (principal == null) {
      throttle.failed(address, name);
    } else {
      throttle.succeeded(name);
    }
    return new SignIn(principal, Duration.ZERO);
  }

  private @Nullable Principal byToken(String token) {
    return bearer.required() && bearer.allows("Bearer " + token) ? new Principal("admin", true, Principal.Via.SESSION)
        : null;
  }

  private @Nullable Principal byUser(String name, String password) {
    Optional<AdminUser> user = config.users().stream().filter(u -> name.equals(u.name())).findFirst();
    if (user.isEmpty()) {
      Passwords.spendTimeOnUnknownName(password);
      return null;
    }
    return Passwords.matches(user.get(), password)
        ? new Principal(name, user.get().isOperator(), Principal.Via.SESSION) : null;
  }
}
