package io.github.pqlconnector.app.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Crons in words for the common shapes, "cron <expr>" for the rest, and next fires as Quartz computes them. */
class CronTextTest {
  @Test
  void describesTheCommonShapes() {
    assertThat(words("0 */30 * * * ?")).isEqualTo("every 30 minutes");
    assertThat(words("0 0/15 * * * ?")).isEqualTo("every 15 minutes");
    assertThat(words("0 * * * * ?")).isEqualTo("every minute");
    assertThat(words("*/10 * * * * ?")).isEqualTo("every 10 seconds");
    assertThat(words("* * * * * ?")).isEqualTo("every second");
    assertThat(words("0 0 * * * ?")).isEqualTo("every hour");
    assertThat(words("0 15 */6 * * ?")).isEqualTo("every 6 hours at minute 15");
    assertThat(words("0 0 6 * * ?")).isEqualTo("every day at 06:00 UTC");
    assertThat(words("0 30 4 ? * *")).isEqualTo("every day at 04:30 UTC");
    assertThat(words("0 0 6 ? * MON-FRI")).isEqualTo("at 06:00 UTC on Monday to Friday");
    assertThat(words("0 0 6 ? * 2-6")).isEqualTo("at 06:00 UTC on Monday to Friday");
    assertThat(words("0 0 9 ? * mon,wed")).isEqualTo("at 09:00 UTC on Monday, Wednesday");
    assertThat(words("0 0 2 1 * ?")).isEqualTo("at 02:00 UTC on day 1 of every month");
    assertThat(words("0 0 2 L * ?")).isEqualTo("at 02:00 UTC on the last day of every month");
    assertThat(words("0 0 6 * * ? *")).isEqualTo("every day at 06:00 UTC");
  }

  @Test
  void namesTheZoneTheSchedulerFiresIn() {
    assertThat(CronText.describe("0 0 6 * * ?", ZoneId.of("Europe/Berlin")))
        .isEqualTo("every day at 06:00 Europe/Berlin");
    assertThat(CronText.describe("0 0 6 * * ?", ZoneId.of("Etc/UTC"))).isEqualTo("every day at 06:00 UTC");
  }

  @Test
  void otherShapesFallBackToTheExpression() {
    assertThat(words("0 */7 * * * ?")).as("not every 7 minutes across the hour").isEqualTo("cron 0 */7 * * * ?");
    assertThat(words("0 0 6 ? * 6#3")).isEqualTo("cron 0 0 6 ? * 6#3");
    assertThat(words("0 0 6 * JAN ?")).isEqualTo("cron 0 0 6 * JAN ?");
    assertThat(words("0 0 6 * * ? 2027")).isEqualTo("cron 0 0 6 * * ? 2027");
    assertThat(words("0 5-10 6 * * ?")).isEqualTo("cron 0 5-10 6 * * ?");
    assertThat(words("not a cron")).isEqualTo("cron not a cron");
  }

  @Test
  void nextFiresAreTheScheduleAfterTheGivenInstant() {
    Instant after = Instant.parse("2026-12-04T05:59:59Z");   // a Friday
    assertThat(CronText.nextFires("0 0 6 ? * MON-FRI", 3, after, ZoneOffset.UTC)).containsExactly(
        Instant.parse("2026-12-04T06:00:00Z"), Instant.parse("2026-12-07T06:00:00Z"),
        Instant.parse("2026-12-08T06:00:00Z"));
    assertThat(CronText.nextFires("0 0 6 * * ?", 1, after, ZoneId.of("Europe/Berlin")))
        .containsExactly(Instant.parse("2026-12-05T05:00:00Z"));
    assertThat(CronText.nextFires("0 0 0 1 1 ? 2027", 3, after, ZoneOffset.UTC)).as("stops firing")
        .containsExactly(Instant.parse("2027-01-01T00:00:00Z"));
    assertThatThrownBy(() -> CronText.nextFires("nope", 1, after)).isInstanceOf(IllegalArgumentException.class);
  }

  private static String words(String cron) {
    return CronText.describe(cron, ZoneOffset.UTC);
  }
}
