package io.github.pqlconnector.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.sync.EvaluationStep;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.testing.JsonLinesSource;
import io.github.pqlconnector.core.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each folder under {@code src/test/resources/golden} holds a model, events (and traits); its
 * {@code expected.json} is the engine's verdict at {@link #NOW}. Regenerate with {@code -Dgolden.update=true},
 * then read the diff: it is the specification.
 */
class PqlEngineGoldenTest {
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();

  @TempDir Path out;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void engineMatchesGoldenVerdicts(String name) throws IOException {
    Path dir = GOLDEN.resolve(name);
    List<PqlResult> results = evaluate(dir, out);
    String actual = JSON.writeValueAsString(results) + "\n";
    Path expected = dir.resolve("expected.json");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, actual);
    }
    assertThat(actual).isEqualTo(Files.readString(expected));
  }

  static List<PqlResult> evaluate(Path dir, Path out) throws IOException {
    PqlConfig config = TestConfigs.around(Files.readString(dir.resolve("model.yaml")), dir, out, "");
    CompiledModel model = new CompiledModel(config.model());
    return new EvaluationStep(model).run(new JsonLinesSource(dir), Map.of(), List.of(), NOW, null, Progress.NONE)
        .evaluations().stream().map(e -> e.result()).toList();
  }
}
