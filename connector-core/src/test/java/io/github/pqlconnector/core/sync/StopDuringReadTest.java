package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.testing.StateDatabase;
import org.junit.jupiter.api.Test;

/**
 * A stop asked for while the source is read (SIGTERM to {@code pql run}, a daemon shutting down) ends the read at
 * once instead of after the whole file: the run is STOPPED, nothing was queued or written, the next run does it all.
 */
class StopDuringReadTest extends SyncFixture {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }

  @Test
  void aStopDuringTheReadEndsTheRunAsStoppedWithNothingQueuedAndTheNextRunWritesEverything() {
    SyncRunner runner = new SyncRunner(config, store, new Connectors(plugins(), clock));
    runner.requestStop();   // in place before the read: it is checked every 1,000 events of the 1,500 here

    RunSummary stopped = runner.run(null, RunTrigger.MANUAL, false, Progress.NONE);

    assertThat(stopped.status()).isEqualTo(RunSummary.RunStatus.STOPPED);
    assertThat(stopped.counts().changed()).isZero();
    assertThat(outboxDepth()).isZero();
    assertThat(crm.upsertCalls).isEmpty();
    RunDao.RunRow row = store.read(c -> new RunDao().list(c, "s", 1)).get(0);
    assertThat(row.status()).isEqualTo("STOPPED");
    assertThat(row.message()).isEqualTo("stopped while reading the source; nothing was written, the next run reads"
        + " it again");
    assertThat(row.finishedAt()).isNotNull();

    assertThat(run().counts().pushed()).isEqualTo(150);
  }
}
