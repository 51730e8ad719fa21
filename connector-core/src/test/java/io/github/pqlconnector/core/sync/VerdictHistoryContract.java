package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import io.github.pqlconnector.core.state.VerdictHistoryDao.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verdict history: every entity's first verdict, then each change of its status or score, with the time and
 * the run; nothing for an unchanged run; a retention that forgets old changes.
 */
abstract class VerdictHistoryContract extends SyncFixture {
  private static final EntityRef U101 = EntityRef.user("u101");

  @Test
  void theFirstRunRecordsEveryEntityAndAnUnchangedRunNothing() {
    RunSummary first = run();

    List<Change> all = since(Instant.EPOCH);
    assertThat(all).hasSize(150).allSatisfy(c -> assertThat(c.runId()).isEqualTo(first.runId()));
    assertThat(all).filteredOn(c -> c.status() == PqlStatus.PQL).hasSize(100)
        .allSatisfy(c -> assertThat(c.score()).isEqualTo(80));
    clock.advance(Duration.ofHours(1));
    run();
    assertThat(since(Instant.EPOCH)).as("nothing changed").hasSize(150);
  }

  @Test
  void aChangeOfStatusOrScoreIsRecordedWithItsTimeAndRun() {
    run();
    Instant later = clock.instant().plus(Duration.ofHours(2));
    clock.advance(Duration.ofHours(2));
    data.events("message_sent", 10, "u101", null, later);
    RunSummary second = run();

    List<Change> u101 = store.read(c -> new VerdictHistoryDao().of(c, "s", U101));
    assertThat(u101).extracting(Change::status).containsExactly(PqlStatus.COLD, PqlStatus.PQL);
    assertThat(u101.get(0).score()).isZero();
    assertThat(u101.get(1).score()).isEqualTo(80);
    assertThat(u101.get(1).verdict().type()).as("the strongest signal type at the change").isEqualTo("usage");
    assertThat(u101.get(0).verdict().type()).isNull();
    assertThat(u101.get(1).at()).isEqualTo(later);
    assertThat(u101.get(1).runId()).isEqualTo(second.runId());
    assertThat(since(later)).as("only u101 changed").extracting(Change::entity).containsExactly(U101);
  }

  @Test
  void changesOlderThanTheRetentionAreForgotten() {
    run();
    Instant cut = clock.instant().plusMillis(1);
    int forgotten = store.write(c -> new VerdictHistoryDao().prune(c, "s", cut));

    assertThat(forgotten).isEqualTo(150);
    assertThat(since(Instant.EPOCH)).isEmpty();
  }

  private List<Change> since(Instant from) {
    List<Change> changes = new ArrayList<>();
    store.read(c -> {
      new VerdictHistoryDao().since(c, "s", from, changes::add);
      return null;
    });
    return changes;
  }
}
