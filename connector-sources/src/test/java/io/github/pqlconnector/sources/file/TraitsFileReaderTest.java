package io.github.pqlconnector.sources.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraitsFileReaderTest {
  @TempDir Path dir;
  final List<String> accepted = new ArrayList<>();
  final List<String> rejected = new ArrayList<>();
  final TraitsSink sink = new TraitsSink() {
    @Override public void accept(Traits t) { accepted.add(t.entity().id() + " " + new java.util.TreeMap<>(t.values())); }
    @Override public void reject(String location, String problem) { rejected.add(location + " " + problem); }
  };

  @Test
  void aLatinOneByteInACsvCostsItsRowAndTheOtherRowsAreRead() throws IOException {
    byte[] latin1 = "id,name\nu1,Jos\u00e9\nu2,Ana\n".getBytes(StandardCharsets.ISO_8859_1);
    TraitsFileReader.read(write("users.csv", latin1), EntityLevel.USER, sink);
    assertThat(accepted).containsExactly("u2 {name=Ana}");
    assertThat(rejected).containsExactly("users.csv:2 " + Utf8.PROBLEM);
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
  void aLatinOneByteInJsonLinesCostsItsLine() throws IOException {
    byte[] lines = "{\"id\":\"a1\",\"name\":\"Caf\u00e9\"}\n{\"id\":\"a2\"}\n".getBytes(StandardCharsets.ISO_8859_1);
    TraitsFileReader.read(write("accounts.jsonl", lines), EntityLevel.ACCOUNT, sink);
    assertThat(accepted).containsExactly("a2 {}");
    assertThat(rejected).containsExactly("accounts.jsonl:1 " + Utf8.PROBLEM);
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
