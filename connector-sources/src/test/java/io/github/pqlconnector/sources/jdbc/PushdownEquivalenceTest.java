package io.github.pqlconnector.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.sync.EvaluationStep;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.testing.TestConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pushdown and in-memory aggregation give the same verdicts, scores, reasons and metric values: core's golden
 * datasets, loaded into PostgreSQL tables, run through both paths of {@link EvaluationStep}.
 */
class PushdownEquivalenceTest {
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final Path GOLDEN = Path.of("../connector-core/src/test/resources/golden");
  static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();
  static Warehouse warehouse;
  @TempDir Path out;

  @BeforeAll
  static void createSchema() {
    warehouse = Warehouse.create();
  }

  @AfterAll
  static void dropSchema() {
    if (warehouse != null) {
      warehouse.close();
    }
  }

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void goldenDatasetsGiveTheSameResultsBothWays(String name) throws IOException {
    Path dir = GOLDEN.resolve(name);
    String table = name.replace('-', '_');
    EventTables.load(warehouse, table + "_events", events(dir.resolve("events.jsonl")),
        List.of("event", "timestamp", "user_id", "account_id", "email", "event_id"));
    String users = traitsTable(dir.resolve("users.jsonl"), table + "_users", "user_id");
    String accounts = traitsTable(dir.resolve("accounts.jsonl"), table + "_accounts", "account_id");
    PqlConfig config = TestConfigs.around(Files.readString(dir.resolve("model.yaml")), dir, out, "");
    String events = "SELECT * FROM %s." + table + "_events";
    CompiledModel model = new CompiledModel(config.model());
    assertSameBothWays(model, warehouse.custom(events, users, accounts, false),
        warehouse.custom(events, users, accounts, true));
  }

  /** Also checks that the pushdown run read no raw events, so it really took the other path. */
  static void assertSameBothWays(CompiledModel model, JdbcSourceConfig raw, JdbcSourceConfig pushdown)
      throws IOException {
    EvaluationStep.Evaluated inMemory = evaluate(model, raw);
    EvaluationStep.Evaluated pushedDown = evaluate(model, pushdown);
    assertThat(inMemory.evaluations()).isNotEmpty();
    assertThat(inMemory.eventsRead()).isPositive();
    assertThat(pushedDown.eventsRead()).isZero();
    assertThat(json(pushedDown.evaluations())).isEqualTo(json(inMemory.evaluations()));
  }

  static EvaluationStep.Evaluated evaluate(CompiledModel model, JdbcSourceConfig config) {
    try (JdbcSource source = new JdbcSource(config)) {
      return new EvaluationStep(model).run(source, Map.of(), List.of(), NOW, null, Progress.NONE);
    }
  }

  /** Results and the traits the rules saw (emails and accounts learnt from events included). */
  static String json(List<Evaluation> evaluations) throws IOException {
    List<Object> shown = new ArrayList<>();
    evaluations.forEach(e -> shown.add(List.of(e.result(), new TreeMap<>(e.traits().values()))));
    return JSON.writeValueAsString(shown);
  }

  private static List<Map<String, Object>> events(Path file) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    long id = 0;
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      Map<String, Object> row = new HashMap<>();
      row.put("event", n.path("event").asText());
      row.put("timestamp", Instant.parse(n.path("timestamp").asText()));
      row.put("user_id", n.hasNonNull("userId") ? n.get("userId").asText() : null);
      row.put("account_id", n.hasNonNull("accountId") ? n.get("accountId").asText() : null);
      row.put("email", n.hasNonNull("email") ? n.get("email").asText() : null);
      row.put("event_id", ++id);
      n.path("properties").fields().forEachRemaining(f -> row.put(f.getKey(),
          f.getValue().isNumber() ? f.getValue().numberValue() : f.getValue().asText()));
      rows.add(row);
    }
    return rows;
  }

  /** The traits file as a table keyed by {@code key}, and the query for it; null when there is no file. */
  private static String traitsTable(Path file, String table, String key) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        Map<String, Object> row = new HashMap<>();
        JSON.readTree(line).fields().forEachRemaining(f -> row.put(f.getKey().equals("id") ? key
            : f.getKey().equals("accountId") ? "account_id" : f.getKey(), f.getValue().asText()));
        rows.add(row);
      }
    }
    EventTables.load(warehouse, table, rows, List.of(key));
    return "SELECT * FROM %s." + table;
  }
}
