package io.github.pqlconnector.sources.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Chunks hold whole lines, a line longer than a chunk included, and together they are the stream. */
class ChunkReaderTest {
  @Test
  void chunksAreWholeLinesThatAddUpToTheStream() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int line = 0; line < 100_000; line++) {
      text.append("line ").append(line).append(line == 7_000 ? "y".repeat(600_000) : "").append('\n');
    }
    text.append("no newline at the end");
    byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
    InputStream trickle = new ByteArrayInputStream(bytes) {
      @Override public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 10_000));   // like a gzip stream: short reads
      }
    };
    ChunkReader reader = new ChunkReader(trickle);
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    byte[] buffer = new byte[ChunkReader.CHUNK];
    int chunks = 0;
    for (ChunkReader.Chunk chunk = reader.next(buffer); chunk != null; chunk = reader.next(buffer)) {
      byte[] part = Arrays.copyOf(chunk.bytes(), chunk.length());
      boolean last = joined.size() + part.length == bytes.length;
      assertThat(last || part[part.length - 1] == '\n').isTrue();
      joined.write(part);
      chunks++;
    }
    assertThat(joined.toByteArray()).isEqualTo(bytes);
    assertThat(chunks).isGreaterThan(3);
  }
}
