package io.github.pqlconnector.sources.file;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding them to strings (the JSON parser reads bytes), with
 * line numbers for error reports. Memory: one read buffer plus the longest line.
 */
final class LineScanner {
  /** Receives each non-blank line as a slice of a reused buffer, valid only during the call. */
  interface LineHandler {
    void line(byte[] buffer, int offset, int length, long lineNumber) throws IOException;
  }

  private static final int BUFFER = 1 << 16;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private LineScanner() {}

  static void scan(InputStream in, LineHandler handler) throws IOException {
    byte[] buffer = new byte[BUFFER];
    byte[] carry = new byte[256];
    int carried = 0;
    long lineNumber = 0;
    int read;
    while ((read = in.read(buffer)) > 0) {
      int start = 0;
      for (int i = newline(buffer, 0, read); i >= 0; i = newline(buffer, start, read)) {
        lineNumber++;
        if (carried == 0) {
          emit(handler, buffer, start, i - start, lineNumber);
        } else {
          carry = append(carry, carried, buffer, start, i - start);
          emit(handler, carry, 0, carried + i - start, lineNumber);
          carried = 0;
        }
        start = i + 1;
      }
      if (start < read) {
        carry = append(carry, carried, buffer, start, read - start);
        carried += read - start;
      }
    }
    if (carried > 0) {
      emit(handler, carry, 0, carried, lineNumber + 1);
    }
  }

  /**
   * Splits {@code length} bytes that hold whole lines (the last one may lack its '\n') and numbers them from 1;
   * returns how many '\n' it saw, so a caller can number the next chunk's lines.
   */
  static long scanChunk(byte[] buffer, int length, LineHandler handler) throws IOException {
    long lineNumber = 0;
    int start = 0;
    for (int i = newline(buffer, 0, length); i >= 0; i = newline(buffer, start, length)) {
      emit(handler, buffer, start, i - start, ++lineNumber);
      start = i + 1;
    }
    if (start < length) {
      emit(handler, buffer, start, length - start, lineNumber + 1);
    }
    return lineNumber;
  }

  /** The index of the next '\n' in [from, to), or -1: eight bytes at a time (SWAR), then byte by byte. */
  static int newline(byte[] bytes, int from, int to) {
    int i = from;
    while (i + 8 <= to) {
      long word = (long) LONGS.get(bytes, i) ^ 0x0A0A0A0A0A0A0A0AL;
      long zero = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
      if (zero != 0) {
        return i + (Long.numberOfTrailingZeros(zero) >>> 3);   // the lowest flagged byte is always a real '\n'
      }
      i += 8;
    }
    for (; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static byte[] append(byte[] carry, int carried, byte[] from, int offset, int length) {
    byte[] target = carry.length >= carried + length ? carry : Arrays.copyOf(carry, Math.max(carry.length * 2, carried + length));
    System.arraycopy(from, offset, target, carried, length);
    return target;
  }

  private static void emit(LineHandler handler, byte[] bytes, int offset, int length, long lineNumber)
      throws IOException {
    int end = offset + length;
    while (end > offset && (bytes[end - 1] == '\r' || bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
      end--;
    }
    if (end > offset) {
      handler.line(bytes, offset, end - offset, lineNumber);
    }
  }
}
