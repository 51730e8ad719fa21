package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.state.ReconciliationDao;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reconciliation repairs what someone overwrote in the CRM, and nothing else; once per state database. */
abstract class ReconcileContract extends SyncFixture {
  private static final EntityRef U005 = new EntityRef(EntityLevel.USER, "u005");
  private static final EntityRef U120 = new EntityRef(EntityLevel.USER, "u120");

  private SyncRunner runner() {
    return new SyncRunner(config, store, new Connectors(plugins(), clock));
  }

  private RunSummary reconcile() {
    return runner().reconcileAndRun(null, Progress.NONE);
  }

  @Test
  void anUntouchedCrmReconcilesToZeroDriftAndWritesNothing() {
    run();
    int writes = crm.writeCalls();
    clock.advance(Duration.ofHours(1));

    RunSummary summary = reconcile();

    assertThat(summary.reconciliation()).isEqualTo(new Reconciliation(150, 0, 0));
    assertThat(crm.writeCalls()).isEqualTo(writes);
    assertThat(crm.readCalls).hasSize(2);
    assertThat(crm.readCalls).allSatisfy(ids -> assertThat(ids).hasSizeLessThanOrEqualTo(100));
  }

  @Test
  void anOverwrittenFieldIsFoundAndExactlyThatRecordIsWrittenBack() {
    run();
    PqlFields mine = crm.records.get(U005);
    crm.records.put(U005, new PqlFields("cold", mine.score(), mine.type(), mine.reasons(), mine.activationPct(),
        mine.qualifiedAt(), mine.evaluatedAt()));
    PqlFields other = crm.records.get(U120);
    crm.records.put(U120, new PqlFields(other.status(), other.score(), other.type(), List.of("edited by a rep"),
        other.activationPct(), other.qualifiedAt(), other.evaluatedAt()));
    int writes = crm.writeCalls();
    int tasks = crm.taskCreates;
    clock.advance(Duration.ofHours(1));

    RunSummary summary = reconcile();

    assertThat(summary.reconciliation()).isEqualTo(new Reconciliation(150, 2, 0));
    assertThat(crm.taskCreates).isEqualTo(tasks);
    assertThat(crm.upsertCalls.subList(writes, crm.writeCalls())).containsExactly(List.of(U005, U120));
    assertThat(crm.records.get(U005).status()).isEqualTo("pql");
    assertThat(crm.records.get(U120).reasons()).isEqualTo(other.reasons());
    assertThat(summary.counts().pushed()).isEqualTo(2);

    clock.advance(Duration.ofHours(1));
    assertThat(reconcile().reconciliation()).isEqualTo(new Reconciliation(150, 0, 0));
  }

  @Test
  void formatDifferencesTheCrmIntroducesAreNoDrift() {
    run();
    PqlFields mine = crm.records.get(U005);
    crm.records.put(U005, new PqlFields(" PQL ", mine.score(), mine.type(), List.of(mine.reasonsText() + "\r\n"),
        mine.activationPct() + 0.001, mine.qualifiedAt(), java.time.Instant.EPOCH));
    clock.advance(Duration.ofHours(1));

    assertThat(reconcile().reconciliation()).isEqualTo(new Reconciliation(150, 0, 0));
  }

  @Test
  void aRecordTheCrmNoLongerHasIsMatchedAgainAndWrittenToTheSurvivor() {
    run();
    crm.deletedRecordIds.add("crm-u007@example.com");
    int writes = crm.writeCalls();
    int matches = crm.matchCalls.get();
    clock.advance(Duration.ofHours(1));

    RunSummary summary = reconcile();

    assertThat(summary.reconciliation()).isEqualTo(new Reconciliation(150, 0, 1));
    assertThat(crm.upsertCalls.subList(writes, crm.writeCalls()))
        .containsExactly(List.of(new EntityRef(EntityLevel.USER, "u007")));
    assertThat(crm.matchCalls.get()).isEqualTo(matches + 1);
    assertThat(crm.recordIds).containsKey("merged-u007@example.com");
    assertThat(reconcile().reconciliation()).isEqualTo(new Reconciliation(150, 0, 0));
  }

  @Test
  void aWeeklySyncReconcilesWhenTheLastReconciliationIsAWeekOld() {
    config = new ConfigLoader(plugins(), Map.<String, String>of()::get).parse(YAML.replace(
        "{ name: s, source: src, destination: crm }", "{ name: s, source: src, destination: crm, reconcile: weekly }")
        .formatted(dir.toString().replace("\\", "/")));
    assertThat(run().reconciliation()).isEqualTo(new Reconciliation(0, 0, 0));
    clock.advance(Duration.ofDays(6));
    assertThat(run().reconciliation()).isNull();
    assertThat(crm.readCalls).isEmpty();

    clock.advance(Duration.ofDays(1));
    RunSummary weekLater = run();

    assertThat(weekLater.reconciliation()).isEqualTo(new Reconciliation(150, 0, 0));
    java.util.Optional<ReconciliationDao.Row> ofRun = store.read(c -> new ReconciliationDao().ofRun(c, weekLater.runId()));
    assertThat(ofRun.map(ReconciliationDao.Row::checked)).contains(150);
    java.util.Optional<ReconciliationDao.Row> last = store.read(c -> new ReconciliationDao().last(c, "s"));
    assertThat(last.map(ReconciliationDao.Row::runId)).contains(weekLater.runId());
  }

  @Test
  void aSyncWithoutTheKeyNeverReconcilesOnItsOwn() {
    run();
    clock.advance(Duration.ofDays(400));
    assertThat(run().reconciliation()).isNull();
    assertThat(crm.readCalls).isEmpty();
  }
}
