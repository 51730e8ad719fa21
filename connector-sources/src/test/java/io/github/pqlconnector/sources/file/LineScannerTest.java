package io.github.pqlconnector.sources.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lines and their numbers, whatever their lengths against the eight-byte words and the read buffer. */
class LineScannerTest {
  @Test
  void everyLineWithItsNumberAcrossBuffersAndWords() throws IOException {
    Random random = new Random(7);
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int line = 1; line <= 5_000; line++) {
      String content = "x".repeat(random.nextInt(line % 100 == 0 ? 70_000 : 40));
      text.append(content).append(line % 3 == 0 ? "\r\n" : "\n");
      if (!content.isEmpty()) {
        expected.add(line + ":" + content.length());
      }
    }
    text.append("last");
    expected.add("5001:4");
    List<String> seen = new ArrayList<>();
    LineScanner.scan(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.US_ASCII)),
        (bytes, offset, length, number) -> seen.add(number + ":" + length));
    assertThat(seen).isEqualTo(expected);
  }
}
