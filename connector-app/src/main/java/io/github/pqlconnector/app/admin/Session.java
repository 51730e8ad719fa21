package io.github.pqlconnector.app.admin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A browser's session: its CSRF token from the first page on, and who signed in, once someone has. The id and the
 * token are 256-bit random values; the id is rotated at sign-in so a session planted before it is worthless.
 */
final class Session {
  private final String id;
  private final String csrf;
  private final @Nullable Principal principal;
  private volatile Instant lastSeen;

  Session(String id, String csrf, @Nullable Principal principal, Instant now) {
    this.id = id;
    this.csrf = csrf;
    this.principal = principal;
    this.lastSeen = now;
  }

  String id() {
    return id;
  }

  String csrf() {
    return csrf;
  }

  @Nullable Principal principal() {
    return principal;
  }

  Instant lastSeen() {
    return lastSeen;
  }

  void touch(Instant now) {
    lastSeen = now;
  }
}
