package io.github.pqlconnector.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResilienceSettingsTest {
  @Test
  void searchLimitDefaultsToTheOrdinaryLimitAndTheRestToSharedDefaults() {
    ResilienceSettings settings = ResilienceSettings.builder().requests(100, Duration.ofSeconds(10)).build();

    assertThat(settings.searchRequestsPerWindow()).isEqualTo(100);
    assertThat(settings.searchWindow()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.maxAttempts()).isEqualTo(5);
    assertThat(settings.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.breakerMinimumCalls()).isEqualTo(10);
  }

  @Test
  void everyNamedSettingIsKept() {
    ResilienceSettings settings = ResilienceSettings.builder()
        .requests(190, Duration.ofSeconds(10)).searches(5, Duration.ofSeconds(1))
        .attempts(3, Duration.ofMillis(20)).maxRetryAfter(Duration.ofMinutes(2))
        .breaker(4, 25f, Duration.ofSeconds(5)).build();

    assertThat(settings).isEqualTo(new ResilienceSettings(190, Duration.ofSeconds(10), 5, Duration.ofSeconds(1), 3,
        Duration.ofMillis(20), Duration.ofMinutes(2), 4, 25f, Duration.ofSeconds(5)));
  }

  @Test
  void wrongValuesAreRefusedWhereTheyAreSet() {
    assertThatThrownBy(() -> ResilienceSettings.builder().requests(0, Duration.ofSeconds(1)))
        .hasMessageContaining("requests must be at least 1");
    assertThatThrownBy(() -> ResilienceSettings.builder().attempts(3, Duration.ZERO))
        .hasMessageContaining("backoff must be positive");
    assertThatThrownBy(() -> ResilienceSettings.builder().build())
        .hasMessageContaining("requests(permits, window) is required");
    assertThatThrownBy(() -> ResilienceSettings.builder().requests(1, Duration.ofSeconds(1))
        .breaker(10, 150f, Duration.ofSeconds(1)).build()).hasMessageContaining("failure rate");
  }
}
