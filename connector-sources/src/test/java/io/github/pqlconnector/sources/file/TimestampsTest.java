package io.github.pqlconnector.sources.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
  @ParameterizedTest
  @ValueSource(strings = {"2026-11-01T10:15:30Z", "2026-11-01T10:15:30.1Z", "2026-11-01T10:15:30.123Z",
      "2026-11-01T10:15:30.123456789Z", "2024-02-29T23:59:59Z", "1999-12-31T00:00:00.000Z"})
  void fastPathAgreesWithInstantParse(String text) {
    assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(text).toEpochMilli());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-01 10:00:00", "yesterday",
      "2026-11-01T25:00:00Z", "2026-11-01T10:00:00.1234567890Z"})
  void invalidTimestampsAreRecognised(String text) {
    assertThat(Timestamps.parse(text)).isEqualTo(Timestamps.INVALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-01T10:15:30Z", "2026-11-01T10:15:30.123Z", "2024-02-29T23:59:59.999Z",
      "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-01T10:15:3xZ", "2026-11-01T10:15:30.1Z",
      "2026-11-01T10:15:30.1234Z", "2026-11-01T10:15:30+0100"})
  void theBytePathAgreesWithTheCharPathOrLeavesItTheLine(String text) {
    long fromBytes = Timestamps.parseAscii(text.getBytes(StandardCharsets.US_ASCII), 0, text.length());
    assertThat(fromBytes == Timestamps.INVALID || fromBytes == Timestamps.parse(text)).isTrue();
    if (text.length() == 20 || text.length() == 24) {
      assertThat(fromBytes).isEqualTo(Timestamps.parse(text));
    }
  }

  @Test
  void epochDaysAgreeWithLocalDate() {
    for (LocalDate d = LocalDate.of(1600, 1, 1); d.getYear() < 2500; d = d.plusDays(1)) {
      assertThat(Timestamps.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).isEqualTo(d.toEpochDay());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-01T11:15:30+01:00", "2026-11-01T10:15:30.5-00:00"})
  void offsetsFallBackToTheFullParser(String text) {
    assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(text).toEpochMilli());
  }
}
