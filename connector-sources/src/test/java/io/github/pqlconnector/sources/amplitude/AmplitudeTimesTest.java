package io.github.pqlconnector.sources.amplitude;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AmplitudeTimesTest {
  @Test
  void readsTheExportFormatAsUtc() {
    assertThat(AmplitudeTimes.eventMillis("2022-11-14 00:57:33.008000"))
        .isEqualTo(Instant.parse("2022-11-14T00:57:33.008Z").toEpochMilli());
    assertThat(AmplitudeTimes.eventMillis("2022-11-14 00:57:33"))
        .isEqualTo(Instant.parse("2022-11-14T00:57:33Z").toEpochMilli());
    assertThat(AmplitudeTimes.eventMillis("2022-11-14T00:57:33Z")).isEqualTo(AmplitudeTimes.INVALID);
  }

  @Test
  void writesUploadHours() {
    assertThat(AmplitudeTimes.hour(Instant.parse("2025-11-01T23:59:59Z"))).isEqualTo("20251101T23");
  }
}
