package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.DestinationConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestinationFingerprintTest {
  record Config(Secret token, String objects, Map<String, String> extra) implements DestinationConfig {}

  private static String of(Config config, Duration recheck) {
    return DestinationFingerprint.of(new PqlConfig.Named<>("crm", "fake", config, recheck));
  }

  @Test
  void changesWithTheConfigButNotWithItsSecretsOrMapOrder() {
    String base = of(new Config(new Secret("token-one"), "contacts", Map.of("a", "1", "b", "2")), Duration.ofDays(1));
    assertThat(base).hasSize(64);
    assertThat(of(new Config(new Secret("token-two"), "contacts", Map.of("b", "2", "a", "1")), Duration.ofDays(1)))
        .isEqualTo(base);
    assertThat(of(new Config(new Secret("token-one"), "leads", Map.of("a", "1", "b", "2")), Duration.ofDays(1)))
        .isNotEqualTo(base);
    assertThat(of(new Config(new Secret("token-one"), "contacts", Map.of("a", "1", "b", "2")), Duration.ofHours(2)))
        .isNotEqualTo(base);
  }
}
