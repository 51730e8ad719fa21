package io.github.pqlconnector.sources.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.model.Event;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast scanner reads the usual line itself and leaves every other line to Jackson, with the same result. */
class FastEventScannerTest {
  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  final EventLineParser parser = new EventLineParser(Set.of("name", "amount", "big", "flag"), TimestampRange.endingAt(NOW));
  final FastEventScanner fast = new FastEventScanner(new StringPool(), Set.of("name", "amount", "big", "flag"),
      TimestampRange.endingAt(NOW));

  @Test
  void readsTheUsualLineItselfWithIdsInterned() {
    String line = "{\"event\":\"integration_installed\",\"timestamp\":\"2026-11-01T10:00:00.123Z\",\"userId\":\"u1\","
        + "\"accountId\":\"a1\",\"email\":\"a@b.io\",\"properties\":{\"name\":\"slack\",\"amount\":2.5,\"big\":12345678901,"
        + "\"flag\":true,\"other\":\"x\"}}";
    Event first = fast.scan(bytes(line), 0, bytes(line).length);
    Event second = fast.scan(bytes(line), 0, bytes(line).length);
    assertThat(first).isEqualTo(new Event("integration_installed", Instant.parse("2026-11-01T10:00:00.123Z").toEpochMilli(),
        "u1", "a1", "a@b.io", Map.of("name", "slack", "amount", 2.5, "big", 12345678901L, "flag", true)));
    assertThat(second.userId()).isSameAs(first.userId());
    assertThat(second.email()).isSameAs(first.email());
    assertThat(second.name()).isSameAs(first.name());
  }

  @Test
  void anIdSeenBeforeIsTheSameStringWhateverCameBetween() {
    Event first = fast.scan(bytes(line("u1")), 0, line("u1").length());
    fast.scan(bytes(line("u2")), 0, line("u2").length());
    Event again = fast.scan(bytes(line("u1")), 0, line("u1").length());
    assertThat(again.userId()).isSameAs(first.userId());
  }

  private static String line(String user) {
    return "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"" + user + "\"}";
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u1\"}",
      " { \"event\" : \"a\" , \"timestamp\" : 1793527200000 , \"accountId\" : 42 } ",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"\",\"accountId\":\"a1\",\"email\":null}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":true,\"accountId\":1.5}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u1\",\"properties\":{}}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u1\",\"properties\":null}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u1\",\"properties\":{\"amount\":-7,\"name\":null}}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u1\",\"properties\":{\"amount\":1e3,\"big\":-2147483649}}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u1\",\"properties\":{\"name\":\"x\"},\"properties\":{\"flag\":false}}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00+02:00\",\"userId\":\"u1\"}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u1\",\"properties\":{\"name\":{\"nested\":1}}}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u\\u00e9\",\"context\":[1,2]}",
      "{\"event\":\"caf\u00e9\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"J\u00fcrgen\"}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u1\"}{}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u1\",}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u1\"",
      "{\"event\":\"a\",\"timestamp\":01,\"userId\":\"u1\"}",
      "{\"event\":\"a\",\"timestamp\":-,\"userId\":\"u1\"}",
      "{\"event\":\"a\",\"timestamp\":1.,\"userId\":\"u1\"}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\"}",
      "{\"event\":\"\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u1\"}",
      "{\"event\":7,\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"u1\"}",
      "{\"event\":\"a\",\"timestamp\":\"yesterday\",\"userId\":\"u1\"}",
      "{\"event\":\"a\",\"timestamp\":1700000000,\"userId\":\"u1\"}",
      "{\"event\":\"a\",\"timestamp\":\"2036-11-01T10:00:00Z\",\"userId\":\"u1\"}",
      "{\"event\":\"a\",\"timestamp\":99999999999999999999,\"userId\":\"u1\"}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":tru}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"tab\there\"}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"abcdefghijklmnop\u00e9qr\"}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"abcdefghijklmn\\\"op\"}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"abcdefghijk\u0001mnop\"}",
      "{\"event\":\"a\",\"timestamp\":\"2026-11-01T10:00:00Z\",\"userId\":\"abcdefgh\",\"email\":\"abcdefghijklmnop\"}",
      "{}",
      "[]",
      "not json",
      "{\"event\":\"a\" \"timestamp\":1}",
  })
  void givesWhatJacksonGives(String line) {
    byte[] bytes = bytes(line);
    assertThat(parser.parse(bytes, 0, bytes.length)).isEqualTo(parser.parseWithJackson(bytes, 0, bytes.length));
  }

  @Test
  void leavesBadLinesToJackson() {
    byte[] bad = bytes("{\"event\":\"a\",\"timestamp\":\"yesterday\",\"userId\":\"u1\"}");
    assertThat(fast.scan(bad, 0, bad.length)).isNull();
    assertThat(parser.parse(bad, 0, bad.length).problem()).startsWith("missing or invalid \"timestamp\"");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
