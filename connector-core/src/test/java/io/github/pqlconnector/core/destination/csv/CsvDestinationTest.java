package io.github.pqlconnector.core.destination.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.TaskPolicy;
import io.github.pqlconnector.core.spi.TaskRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDestinationTest {
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  @TempDir Path dir;

  @Test
  void upsertReplacesRowsByKeyAndKeepsMultiLineReasons() throws Exception {
    try (CsvDestination csv = open()) {
      csv.upsert(EntityLevel.ACCOUNT, List.of(update("a1", "acme.io", "pql", 80), update("a2", "beta.io", "cold", 10)));
      csv.upsert(EntityLevel.ACCOUNT, List.of(update("a1", "acme.io", "warm", 50)));
    }
    List<String> lines = Files.readAllLines(dir.resolve("accounts.csv"));
    assertThat(lines.get(0)).isEqualTo(String.join(",", CsvDestination.COLUMNS));
    String all = String.join("\n", lines);
    assertThat(all).contains("acme.io,a1,warm,50,usage,\"Sent 50 messages (≥ 2,000)\nHeld as PQL\"")
        .contains("beta.io,a2,cold,10").doesNotContain("pql,80");
  }

  @Test
  void aTaskWithAKnownIdempotencyKeyIsFoundNotAddedEvenAfterReopening() throws Exception {
    TaskRequest request = new TaskRequest("key-1", EntityRef.account("a1"), "acme.io", null, "PQL: Acme — Sent",
        "Acme qualified\n- reason", NOW);
    String first;
    try (CsvDestination csv = open()) {
      assertThat(csv.findTasks(List.of(request))).isEmpty();
      first = csv.createTasks(List.of(request)).created().get("key-1");
      assertThat(csv.findTasks(List.of(request))).containsExactly(Map.entry("key-1", first));
      assertThat(csv.createTasks(List.of(request)).created()).containsExactly(Map.entry("key-1", first));
    }
    try (CsvDestination reopened = open()) {
      assertThat(reopened.findTasks(List.of(request))).containsExactly(Map.entry("key-1", first));
      TaskRequest second = new TaskRequest("key-2", EntityRef.account("a2"), "beta.io", "o1", "s", "b", NOW);
      assertThat(reopened.createTasks(List.of(request, second)).created()).containsEntry("key-1", first)
          .containsKey("key-2").hasSize(2);
    }
    assertThat(Files.readAllLines(dir.resolve("tasks.csv")).stream().filter(l -> l.startsWith("key-"))).hasSize(2);
  }

  @Test
  void aDirectoryThatCannotBeUsedIsNamedWithTheTrouble() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "");
    try (CsvDestination csv = new CsvDestination(new CsvConfig(file.toString(), null, TaskPolicy.none()),
        "destinations.crm")) {
      assertThatThrownBy(() -> csv.upsert(EntityLevel.ACCOUNT, List.of(update("a1", "acme.io", "pql", 80))))
          .isInstanceOf(VendorException.class)
          .hasMessageContaining("the CSV files in " + file + " cannot be read or written (")
          .hasMessageContaining("Exception");
    }
  }

  private CsvDestination open() {
    return new CsvDestination(new CsvConfig(dir.toString(), null, TaskPolicy.none()), "destinations.crm");
  }

  private static PqlUpdate update(String id, String domain, String status, int score) {
    return new PqlUpdate(EntityRef.account(id), new MatchKey("domain", domain), domain,
        new PqlFields(status, score, "usage", List.of("Sent " + score + " messages (≥ 2,000)", "Held as PQL"), 40.0,
            null, NOW));
  }
}
