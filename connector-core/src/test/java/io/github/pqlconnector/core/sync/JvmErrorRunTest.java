package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.testing.StateDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A JVM error in the middle of a run (the heap too small, say) ends it as FAILED, never left RUNNING. */
class JvmErrorRunTest extends SyncFixture {
  @Override
  StateDatabase database() {
    return StateDatabase.H2;
  }

  @Test
  void aRunThatRunsOutOfMemoryIsRecordedAsFailedWithTheCauseAndItsWorkStaysQueued() {
    crm.errorOnWrite = new OutOfMemoryError("Java heap space");
    assertThatThrownBy(this::run).isInstanceOf(OutOfMemoryError.class);

    RunDao.RunRow failed = store.read(c -> new RunDao().list(c, "s", 1)).get(0);
    assertThat(failed.status()).isEqualTo("FAILED");
    assertThat(failed.message()).isEqualTo("OutOfMemoryError: Java heap space");
    assertThat(failed.finishedAt()).isNotNull();

    crm.errorOnWrite = null;
    clock.advance(Duration.ofMinutes(5));
    assertThat(run().counts().pushed()).as("what the failed run queued is written by the next").isEqualTo(150);
  }
}
