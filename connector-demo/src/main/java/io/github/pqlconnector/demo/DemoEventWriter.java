package io.github.pqlconnector.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Writes event JSON lines straight into a byte buffer: no strings, no trees, no encoder on the hot path.
 * Every value the demo writes is plain ASCII without quotes or backslashes, so nothing needs escaping.
 * Timestamps come out as {@code 2026-11-01T10:15:30.123Z}, with the date part cached per day.
 */
final class DemoEventWriter implements AutoCloseable {
  private static final long DAY = DemoUsers.DAY;
  private static final byte[] EVENT = ascii("{\"event\":\"");
  private static final byte[] TIMESTAMP = ascii("\",\"timestamp\":\"");
  private static final byte[] USER = ascii("Z\",\"userId\":\"");
  private static final byte[] ACCOUNT = ascii("\",\"accountId\":\"");
  private static final byte[] EMAIL = ascii("\",\"email\":\"");
  private static final byte[] PROPERTIES = ascii("\",\"properties\":{\"");
  private static final byte[] COLON = ascii("\":\"");
  private static final byte[] END_PROPERTIES = ascii("\"}}\n");
  private static final byte[] END = ascii("\"}\n");

  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 16];
  private final long firstDay;
  private final byte[][] dates;
  private int used;
  private long lines;

  /** Timestamps must fall in [from, to]. */
  DemoEventWriter(OutputStream out, long fromMillis, long toMillis) {
    this.out = out;
    this.firstDay = Math.floorDiv(fromMillis, DAY);
    int dayCount = (int) (Math.floorDiv(toMillis, DAY) - firstDay + 1);
    dates = new byte[dayCount][];
    for (int d = 0; d < dayCount; d++) {
      dates[d] = ascii(LocalDate.ofEpochDay(firstDay + d) + "T");
    }
  }

  /** One event line; {@code account}, {@code email} and the property may be null. */
  void write(int event, long timestamp, byte[] user, byte @Nullable [] account, byte @Nullable [] email,
      byte @Nullable [] propertyKey, byte @Nullable [] propertyValue) throws IOException {
    if (used > buffer.length - 1024) {
      flush();
    }
    put(EVENT);
    put(DemoEvents.name(event));
    put(TIMESTAMP);
    timestamp(timestamp);
    put(USER);
    put(user);
    if (account != null) {
      put(ACCOUNT);
      put(account);
    }
    if (email != null) {
      put(EMAIL);
      put(email);
    }
    if (propertyKey != null && propertyValue != null) {
      put(PROPERTIES);
      put(propertyKey);
      put(COLON);
      put(propertyValue);
      put(END_PROPERTIES);
    } else {
      put(END);
    }
    lines++;
  }

  long lines() {
    return lines;
  }

  private void timestamp(long millis) {
    long day = Math.floorDiv(millis, DAY);
    put(dates[(int) (day - firstDay)]);
    int inDay = (int) (millis - day * DAY);
    int seconds = inDay / 1000;
    two(seconds / 3600);
    buffer[used++] = ':';
    two(seconds / 60 % 60);
    buffer[used++] = ':';
    two(seconds % 60);
    buffer[used++] = '.';
    int ms = inDay % 1000;
    buffer[used++] = (byte) ('0' + ms / 100);
    two(ms % 100);
  }

  private void two(int value) {
    buffer[used++] = (byte) ('0' + value / 10);
    buffer[used++] = (byte) ('0' + value % 10);
  }

  private void put(byte[] bytes) {
    System.arraycopy(bytes, 0, buffer, used, bytes.length);
    used += bytes.length;
  }

  private void flush() throws IOException {
    out.write(buffer, 0, used);
    used = 0;
  }

  @Override
  public void close() throws IOException {
    flush();
    out.close();
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
