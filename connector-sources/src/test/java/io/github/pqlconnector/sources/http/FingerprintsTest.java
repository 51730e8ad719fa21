package io.github.pqlconnector.sources.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintsTest {
  @Test
  void addsEachFingerprintOnceAcrossGrowth() {
    Fingerprints set = new Fingerprints();
    for (long i = 0; i < 100_000; i++) {
      assertThat(set.add(Fingerprints.of("e", "u" + i, "1", "ins-" + i))).isTrue();
    }
    assertThat(set.add(Fingerprints.of("e", "u7", "1", "ins-7"))).isFalse();
    assertThat(set.add(0)).isTrue();
    assertThat(set.add(0)).isFalse();
    assertThat(set.size()).isEqualTo(100_001);
  }

  @Test
  void partsAreSeparated() {
    assertThat(Fingerprints.of("ab", "c")).isNotEqualTo(Fingerprints.of("a", "bc"));
    assertThat(Fingerprints.of("a", null)).isNotEqualTo(Fingerprints.of("a", ""));
  }
}
