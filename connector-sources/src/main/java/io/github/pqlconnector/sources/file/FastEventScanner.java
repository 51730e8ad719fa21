package io.github.pqlconnector.sources.file;

import io.github.pqlconnector.core.model.Event;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A strict scanner for the usual event line: one flat JSON object of ASCII strings without escapes, plain numbers,
 * {@code true}/{@code false}/{@code null}, and a flat {@code "properties"} object. It reads the bytes in place:
 * ids and event names come from a {@link StringPool} (no String per event), the timestamp is parsed from the bytes.
 * Whenever a line is anything else (an escape, a non-ASCII byte, a nested value, a missing field, bad JSON) it
 * answers null and {@link EventLineParser} reads the line with Jackson, so every verdict on an unusual or bad line,
 * and every problem text, stays Jackson's. Not thread-safe: one per parsing thread.
 */
final class FastEventScanner extends JsonBytes {
  private static final byte[] EVENT = bytes("event");
  private static final byte[] TIMESTAMP = bytes("timestamp");
  private static final byte[] USER_ID = bytes("userId");
  private static final byte[] ACCOUNT_ID = bytes("accountId");
  private static final byte[] EMAIL = bytes("email");
  private static final byte[] PROPERTIES = bytes("properties");

  private final StringPool pool;
  private final String[] wanted;
  private final byte[][] wantedBytes;
  private final TimestampRange range;
  private final char[] timestampChars = new char[40];
  private final Recent recentName = new Recent();
  private final Recent recentUser = new Recent();
  private final Recent recentAccount = new Recent();
  private final Recent recentEmail = new Recent();

  FastEventScanner(StringPool pool, Set<String> wantedProperties, TimestampRange range) {
    this.pool = pool;
    this.range = range;
    this.wanted = wantedProperties.toArray(String[]::new);
    this.wantedBytes = new byte[wanted.length][];
    for (int i = 0; i < wanted.length; i++) {
      wantedBytes[i] = bytes(wanted[i]);
    }
  }

  /** The event on this line, or null when the line needs the full parser (it may still be a good event). */
  @Nullable Event scan(byte[] bytes, int offset, int length) {
    reset(bytes, offset, length);
    try {
      return object();
    } catch (Fallback e) {
      return null;
    }
  }

  private @Nullable Event object() {
    String name = null;
    long timestamp = Timestamps.INVALID;
    String userId = null;
    String accountId = null;
    String email = null;
    Map<String, Object> properties = Map.of();
    expect('{');
    do {
      int keyStart = key();
      switch (field(keyStart, tokenEnd - keyStart)) {
        case 'e' -> name = scalar() == '"' ? interned(recentName) : fallback();
        case 't' -> timestamp = timestamp();
        case 'u' -> userId = id(recentUser);
        case 'a' -> accountId = id(recentAccount);
        case 'm' -> email = id(recentEmail);
        case 'p' -> properties = properties();
        default -> scalar();
      }
    } while (next() == ',');
    return finish(name, timestamp, userId, accountId, email, properties);
  }

  /** Which field a key names, by length first: 'e'vent, 't'imestamp, 'u'serId, 'a'ccountId, e'm'ail, 'p'roperties. */
  private char field(int start, int length) {
    return switch (length) {
      case 5 -> is(EVENT, start, length) ? 'e' : is(EMAIL, start, length) ? 'm' : '?';
      case 6 -> is(USER_ID, start, length) ? 'u' : '?';
      case 9 -> is(TIMESTAMP, start, length) ? 't' : is(ACCOUNT_ID, start, length) ? 'a' : '?';
      case 10 -> is(PROPERTIES, start, length) ? 'p' : '?';
      default -> '?';
    };
  }

