package io.github.pqlconnector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The outcome cursor's text, and what a cursor that cannot be read starts from. */
class OutcomeCursorTest {
  private static final Instant FIRST = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void itsTextReadsBackAsItself() {
    OutcomeCursor cursor =
        new OutcomeCursor(Instant.parse("2026-11-03T10:15:30Z"), Instant.parse("2026-11-02T08:00:00Z"));
    assertThat(OutcomeCursor.parse(cursor.text(), FIRST)).isEqualTo(cursor);
    assertThat(cursor.text()).isEqualTo("opportunities=2026-11-03T10:15:30Z;leads=2026-11-02T08:00:00Z");
  }

  @Test
  void aMissingOrUnreadablePartStartsFromTheFirstReadInstant() {
    assertThat(OutcomeCursor.parse(null, FIRST)).isEqualTo(new OutcomeCursor(FIRST, FIRST));
    assertThat(OutcomeCursor.parse("opportunities=yesterday;leads=2026-11-02T08:00:00Z", FIRST))
        .isEqualTo(new OutcomeCursor(FIRST, Instant.parse("2026-11-02T08:00:00Z")));
    assertThat(OutcomeCursor.parse("2026-11-02T08:00:00Z", FIRST)).isEqualTo(new OutcomeCursor(FIRST, FIRST));
  }
}
