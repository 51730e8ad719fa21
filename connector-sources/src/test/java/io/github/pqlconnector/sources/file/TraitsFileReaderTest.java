package io.github.pqlconnector.sources.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

class TraitsFileReaderTest {
  @TempDir Path dir;
  final List<String> accepted = new ArrayList<>();
  final List<String> rejected = new ArrayList<>();
  final TraitsSink sink = new TraitsSink() {
    @Override public void accept(Traits t) { accepted.add(t.entity().id() + " " + new java.util.TreeMap<>(t.values())); }
    @Override public void reject(String location, String problem) { rejected.add(location + " " + problem); }
  };

  /** A byte that is not UTF-8 costs its CSV row or JSON line, and the other rows are read. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("filesWithALatinOneByte")
  void aLatinOneByteCostsItsRowAndTheOtherRowsAreRead(String name, EntityLevel level, String content,
      String readRow, int badLine) throws IOException {
    TraitsFileReader.read(write(name, content.getBytes(StandardCharsets.ISO_8859_1)), level, sink);
    assertThat(accepted).containsExactly(readRow);
    assertThat(rejected).containsExactly(name + ":" + badLine + " " + Utf8.PROBLEM);
  }

  static Stream<Arguments> filesWithALatinOneByte() {
    return Stream.of(
        arguments("users.csv", EntityLevel.USER, "id,name\nu1,Jos\u00e9\nu2,Ana\n", "u2 {name=Ana}", 2),
        arguments("accounts.jsonl", EntityLevel.ACCOUNT, "{\"id\":\"a1\",\"name\":\"Caf\u00e9\"}\n{\"id\":\"a2\"}\n",
            "a2 {}", 1));
  }

  @Test
  void badCsvRowsAreRejectedOneByOneWithTheirLine() throws IOException {
    String csv = "id,name,title\nu1,Ana,CTO\nu2,\"Bo\nBerg\",CEO\nu3,Cy,CFO,extra\nu4,Di,\nu5,\"open,x\n";
    TraitsFileReader.read(write("users.csv", csv.getBytes(StandardCharsets.UTF_8)), EntityLevel.USER, sink);
    assertThat(accepted).startsWith("u1 {name=Ana, title=CTO}", "u2 {name=Bo\nBerg, title=CEO}");
    assertThat(accepted).contains("u4 {name=Di}");
    assertThat(rejected).first().asString().startsWith("users.csv:5 not a valid CSV row: ");
  }

  @Test
  void anEmptyTraitsFileHasNoTraitsAndIsNoError() throws IOException {
    TraitsFileReader.read(write("users.csv", new byte[0]), EntityLevel.USER, sink);
    TraitsFileReader.read(write("accounts.jsonl", new byte[0]), EntityLevel.ACCOUNT, sink);
    assertThat(accepted).isEmpty();
    assertThat(rejected).isEmpty();
  }

  @Test
  void aHeaderOnlyCsvHasNoTraits() throws IOException {
    TraitsFileReader.read(write("users.csv", "id,name\n".getBytes(StandardCharsets.UTF_8)), EntityLevel.USER, sink);
    assertThat(accepted).isEmpty();
    assertThat(rejected).isEmpty();
  }

  @Test
  void aBlankHeaderLineFailsTheFileWithWhere() throws IOException {
    Path file = write("users.csv", "\n\nu1,Ana\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> TraitsFileReader.read(file, EntityLevel.USER, sink))
        .isInstanceOf(IOException.class).hasMessageStartingWith("users.csv:");
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }
}
