package io.github.pqlconnector.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The session idle timeout and the sign-in throttle, on a clock the test moves. */
class SessionsAndThrottleTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

  @Test
  void aSessionLivesWhileUsedAndEndsAfterTheIdleTimeout() {
    Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
    Session session = sessions.open(null);
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(session.id())).contains(session);
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.find(session.id())).as("each use restarts the idle clock").contains(session);
    clock.advance(Duration.ofMinutes(31));
    assertThat(sessions.find(session.id())).isEmpty();
    assertThat(sessions.find("made-up")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }

  @Test
  void sessionIdsAndCsrfTokensAreLongAndUnrelated() {
    Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);
    Session a = sessions.open(null);
    Session b = sessions.open(null);
    assertThat(a.id()).hasSize(43).isNotEqualTo(b.id()).isNotEqualTo(a.csrf());
    assertThat(a.csrf()).hasSize(43).isNotEqualTo(b.csrf());
  }

  @Test
  void fiveFailuresByNameOrAddressWaitUntilTheOldestLeavesTheWindow() {
    SignInThrottle throttle = new SignInThrottle(clock);
    for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
      assertThat(throttle.wait("10.0.0.1", "alice")).isZero();
      throttle.failed("10.0.0.1", "alice");
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(throttle.wait("10.0.0.1", "bob")).as("by address").isEqualTo(Duration.ofMinutes(10));
    assertThat(throttle.wait("10.0.0.2", "alice")).as("by name").isEqualTo(Duration.ofMinutes(10));
    assertThat(throttle.wait("10.0.0.2", "bob")).isZero();
    clock.advance(Duration.ofMinutes(10));
    assertThat(throttle.wait("10.0.0.1", "alice")).isZero();
  }

  @Test
  void aSuccessClearsTheNamesFailures() {
    SignInThrottle throttle = new SignInThrottle(clock);
    for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
      throttle.failed("10.0.0.1", "alice");
    }
    throttle.succeeded("alice");
    assertThat(throttle.wait("10.0.0.2", "alice")).isZero();
    assertThat(throttle.wait("10.0.0.1", "carol")).as("the address still waits").isPositive();
  }
}
