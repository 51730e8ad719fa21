package io.github.pqlconnector.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pqlconnector.app.testing.SmallProduct;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What scripts rely on: --help and --version everywhere, -o json in the API's shapes, JSON log lines. */
class CliConventionsTest {
  static final List<String> COMMANDS = List.of("validate", "setup", "plan", "run", "retry", "reconcile", "outcomes",
      "report", "backtest", "explain", "history", "serve", "init", "schema", "hash-password", "demo");
  final ObjectMapper json = new ObjectMapper();
  @TempDir Path dir;
  String config;
  String out;
  String err;

  @BeforeEach
  void product() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      events.append(event("message_sent", "u1", now.minusSeconds(60L * i)));
    }
    events.append(event("pricing_viewed", "u2", now.minusSeconds(5)));
    Files.writeString(dir.resolve("events.jsonl"), events);
    Files.writeString(dir.resolve("users.csv"), "id,email,accountId\nu1,ana@acme.io,a1\nu2,bo@acme.io,a1\n");
    Files.writeString(dir.resolve("accounts.csv"), "id,name,domain,employees,country\na1,Acme,acme.io,120,DE\n");
    Path file = dir.resolve("pql.yaml");
    Files.writeString(file, SmallProduct.config(dir, "cron: \"0 */30 * * * ?\""));
    config = file.toString();
  }

  @Test
  void everyCommandAnswersHelpAndVersion() {
    for (String command : COMMANDS) {
      assertThat(pql(command, "--help")).as(command).isZero();
      assertThat(out).as(command).startsWith("Usage: pql " + command).contains("-h, --help");
      assertThat(pql(command, "-h")).as(command).isZero();
    }
    assertThat(pql("--version")).isZero();
    assertThat(out).matches("(?s)pql \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{7,}|unknown)\\)\\nJava .*");
    assertThat(pql("run", "-V")).isZero();
    assertThat(out).startsWith("pql ");
  }

  @Test
  void validatePlanHistoryAndExplainPrintJsonForScripts() throws Exception {
    assertThat(pql("validate", "-c", config, "-o", "json")).isZero();
    JsonNode validation = json.readTree(out);
    assertThat(validation.path("ok").asBoolean()).isTrue();
    assertThat(validation.path("checks")).extracting(c -> c.path("what").asText())
        .containsExactly("sources.product", "destinations.crm", "state");
    assertThat(validation.path("schedules").get(0).path("nextFires")).hasSize(3);

    assertThat(pql("plan", "-c", config, "-o", "json")).isZero();
    JsonNode plan = json.readTree(out);
    assertThat(plan.path("outcome").asText()).isEqualTo("DONE");
    assertThat(plan.path("records").get(0).path("id").asText()).isIn("u1", "a1");
    assertThat(plan.path("counts").path("changed").asInt()).isEqualTo(3);

    assertThat(pql("run", "-c", config)).isZero();
    assertThat(pql("history", "-c", config, "-o", "json")).isZero();
    JsonNode runs = json.readTree(out);
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).path("status").asText()).isEqualTo("SUCCESS");
    assertThat(pql("history", runs.get(0).path("id").asText(), "-c", config, "-o", "json")).isZero();
    assertThat(json.readTree(out).path("errors")).isEmpty();

    assertThat(pql("explain", "u1", "-c", config, "--output-format", "json")).isZero();
    JsonNode explained = json.readTree(out).get(0);
    assertThat(explained.path("id").asText()).isEqualTo("u1");
    assertThat(explained.path("explanation").path("status").asText()).isEqualTo("warm");
    assertThat(explained.path("explanation").path("reasons").get(0).asText()).isEqualTo("Sent 25 messages (≥ 20)");
    assertThat(explained.path("history")).hasSize(1);
  }

  @Test
  void aBadConfigIsJsonToo() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "model: { pionts: 1 }\n");
    assertThat(pql("validate", "-c", bad.toString(), "-o", "json")).isEqualTo(ExitCodes.BAD_CONFIG);
    JsonNode validation = json.readTree(out);
    assertThat(validation.path("ok").asBoolean()).isFalse();
    assertThat(validation.path("problems")).anySatisfy(p -> {
      assertThat(p.path("path").asText()).isEqualTo("model.pionts");
      assertThat(p.path("line").asInt()).isEqualTo(1);
    });
  }

  @Test
  void logLinesCanBeJson() throws Exception {
    PrintStream err = System.err;
    PrintStream out = System.out;   // the tests' log configuration writes to stdout, the shipped one to stderr
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
    try {
      assertThat(pql("run", "-c", config, "--log-format", "json", "-v")).isZero();
    } finally {
      System.setErr(err);
      System.setOut(out);
      LogFormat.text.apply();
    }
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{")).toList();
    assertThat(lines).isNotEmpty().allSatisfy(line -> {
      JsonNode entry = json.readTree(line);
      assertThat(entry.path("level").asText()).isIn("INFO", "WARN", "ERROR", "DEBUG");
      assertThat(entry.has("formattedMessage")).isTrue();
    });
    assertThat(lines).anySatisfy(line -> assertThat(json.readTree(line).path("formattedMessage").asText())
        .startsWith("evaluated 3 entities"));
  }

  private int pql(String... args) {
    Cli cli = Cli.pql(args);
    out = cli.out();
    err = cli.err();
    return cli.code();
  }


  private static String event(String name, String user, Instant at) {
    return "{\"event\":\"%s\",\"userId\":\"%s\",\"accountId\":\"a1\",\"timestamp\":\"%s\"}\n".formatted(name, user, at);
  }
}
