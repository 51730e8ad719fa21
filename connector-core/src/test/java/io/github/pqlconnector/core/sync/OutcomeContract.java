package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.Outcome;
import io.github.pqlconnector.core.spi.OutcomeBatch;
import io.github.pqlconnector.core.state.OutcomeDao;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Outcomes read back from the destination on every run: joined to the entity the connector wrote to the record,
 * kept waiting for a record it has not written yet, read from the cursor the last read left, and a failed read is a
 * line of the run report, never the run's failure.
 */
abstract class OutcomeContract extends SyncFixture {
  private final List<String> cursorsAsked = new CopyOnWriteArrayList<>();
  private final List<Instant> fromAsked = new CopyOnWriteArrayList<>();
  private volatile List<Outcome> next = List.of();

  private void readOutcomesFromTheCrm() {
    crm.outcomeReader = (cursor, from) -> {
      cursorsAsked.add(String.valueOf(cursor));
      fromAsked.add(from);
      return OutcomeBatch.of(next, "page-" + cursorsAsked.size());
    };
  }

  @Test
  void aRunReadsOutcomesAndJoinsThemToTheEntitiesWrittenToTheirRecords() {
    readOutcomesFromTheCrm();
    Instant won = NOW.minus(Duration.ofDays(3));
    next = List.of(Outcome.ofRecord("deal 1", EntityLevel.USER, "crm-u001@example.com", won, 1200.0),
        Outcome.ofRecord("deal 2", EntityLevel.USER, "crm-stranger@example.com", won, null));

    RunSummary first = run();

    assertThat(first.report().destinationNotes()).contains("outcomes: read 2 conversions; 1 joined to entities, 1 not"
        + " yet (their records were not written by the connector)");
    assertThat(converted()).containsExactly(new OutcomeDao.Converted(EntityRef.user("u001"), "deal 1", won, 1200.0));
    assertThat(cursorsAsked).containsExactly("null");
    assertThat(fromAsked).containsExactly(NOW.minus(Duration.ofDays(400)));

    next = List.of();
    clock.advance(Duration.ofHours(1));
    run();
    assertThat(cursorsAsked).as("the next read starts where the last one stopped").containsExactly("null", "page-1");
  }

  @Test
  void anOutcomeWhoseRecordIsWrittenLaterIsJoinedThen() {
    data.user("u200", "late@example.com", "a1").events("message_sent", 12, "u200", null, NOW);
    crm.missingKeys.add("late@example.com");
    readOutcomesFromTheCrm();
    next = List.of(Outcome.ofRecord("lead 9", EntityLevel.USER, "crm-late@example.com", NOW, null));
    run();
    assertThat(converted()).isEmpty();

    crm.missingKeys.clear();
    next = List.of();
    clock.advance(Duration.ofDays(2));    // past the re-check of records not found
    run();

    assertThat(converted()).extracting(OutcomeDao.Converted::entity).containsExactly(EntityRef.user("u200"));
  }

  @Test
  void aFailedReadIsALineOfTheReportAndTheCursorStays() {
    readOutcomesFromTheCrm();
    run();
    crm.outcomeReader = (cursor, from) -> {
      throw new VendorException("recording", ErrorCategory.TRANSIENT, 503, "CrmApi.deals: HTTP 503 TRANSIENT", null);
    };
    clock.advance(Duration.ofHours(1));
    RunSummary failedRead = run();

    assertThat(failedRead.status()).isEqualTo(RunSummary.RunStatus.SUCCESS);
    assertThat(failedRead.report().destinationNotes()).containsExactly("outcomes not read (tried again next run):"
        + " recording: CrmApi.deals: HTTP 503 TRANSIENT");
    Optional<String> cursor = store.read(c -> new OutcomeDao().cursor(c, "s"));
    assertThat(cursor).contains("page-1");
  }

  private List<OutcomeDao.Converted> converted() {
    List<OutcomeDao.Converted> all = new ArrayList<>();
    store.read(c -> {
      new OutcomeDao().converted(c, "s", all::add);
      return null;
    });
    return all;
  }
}
