package io.github.pqlconnector.sources.file;

import java.io.IOException;
import java.io.InputStream;
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

  /** The index of the next '\n' in [from, to), or -1; a loop this small is one the JIT compiles well. */
  private static int newline(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
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
