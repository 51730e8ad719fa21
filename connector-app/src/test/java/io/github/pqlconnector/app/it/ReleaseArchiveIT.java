package io.github.pqlconnector.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive unpacked somewhere else, used with only a Java runtime: its layout, the launcher's version,
 * the shipped schema, a starter config from {@code pql init}, pointing to that schema, that {@code pql validate}
 * takes, and the conventions scripts rely on ({@code --help}, {@code -o json}, {@code --log-format json}). {@link DemoIT} runs the demo from it.
 */
class ReleaseArchiveIT {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void unpackedAnywhereItHasEverythingAndRuns() throws Exception {
    Path home = ReleaseArchive.unpack(dir);
    assertThat(home.resolve("bin/pql")).isExecutable();
    assertThat(home.resolve("bin/pql.cmd")).content().contains("lib\\pql.jar").contains("\r\n");
    assertThat(home.resolve("bin/pql_completion")).content().contains("_complete_pql");
    assertThat(home.resolve("lib/pql.jar")).isRegularFile();
    assertThat(home.resolve("LICENSE")).content().contains("Apache License");
    assertThat(home.resolve("README.md")).content().contains("# PQL Connector");
    assertThat(home.resolve("Dockerfile")).content().contains("FROM eclipse-temurin:17-jre").contains("USER pql")
        .contains("HEALTHCHECK");
    try (var examples = Files.list(home.resolve("examples"))) {
      assertThat(examples.map(p -> p.getFileName().toString())).contains("file-to-csv.yaml", "file-to-hubspot.yaml",
          "file-to-salesforce.yaml", "file-to-bitrix24.yaml", "jdbc-to-csv.yaml", "posthog-to-csv.yaml");
    }

    assertThat(pql(home, "--version")).startsWith("pql ").contains("(commit ");
    Path schema = home.resolve("schema/pql.schema.json");
    assertThat(schema).hasSameTextualContentAs(Path.of("..", "schema", "pql.schema.json"));
    assertThat(pql(home, "schema")).isEqualTo(Files.readString(schema));
    assertThat(pql(home, "init", "--output", "pql.yaml")).contains("wrote pql.yaml (file → csv)");
    String modeline = Files.readAllLines(dir.resolve("pql.yaml")).get(0);
    assertThat(modeline).startsWith("# yaml-language-server: $schema=");
    assertThat(dir.resolve(modeline.substring(modeline.indexOf('=') + 1)).normalize()).isEqualTo(schema.normalize());
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/events.jsonl"), "");
    Files.writeString(dir.resolve("data/users.csv"), "id,email,accountId\n");
    Files.writeString(dir.resolve("data/accounts.csv"), "id,domain,employees\n");
    assertThat(pql(home, "validate", "-c", "pql.yaml")).contains("config pql.yaml: ok").contains("ok   state (h2)");

    assertThat(pql(home, "run", "--help")).startsWith("Usage: pql run");
    assertThat(JSON.readTree(pql(home, "validate", "-c", "pql.yaml", "-o", "json")).path("ok").asBoolean()).isTrue();
    List<String> logLines = pql(home, "plan", "-c", "pql.yaml", "--log-format", "json", "-v").lines()
        .filter(line -> line.startsWith("{")).toList();
    assertThat(logLines).isNotEmpty().allSatisfy(line -> assertThat(JSON.readTree(line).path("level").asText())
        .isIn("INFO", "WARN", "DEBUG"));
  }

  private String pql(Path home, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/pql").toString()));
    command.addAll(List.of(args));
    Path log = dir.resolve("out.log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("PQL_JAVA_OPTS");
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log);
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
