package io.github.pqlconnector.sources.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesTest {
  private final List<String> records = new ArrayList<>();
  private final List<String> rejects = new ArrayList<>();

  @Test
  void readsRecordsJoinsASplitOneAndRejectsABrokenOne() throws IOException {
    long lines = read("""
        {"a":1}

        {"a":"split
        here"}
        {"a":
        not json at all
        {"a":3}
        """);

    assertThat(lines).isEqualTo(7);
    assertThat(records).containsExactly("1@1", "splithere@3", "3@7");
    assertThat(rejects).containsExactly("test:5: incomplete JSON record", "test:6: not valid JSON: Unrecognized token "
        + "'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
  }

  @Test
  void terminatedEarlyIsATruncatedStream() {
    assertThatThrownBy(() -> read("{\"a\":1}\n{\"a\":2}\nterminated early\n"))
        .isInstanceOf(EOFException.class).hasMessage("test ended with \"terminated early\" after line 2");
    assertThat(records).containsExactly("1@1", "2@2");
  }

  @Test
  void aStreamThatEndsInsideARecordIsTruncated() {
    assertThatThrownBy(() -> read("{\"a\":1}\n{\"a\":2, \"b\":")).isInstanceOf(EOFException.class)
        .hasMessage("test ended inside the record that starts at line 2");
  }

  @Test
  void aLastLineWithoutNewlineCounts() throws IOException {
    read("{\"a\":1}\r\n{\"a\":2}");
    assertThat(records).containsExactly("1@1", "2@2");
  }

  private long read(String text) throws IOException {
    return JsonLines.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test", (p, line) -> {
      p.nextToken();
      p.nextToken();
      JsonToken value = p.nextToken();
      String a = p.getText();
      p.skipChildren();
      p.nextToken();
      if (value != null && p.nextToken() == null) {
        records.add(a + "@" + line);
      }
    }, (location, problem) -> rejects.add(location + ": " + problem));
  }
}
