package io.github.pqlconnector.sources.file;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The token level of {@link FastEventScanner}: strict JSON scalars, keys and separators read in place from a line's
 * bytes. Whatever it does not vouch for (an escape, a non-ASCII byte, a nested value, a grammar slip) it leaves by
 * throwing the preallocated {@link Fallback}, and the line goes to Jackson.
 */
abstract class JsonBytes {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  byte[] b = new byte[0];
  int pos;
  int end;
  /** The start and end of the last string or number read by {@link #scalar()}. */
  int tokenStart;
  int tokenEnd;

  /** Starts reading {@code length} bytes at {@code offset}. */
  final void reset(byte[] bytes, int offset, int length) {
    b = bytes;
    pos = offset;
    end = offset + length;
  }

  /** Reads {@code "key" :} and returns where the key starts; {@link #tokenEnd} is where it ends. */
  final int key() {
    skipSpace();
    if (pos >= end || b[pos] != '"') {
      fallback();
    }
    string();
    expect(':');
    return tokenStart;
  }

  /**
   * Reads one scalar value and says which: {@code '"'} a string, {@code '0'} a whole number, {@code '.'} a
   * fractional one, {@code 't'}/{@code 'f'}/{@code 'n'} the literals. Anything nested falls back.
   */
  final int scalar() {
    skipSpace();
    if (pos >= end) {
      fallback();
    }
    byte c = b[pos];
    if (c == '"') {
      string();
      return '"';
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    return literal(c == 't' ? "true" : c == 'f' ? "false" : c == 'n' ? "null" : null);
  }

  private int literal(@Nullable String word) {
    if (word == null || end - pos < word.length()) {
      fallback();
    }
    for (int i = 0; i < word.length(); i++) {
      if (b[pos + i] != word.charAt(i)) {
        fallback();
      }
    }
    pos += word.length();
    return word.charAt(0);
  }

  /**
   * A string without escapes, control characters or non-ASCII bytes (those are Jackson's to read). Eight bytes at a
   * time while none of them is special (most of a line is inside strings); the first special byte's position comes
   * straight from the word's flags, and is looked at byte by byte.
   */
  final void string() {
    int i = ++pos;
    while (i + 8 <= end) {
      long flags = special((long) LONGS.get(b, i));
      if (flags != 0) {
        i += Long.numberOfTrailingZeros(flags) >>> 3;
        break;
      }
      i += 8;
    }
    while (i < end) {
      byte c = b[i];
      if (c == '"') {
        tokenStart = pos;
        tokenEnd = i;
        pos = i + 1;
        return;
      }
      if (c == '\\' || c < 0x20) {   // negative bytes (non-ASCII) are below 0x20 too
        fallback();
      }
      i++;
    }
    fallback();
  }

  /**
   * The high bit of each of the eight bytes that is a quote, a backslash, a control character or non-ASCII (SWAR).
   * Flags above a real one may be false; the lowest flag is always real.
   */
  private static long special(long word) {
    long quote = word ^ 0x2222222222222222L;
    long backslash = word ^ 0x5C5C5C5C5C5C5C5CL;
    long zeroQuote = (quote - 0x0101010101010101L) & ~quote;
    long zeroBackslash = (backslash - 0x0101010101010101L) & ~backslash;
    long control = (word - 0x2020202020202020L) & ~word;
    return (zeroQuote | zeroBackslash | control | word) & 0x8080808080808080L;
  }

  /** JSON's number grammar, strictly: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
  private int number() {
    tokenStart = pos;
    if (b[pos] == '-') {
      pos++;
    }
    int digits = digits();
    if (digits == 0 || (digits > 1 && b[pos - digits] == '0')) {
      fallback();
    }
    boolean fraction = false;
    if (pos < end && b[pos] == '.') {
      pos++;
      fraction = someDigits();
    }
    if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
      pos++;
      if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
        pos++;
      }
      fraction = someDigits();
    }
    tokenEnd = pos;
    return fraction ? '.' : '0';
  }

  /** True after at least one digit; a fraction or exponent without digits is not JSON. */
  private boolean someDigits() {
    if (digits() == 0) {
      fallback();
    }
    return true;
  }

  private int digits() {
    int start = pos;
    while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
      pos++;
    }
    return pos - start;
  }

  final long parseLong(int from, int to) {
    boolean negative = b[from] == '-';
    long value = 0;
    for (int i = negative ? from + 1 : from; i < to; i++) {
      value = value * 10 + (b[i] - '0');
    }
    return negative ? -value : value;
  }

  /** The separator after a value: ',' or '}'. */
  final byte next() {
    skipSpace();
    if (pos >= end || (b[pos] != ',' && b[pos] != '}')) {
      fallback();
    }
    return b[pos++];
  }

  final void expect(char c) {
    skipSpace();
    if (pos >= end || b[pos] != c) {
      fallback();
    }
    pos++;
  }

  final void skipSpace() {
    if (pos < end && b[pos] > ' ') {
      return;   // the usual case: compact JSON
    }
    while (pos < end && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\r' || b[pos] == '\n')) {
      pos++;
    }
  }

  final boolean is(byte[] name, int start, int length) {
    if (name.length != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (b[start + i] != name[i]) {
        return false;
      }
    }
    return true;
  }

  static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.US_ASCII);
  }

  /** Always throws; typed to fit wherever a value is expected. */
  static <T> T fallback() {
    throw Fallback.INSTANCE;
  }

  /** Thrown to leave the scan; preallocated and without a stack trace, as it only steers control flow. */
  static final class Fallback extends RuntimeException {
    static final Fallback INSTANCE = new Fallback();

    private Fallback() {
      super(null, null, false, false);
    }
  }
}
