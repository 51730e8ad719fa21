package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.testing.StateDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A source none of whose events can be read (the wrong format, say) fails the run before anything is evaluated: a
 * run that went on would mark every user COLD and write that over the CRM's values.
 */
class AllEventsRejectedRunTest extends SyncFixture {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }

  @Test
  void aRunWhoseEveryEventIsRejectedFailsNamingTheFirstRejectsAndWritesNothing() throws IOException {
    assertThat(run().counts().pushed()).isEqualTo(150);
    Files.writeString(data.dir().resolve("events.jsonl"), "event,timestamp\nmessage_sent,2026-11-30\n");
    clock.advance(Duration.ofHours(1));

    assertThatThrownBy(this::run).isInstanceOf(SourceException.class)
        .hasMessage("all 2 events read were rejected, so nothing was evaluated or written (first: events.jsonl:1: "
            + "bad line; events.jsonl:2: bad line); check the source's format and field names against the data");

    RunDao.RunRow failed = store.read(c -> new RunDao().list(c, "s", 1)).get(0);
    assertThat(failed.status()).isEqualTo("FAILED");
    assertThat(failed.message()).startsWith("all 2 events read were rejected");
    assertThat(crm.records.values()).as("the CRM keeps the verdicts of the last good run")
        .filteredOn(fields -> fields.status().equals("pql")).hasSize(100);
  }

  @Test
  void aFewBadLinesAmongGoodOnesAreCountedAndTheRunGoesOn() throws IOException {
    Files.writeString(data.dir().resolve("events.jsonl"), "not json\n", java.nio.file.StandardOpenOption.APPEND);

    RunSummary summary = run();
    assertThat(summary.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    assertThat(summary.counts().rejected()).isEqualTo(1);
  }
}
