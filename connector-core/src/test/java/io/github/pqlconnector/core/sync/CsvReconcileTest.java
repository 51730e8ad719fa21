package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.testing.StateDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The csv destination reads its files back: a row edited by hand is found and written back, alone. */
class CsvReconcileTest extends SyncFixture {
  private Path users;

  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }

  @BeforeEach
  void csvDestination() {
    Path out = dir.resolve("out");
    users = out.resolve("users.csv");
    config = new ConfigLoader(plugins(), Map.<String, String>of()::get).parse(YAML.formatted(dir.toString()
        .replace("\\", "/")).replace("crm: { type: recording, tasks: { on: [pql], dueIn: 2d } }",
        "crm: { type: csv, directory: \"" + out.toString().replace("\\", "/") + "\" }"));
  }

  private RunSummary reconcile() {
    return new SyncRunner(config, store, new Connectors(plugins(), clock)).reconcileAndRun(null, Progress.NONE);
  }

  @Test
  void anUntouchedFileReconcilesToZeroDrift() {
    run();
    clock.advance(Duration.ofHours(1));
    assertThat(reconcile().reconciliation()).isEqualTo(new Reconciliation(150, 0, 0));
  }

  @Test
  void aRowEditedByHandIsWrittenBackAndNoOtherRow() throws Exception {
    run();
    List<String> lines = Files.readAllLines(users);
    int edited = indexOf(lines, "u005@example.com,");
    lines.set(edited, lines.get(edited).replace(",pql,", ",cold,"));
    int removed = indexOf(lines, "u006@example.com,");
    lines.remove(removed);
    Files.write(users, lines);
    clock.advance(Duration.ofHours(1));

    RunSummary summary = reconcile();

    assertThat(summary.reconciliation()).isEqualTo(new Reconciliation(150, 1, 1));
    assertThat(summary.counts().pushed()).isEqualTo(2);
    List<String> after = Files.readAllLines(users);
    String later = clock.instant().toString().replace(":00Z", "");
    assertThat(after.stream().filter(l -> l.contains(later))).hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith("u005@example.com,u005,pql,"))
        .anySatisfy(l -> assertThat(l).startsWith("u006@example.com,u006,pql,"));
    clock.advance(Duration.ofHours(1));
    assertThat(reconcile().reconciliation()).isEqualTo(new Reconciliation(150, 0, 0));
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no row starting " + prefix);
  }
}
