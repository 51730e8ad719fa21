package io.github.pqlconnector.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"0|0", "7|7", "999|999", "1000|1,000", "2143|2,143", "1234567|1,234,567",
      "-2143|-2,143", "12.5|12.5", "99.99|99.99", "1234.567|1,234.57", "0.5|0.5", "-0.25|-0.25", "2000.001|2,000"})
  void formatsLikeAPersonWould(double value, String expected) {
    assertThat(Numbers.format(value)).isEqualTo(expected);
  }
}
