package io.github.pqlconnector.hubspot.fake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.github.pqlconnector.hubspot.fake.HubSpotFakeCrm.Answer;
import io.github.pqlconnector.hubspot.fake.HubSpotFakeCrm.StoredObject;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults of the fake HubSpot and its call count, in the order HubSpot meets them: authentication (a 401
 * {@code INVALID_AUTHENTICATION} for a missing, wrong or expired token), the rate limit (a 429 of the ten-secondly
 * window with {@code Retry-After: 1}), a server error (503), and after the write, the lost answer: a connection reset,
 * or an answer sent after the client's call timeout.
 */
final class HubSpotFakeFaults {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger injected = new AtomicInteger();
  private volatile Set<String> refused = Set.of();
  private volatile boolean tokenExpired;
  private final AtomicInteger stormLeft = new AtomicInteger();
  private final AtomicInteger lost = new AtomicInteger();
  private volatile Share fail = Share.NONE;
  private volatile Share lose = Share.NONE;

  void refuse(Set<String> matchValues) {
    refused = HubSpotFake.lower(matchValues);
  }

  void failRandomly(double share, long seed) {
    fail = new Share(share, seed);
  }

  void loseResponses(double share, long seed) {
    lose = new Share(share, seed);
    lost.set(0);
  }

  void rateLimitStorm(int calls) {
    stormLeft.set(calls);
  }

  void expireToken() {
    tokenExpired = true;
  }

  void lift() {
    refused = Set.of();
    tokenExpired = false;
    stormLeft.set(0);
    fail = Share.NONE;
    lose = Share.NONE;
  }

  int calls() {
    return calls.get();
  }

  void resetCalls() {
    calls.set(0);
    injected.set(0);
  }

  /** Calls answered with a fault (or a record refused) since the last reset. */
  int injected() {
    return injected.get();
  }

  private ResponseDefinition injected(ResponseDefinition fault) {
    injected.incrementAndGet();
    return fault;
  }

  boolean refused(StoredObject record) {
    boolean refuse = refused.contains(record.matchValue().toLowerCase(Locale.ROOT));
    if (refuse) {
      injected.incrementAndGet();
    }
    return refuse;
  }

  /** Counts the call; the fault that answers it instead of HubSpot's CRM, or null. */
  ResponseDefinition before(String authorization, String token) {
    calls.incrementAndGet();
    if (tokenExpired || !("Bearer " + token).equals(authorization)) {
      return injected(answer(new Answer(401, error("INVALID_AUTHENTICATION", "Authentication credentials not found. This API "
          + "supports OAuth 2.0 authentication and you can find more details at "
          + "https://developers.hubspot.com/docs/methods/auth/oauth-overview"))));
    }
    if (stormLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return injected(rateLimited(false, 1));
    }
    if (fail.next()) {
      return injected(aResponse().withStatus(503).withHeader("Content-Type", "text/html")
          .withBody("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>").build());
    }
    return null;
  }

  /** How the answer to a write just applied is lost: every other lost answer comes too late, the others never. */
  Loss loss() {
    if (!lose.next()) {
      return Loss.NONE;
    }
    injected.incrementAndGet();
    return lost.getAndIncrement() % 2 == 0 ? Loss.RESET : Loss.TOO_LATE;
  }

  /** What becomes of an answer. */
  enum Loss { NONE, RESET, TOO_LATE }

  /**
   * Picks {@code share} of the calls, spread evenly from a phase {@code seed} chooses: of any n calls in a row, n times
   * share (rounded down or up) are picked. A run makes a dozen calls, and independent draws at 20 % can pick none of
   * them (seed 42 picks its first call at the 15th draw), which would leave the fault untested.
   */
  private static final class Share {
    static final Share NONE = new Share(0, 0);
    private final double share;
    private final double phase;
    private int drawn;

    Share(double share, long seed) {
      this.share = share;
      this.phase = new Random(seed).nextDouble();
    }

    synchronized boolean next() {
      if (share <= 0) {
        return false;
      }
      double before = drawn * share + phase;
      drawn++;
      return Math.floor(before + share) > Math.floor(before);
    }
  }

  /**
   * HubSpot's 429 (crm-apis.md 1.6): {@code errorType: RATE_LIMIT} with the policy, the ten-secondly burst window or
   * search's secondly one, and a {@code Retry-After} in whole seconds (HubSpot's docs do not confirm the header;
   * the connector honours it when sent and backs off otherwise).
   */
  static ResponseDefinition rateLimited(boolean search, int retryAfterSeconds) {
    ObjectNode body = JSON.createObjectNode().put("status", "error")
        .put("message", "You have reached your " + (search ? "secondly" : "ten_secondly_rolling") + " limit.")
        .put("errorType", "RATE_LIMIT").put("correlationId", UUID.randomUUID().toString())
        .put("policyName", search ? "SECONDLY" : "TEN_SECONDLY_ROLLING")
        .put("groupName", "publicapi:private-app-api-calls-ten-secondly:90000001");
    return aResponse().withStatus(429).withHeader("Content-Type", "application/json;charset=utf-8")
        .withHeader("Retry-After", String.valueOf(retryAfterSeconds)).withBody(body.toString()).build();
  }

  static ResponseDefinition answer(Answer answer) {
    return aResponse().withStatus(answer.status()).withHeader("Content-Type", "application/json;charset=utf-8")
        .withBody(answer.body().toString()).build();
  }

  static ObjectNode error(String category, String message) {
    return JSON.createObjectNode().put("status", "error").put("message", message)
        .put("correlationId", UUID.randomUUID().toString()).put("category", category);
  }
}
