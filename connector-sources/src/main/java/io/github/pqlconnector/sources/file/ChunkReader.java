package io.github.pqlconnector.sources.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a byte stream into chunks of whole lines, so that two threads can parse alternate chunks. A chunk ends after
 * its last '\n'; the bytes after it start the next chunk. A line longer than a chunk grows the buffer, so every line
 * is in one piece. The last chunk may end without '\n'. Not thread-safe: the reader thread's alone.
 */
final class ChunkReader {
  static final int CHUNK = 1 << 18;

  /**
   * {@code length} bytes of whole lines in {@code bytes} (a buffer to hand back when parsed), or the failure that
   * ended the read where this chunk would have been.
   */
  record Chunk(byte[] bytes, int length, @Nullable Throwable failure) {
    Chunk(byte[] bytes, int length) {
      this(bytes, length, null);
    }
  }

  private final InputStream in;
  private byte[] carry = new byte[0];
  private int carried;
  private boolean ended;

  ChunkReader(InputStream in) {
    this.in = in;
  }

  /** The next chunk, read into {@code buffer} (or a larger one for a long line), or null at the end of the stream. */
  @Nullable Chunk next(byte[] buffer) throws IOException {
    if (ended && carried == 0) {
      return null;
    }
    byte[] target = buffer.length >= carried + 1 ? buffer : new byte[Math.max(buffer.length, carried) * 2];
    System.arraycopy(carry, 0, target, 0, carried);
    int filled = carried;
    carried = 0;
    while (true) {
      int lastNewline = filled == target.length || ended ? lastNewline(target, filled) : -1;
      if (ended) {
        return filled == 0 ? null : new Chunk(target, filled);
      }
      if (lastNewline >= 0) {
        keep(target, lastNewline + 1, filled);
        return new Chunk(target, lastNewline + 1);
      }
      if (filled == target.length) {
        target = Arrays.copyOf(target, target.length * 2);   // one line longer than the chunk
      }
      int read = in.read(target, filled, target.length - filled);
      if (read < 0) {
        ended = true;
      } else {
        filled += read;
      }
    }
  }

  private void keep(byte[] from, int start, int end) {
    carried = end - start;
    if (carry.length < carried) {
      carry = new byte[Math.max(carried, CHUNK / 4)];
    }
    System.arraycopy(from, start, carry, 0, carried);
  }

  private static int lastNewline(byte[] bytes, int end) {
    for (int i = end - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
