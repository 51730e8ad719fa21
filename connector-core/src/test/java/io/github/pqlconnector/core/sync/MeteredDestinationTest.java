package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.testing.RecordingDestination;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeteredDestinationTest {
  @Test
  void countsCallsByOperationAndOutcomeAndRateLimitedCallsAsThrottles() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RecordingDestination crm = new RecordingDestination();
    MeteredDestination metered = new MeteredDestination(crm, "crm", registry);
    metered.match(EntityLevel.USER, List.of(new MatchKey("email", "a@b.io")));
    crm.failWritesWith = new VendorException("crm", ErrorCategory.RATE_LIMITED, 429, "rate limited", Duration.ofSeconds(1));
    assertThatThrownBy(() -> metered.upsert(EntityLevel.USER, List.of())).isInstanceOf(VendorException.class);

    assertThat(registry.counter("pql.destination.calls", "destination", "crm", "operation", "match", "outcome", "ok")
        .count()).isEqualTo(1);
    assertThat(registry.counter("pql.destination.calls", "destination", "crm", "operation", "upsert", "outcome",
        "error").count()).isEqualTo(1);
    assertThat(registry.counter("pql.destination.throttles", "destination", "crm").count()).isEqualTo(1);
  }

  @Test
  void aRateLimitedCallCountsInTheProcessWideLastHour() {
    RecordingDestination crm = new RecordingDestination();
    MeteredDestination metered = new MeteredDestination(crm, "metered-test-crm", new SimpleMeterRegistry());
    long before = RecentThrottles.ofThisProcess().lastHour("metered-test-crm");
    crm.failWritesWith = new VendorException("crm", ErrorCategory.RATE_LIMITED, 429, "rate limited", Duration.ofSeconds(1));
    assertThatThrownBy(() -> metered.upsert(EntityLevel.USER, List.of())).isInstanceOf(VendorException.class);

    assertThat(RecentThrottles.ofThisProcess().lastHour("metered-test-crm")).isEqualTo(before + 1);
  }
}
