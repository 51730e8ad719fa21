package io.github.pqlconnector.app.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The console's sessions, in this process's memory (a restart signs everyone out; in a cluster a browser keeps
 * to the node it signed in on). A session idle for longer than the timeout is gone. The number kept is capped so
 * that page loads from a hostile client cannot fill the heap: the least recently seen goes first.
 */
final class Sessions {
  static final String COOKIE = "pql_session";
  static final int MAX_SESSIONS = 10_000;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final Duration idleTimeout;
  private final Clock clock;

  Sessions(Duration idleTimeout, Clock clock) {
    this.idleTimeout = idleTimeout;
    this.clock = clock;
  }

  /** The live session of that id, its idle clock restarted; empty when unknown or expired. */
  Optional<Session> find(@Nullable String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session session = byId.get(id);
    Instant now = clock.instant();
    if (session == null) {
      return Optional.empty();
    }
    if (session.lastSeen().plus(idleTimeout).isBefore(now)) {
      byId.remove(id);
      return Optional.empty();
    }
    session.touch(now);
    return Optional.of(session);
  }

  /** A new session, signed in as {@code principal} or (null) not yet signed in. */
  Session open(@Nullable Principal principal) {
    if (byId.size() >= MAX_SESSIONS) {
      evictOldest();
    }
    Session session = new Session(token(), token(), principal, clock.instant());
    byId.put(session.id(), session);
    return session;
  }

  void close(Session session) {
    byId.remove(session.id());
  }

  Duration idleTimeout() {
    return idleTimeout;
  }

  private void evictOldest() {
    Instant now = clock.instant();
    byId.values().removeIf(s -> s.lastSeen().plus(idleTimeout).isBefore(now));
    while (byId.size() >= MAX_SESSIONS) {
      byId.values().stream().min(Comparator.comparing(Session::lastSeen)).ifPresent(this::close);
    }
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
