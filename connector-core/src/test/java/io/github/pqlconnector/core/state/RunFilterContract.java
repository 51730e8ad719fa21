package io.github.pqlconnector.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.sync.RunSummary;
import io.github.pqlconnector.core.testing.StateDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run history filtered by sync, status and start time, newest first, as the admin console asks for it. */
abstract class RunFilterContract {
  private static final Instant DAY1 = Instant.parse("2026-11-28T00:00:00Z");
  private static final Instant DAY2 = Instant.parse("2026-11-29T00:00:00Z");
  private static final Instant DAY3 = Instant.parse("2026-11-30T00:00:00Z");

  @TempDir Path dir;
  StateConfig state;
  StateStore store;
  long a1;
  long b1;
  long a2;
  long a3;

  abstract StateDatabase database();

  @BeforeEach
  void setUp() {
    state = database().create(dir);
    store = StateStore.open(state);
    a1 = run("a", DAY1.plusSeconds(60), "SUCCESS");
    b1 = run("b", DAY1.plusSeconds(3600), "FAILED");
    a2 = run("a", DAY2.minusMillis(1), "PARTIAL");
    a3 = run("a", DAY3.plusSeconds(5), "SUCCESS");
  }

  @AfterEach
  void tearDown() {
    store.close();
    database().drop(state);
  }

  @Test
  void noFilterIsEveryRunNewestFirstUpToTheLimit() {
    assertThat(ids(new RunDao.Filter(null, null, null, null, 10))).containsExactly(a3, a2, b1, a1);
    assertThat(ids(new RunDao.Filter(null, null, null, null, 2))).containsExactly(a3, a2);
  }

  @Test
  void syncAndStatusNarrowTogether() {
    assertThat(ids(new RunDao.Filter("a", null, null, null, 10))).containsExactly(a3, a2, a1);
    assertThat(ids(new RunDao.Filter(null, "SUCCESS", null, null, 10))).containsExactly(a3, a1);
    assertThat(ids(new RunDao.Filter("a", "SUCCESS", null, null, 10))).containsExactly(a3, a1);
    assertThat(ids(new RunDao.Filter("b", "SUCCESS", null, null, 10))).isEmpty();
  }

  @Test
  void fromIsInclusiveAndBeforeExclusive() {
    assertThat(ids(new RunDao.Filter(null, null, DAY1, DAY2, 10))).containsExactly(a2, b1, a1);
    assertThat(ids(new RunDao.Filter(null, null, DAY2, null, 10))).containsExactly(a3);
    assertThat(ids(new RunDao.Filter(null, null, null, DAY1.plusSeconds(60), 10))).isEmpty();
    assertThat(ids(new RunDao.Filter("a", "PARTIAL", DAY1, DAY3, 10))).containsExactly(a2);
  }

  @Test
  void theKnownStatusesCoverEveryWayARunEnds() {
    assertThat(RunDao.STATUSES).contains("RUNNING", "ABANDONED").containsAll(
        Arrays.stream(RunSummary.RunStatus.values()).map(Enum::name).toList());
  }

  private long run(String sync, Instant startedAt, String status) {
    return store.write(c -> {
      RunDao runs = new RunDao();
      long id = runs.start(c, sync, "MANUAL", startedAt);
      runs.finish(c, id, status, "{}", "{}", null, startedAt.plusSeconds(1));
      return id;
    });
  }

  private List<Long> ids(RunDao.Filter filter) {
    return store.read(c -> new RunDao().list(c, filter)).stream().map(RunDao.RunRow::id).toList();
  }
}
