package io.github.pqlconnector.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Property values HubSpot sends as strings, read as traits. */
class ReadBackTest {

  @Test
  void numbersArePlainBooleansLowerCaseAndBlanksEmpty() {
    assertThat(ReadBack.text(Optional.of("120"))).contains("120");
    assertThat(ReadBack.text(Optional.of("120.0"))).contains("120");
    assertThat(ReadBack.text(Optional.of("80.50"))).contains("80.5");
    assertThat(ReadBack.text(Optional.of("-3.25"))).contains("-3.25");
    assertThat(ReadBack.text(Optional.of("TRUE"))).contains("true");
    assertThat(ReadBack.text(Optional.of("02134"))).contains("02134");
    assertThat(ReadBack.text(Optional.of("COMPUTER_SOFTWARE"))).contains("COMPUTER_SOFTWARE");
    assertThat(ReadBack.text(Optional.of(" "))).isEmpty();
    assertThat(ReadBack.text(Optional.empty())).isEmpty();
  }
}
