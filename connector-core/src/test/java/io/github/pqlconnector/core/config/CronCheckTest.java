package io.github.pqlconnector.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronCheckTest {
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "99 * * * * ?         | seconds must be 0-59, got 99",
      "0 60 * * * ?         | minutes must be 0-59, got 60",
      "0 0 24 * * ?         | hours must be 0-23, got 24",
      "0 0 0 32 * ?         | day of month must be 1-31, got 32",
      "0 0 0 0 * ?          | day of month must be 1-31, got 0",
      "0 0 0 ? 13 MON       | month must be 1-12, got 13",
      "0 0 0 ? FOO MON      | month must be 1-12 or JAN-DEC, got \"FOO\"",
      "0 0 0 ? * 8          | day of week must be 1-7, got 8",
      "0 0 0 ? * MON-XYZ    | day of week must be 1-7 or SUN-SAT, got \"XYZ\"",
      "0 0 0 1 1 ? 2200     | year must be 1970-2099, got 2200",
      "0/0 * * * * ?        | seconds step must be 1-60, got \"0\"",
      "*/61 * * * * ?       | seconds step must be 1-60, got \"61\"",
      "0 5-70 * * * ?       | minutes must be 0-59, got 70",
      "0 1,2,99 * * * ?     | minutes must be 0-59, got 99",
      "0 0 0 1 1 ? 2020     | never fires: no time after now matches it",
      "0 0 0 30 2 ?         | never fires: no time after now matches it",
      "* * * *              | Quartz cron has 6 or 7 fields (seconds first), got 4; e.g. \"0 */30 * * * ?\""})
  void namesTheFieldAndItsRange(String cron, String problem) {
    assertThat(CronCheck.problem(cron, NOW)).contains(problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 */30 * * * ?", "*/10 * * * * ?", "0 0 3 * * ?", "0 15 10 ? * MON-FRI",
      "0 0 12 L * ?", "0 0 12 LW * ?", "0 0 12 15W * ?", "0 0 12 L-3 * ?", "0 0 12 ? * 6L", "0 0 12 ? * 6#3",
      "0 0 12 ? * L", "0 0 0 1 JAN,JUL ?", "0 0 9-17/2 * * ?", "0 0 0 1 1 ? 2027-2030", "0 0 0 ? * sun"})
  void acceptsWhatQuartzDocuments(String cron) {
    assertThat(CronCheck.problem(cron, NOW)).isEmpty();
  }

  @Test
  void listsTheNextFireTimes() {
    assertThat(CronCheck.nextFires("0 0 3 * * ?", NOW, 3)).hasSize(3)
        .allSatisfy(fire -> assertThat(fire).isAfter(NOW));
    assertThat(CronCheck.nextFires("0 0 0 1 1 ? 2027", NOW, 3)).hasSize(1);
  }
}
