package io.github.pqlconnector.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HubSpotOutcomeCursorTest {
  private static final Instant FIRST = Instant.parse("2026-10-01T00:00:00Z");

  @Test
  void eachTypeStartsTwoMinutesBeforeTheLatestSeenOrAtTheFirstReadWhenUnknown() {
    HubSpotOutcomeCursor cursor = HubSpotOutcomeCursor.parse("deals=1792652400000;contacts=not-a-number;junk");

    assertThat(cursor.from("deals", FIRST)).isEqualTo(Instant.parse("2026-10-22T06:58:00Z"));
    assertThat(cursor.from("contacts", FIRST)).isEqualTo(FIRST);
    assertThat(cursor.from("companies", FIRST)).isEqualTo(FIRST);
  }

  @Test
  void itOnlyMovesForwardAndWritesTypesInNameOrder() {
    HubSpotOutcomeCursor cursor = HubSpotOutcomeCursor.parse("deals=1792652400000")
        .with("deals", Instant.ofEpochMilli(1792000000000L))
        .with("contacts", Instant.ofEpochMilli(1792483200000L))
        .with("companies", null);

    assertThat(cursor.format()).isEqualTo("contacts=1792483200000;deals=1792652400000");
    assertThat(HubSpotOutcomeCursor.parse(null).format()).isNull();
  }
}
