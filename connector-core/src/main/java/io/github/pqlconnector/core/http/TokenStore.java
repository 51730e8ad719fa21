package io.github.pqlconnector.core.http;

import io.github.pqlconnector.core.secret.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The one place an OAuth access token lives: refreshed before it expires (its TTL less a margin), and at
 * most once per failed request (a 401 carrying the token that is still current). Thread-safe.
 */
public final class TokenStore {
  /** Fetches a new access token (a refresh-token or client-credentials grant); throws a VendorException. */
  @FunctionalInterface
  public interface Refresher {
    Token refresh();
  }

  /** An access token and when it stops working. */
  public record Token(Secret accessToken, Instant expiresAt) {}

  private final Refresher refresher;
  private final Clock clock;
  private final Duration margin;
  private @Nullable Token token;

  public TokenStore(Refresher refresher, Clock clock, Duration margin) {
    this.refresher = refresher;
    this.clock = clock;
    this.margin = margin;
  }

  /** The current token, refreshed first when it is missing or about to expire. */
  public synchronized Secret current() {
    if (token == null || !clock.instant().plus(margin).isBefore(token.expiresAt())) {
      token = refresher.refresh();
    }
    return token.accessToken();
  }

  /**
   * After a 401: refreshes if {@code rejected} is still the current token (else another request already did),
   * and returns the token to retry with.
   */
  public synchronized Secret refreshAfterRejection(String rejected) {
    if (token == null || token.accessToken().reveal().equals(rejected)) {
      token = refresher.refresh();
    }
    return token.accessToken();
  }
}
