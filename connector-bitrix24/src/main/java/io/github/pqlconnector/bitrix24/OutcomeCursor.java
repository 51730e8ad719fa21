package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.spi.KeyedCursor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the outcome reads stopped, per kind: {@code deals=2026-11-30T15:00:00+03:00;leads=…}, the latest {@code
 * DATE_MODIFY} read, in the portal's own time and offset. The next read asks from {@value #LOOKBACK_MINUTES} minutes
 * before it, so an item saved while the last read ran is not missed (read twice, it replaces itself). A value the
 * portal's clock has not reached ({@code time.date_start}) is taken as that time, so a skewed timestamp skips nothing.
 */
record OutcomeCursor(Map<String, String> modifiedSince) {
  static final int LOOKBACK_MINUTES = 2;
  private static final Duration LOOKBACK = Duration.ofMinutes(LOOKBACK_MINUTES);
  /** Bitrix24's own datetime form: seconds and a numeric offset ({@code +00:00}, never {@code Z}). */
  private static final DateTimeFormatter PORTAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  OutcomeCursor {
    modifiedSince = new LinkedHashMap<>(modifiedSince);
  }

  /** The cursor a previous read returned; an unreadable part is dropped (that kind reads from the start again). */
  static OutcomeCursor parse(@Nullable String text) {
    Map<String, String> values = new LinkedHashMap<>();
    KeyedCursor.parse(text).parts().forEach((kind, value) -> {
      if (time(value).isPresent()) {
        values.put(kind, value);
      }
    });
    return new OutcomeCursor(values);
  }

  /** The {@code >=DATE_MODIFY} of {@code kind}: the cursor less the lookback, or {@code firstReadFrom} at first. */
  String since(String kind, Instant firstReadFrom) {
    return Optional.ofNullable(modifiedSince.get(kind)).flatMap(OutcomeCursor::time).map(t -> t.minus(LOOKBACK))
        .orElseGet(() -> firstReadFrom.atOffset(ZoneOffset.UTC)).format(PORTAL_TIME);
  }

  /**
   * The cursor after reading {@code rows} of {@code kind}: their latest {@code DATE_MODIFY} up to {@code portalTime};
   * with no rows the portal's time (nothing older is left unread), else what it was.
   */
  OutcomeCursor after(String kind, List<JsonNode> rows, @Nullable String portalTime) {
    Optional<OffsetDateTime> now = Optional.ofNullable(portalTime).flatMap(OutcomeCursor::time);
    Optional<OffsetDateTime> latest = rows.stream().map(row -> time(row.path("DATE_MODIFY").asText("")))
        .flatMap(Optional::stream).max(OffsetDateTime::compareTo);
    Optional<OffsetDateTime> next = latest.isPresent() ? latest.map(t -> now.filter(t::isAfter).orElse(t)) : now;
    Map<String, String> values = new LinkedHashMap<>(modifiedSince);
    next.ifPresent(t -> values.put(kind, t.format(PORTAL_TIME)));
    return new OutcomeCursor(values);
  }

  /** The text form, or null when no kind has been read yet. */
  @Nullable String text() {
    return new KeyedCursor(modifiedSince).text();
  }

  /** A Bitrix24 datetime ({@code 2024-09-09T02:00:00+02:00}), or a date alone as midnight UTC. */
  static Optional<OffsetDateTime> time(String text) {
    String value = text.strip();
    try {
      return value.isEmpty() ? Optional.empty() : Optional.of(value.length() == 10
          ? LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