  /** The event, when nothing is missing or implausible; otherwise Jackson's reading words the problem. */
  private @Nullable Event finish(@Nullable String name, long timestamp, @Nullable String userId,
      @Nullable String accountId, @Nullable String email, Map<String, Object> properties) {
    skipSpace();
    if (pos != end || name == null || name.isEmpty() || timestamp == Timestamps.INVALID
        || (userId == null && accountId == null) || range.problem(timestamp) != null) {
      return null;
    }
    return new Event(name, timestamp, userId, accountId, email, properties);
  }

  private long timestamp() {
    int kind = scalar();
    if (kind == '"') {
      int length = tokenEnd - tokenStart;
      long usual = Timestamps.parseAscii(b, tokenStart, length);
      if (usual != Timestamps.INVALID) {
        return usual;
      }
      if (length > timestampChars.length) {
        return Timestamps.INVALID;
      }
      for (int i = 0; i < length; i++) {
        timestampChars[i] = (char) b[tokenStart + i];
      }
      return Timestamps.parse(timestampChars, 0, length);
    }
    return kind == '0' && tokenEnd - tokenStart < 19 ? parseLong(tokenStart, tokenEnd) : fallback();
  }

  /** A user id, account id or email as Jackson's reading gives it: text or a whole number, null when empty or other. */
  private @Nullable String id(Recent recent) {
    int kind = scalar();
    if (kind == '"' || kind == '0') {
      return tokenEnd == tokenStart ? null : interned(recent);
    }
    return null;
  }

  /** The token just read from the pool, or straight from {@code recent} when the last line had the same one. */
  private String interned(Recent recent) {
    int length = tokenEnd - tokenStart;
    if (length == recent.length && Arrays.equals(recent.bytes, 0, length, b, tokenStart, tokenEnd)) {
      return recent.value;
    }
    String value = pool.intern(b, tokenStart, length);
    if (length <= recent.bytes.length) {
      System.arraycopy(b, tokenStart, recent.bytes, 0, length);
      recent.length = length;
      recent.value = value;
    }
    return value;
  }

  /**
   * A field's value on the last line: a user's events usually come together, so comparing the bytes with the last
   * ones is cheaper than hashing them for the pool.
   */
  private static final class Recent {
    final byte[] bytes = new byte[64];
    int length = -1;
    String value = "";
  }

  private Map<String, Object> properties() {
    skipSpace();
    if (pos >= end || b[pos] != '{') {
      scalar();
      return Map.of();
    }
    pos++;
    skipSpace();
    if (pos < end && b[pos] == '}') {
      pos++;
      return Map.of();
    }
    Map<String, Object> kept = null;
    do {
      int keyStart = key();
      String key = wantedKey(keyStart, tokenEnd - keyStart);
      Object value = scalarValue(scalar());
      if (key != null && value != null) {
        kept = kept == null ? new HashMap<>(4) : kept;
        kept.put(key, value);
      }
    } while (next() == ',');
    return kept == null ? Map.of() : kept;
  }

  /** The value of the scalar just read, as Jackson's {@code getNumberValue()}/{@code getText()} would give it. */
  private @Nullable Object scalarValue(int kind) {
    return switch (kind) {
      case '"' -> new String(b, tokenStart, tokenEnd - tokenStart, StandardCharsets.ISO_8859_1);
      case '0' -> tokenEnd - tokenStart < 10 ? (Object) (int) parseLong(tokenStart, tokenEnd)
          : tokenEnd - tokenStart < 19 ? narrowest(parseLong(tokenStart, tokenEnd)) : fallback();
      case '.' -> Double.valueOf(new String(b, tokenStart, tokenEnd - tokenStart, StandardCharsets.ISO_8859_1));
      case 't' -> Boolean.TRUE;
      case 'f' -> Boolean.FALSE;
      default -> null;
    };
  }

  private static Object narrowest(long value) {
    return value == (int) value ? (Object) (int) value : (Object) value;
  }

  private @Nullable String wantedKey(int start, int length) {
    for (int i = 0; i < wantedBytes.length; i++) {
      if (is(wantedBytes[i], start, length)) {
        return wanted[i];
      }
    }
    return null;
  }

}
