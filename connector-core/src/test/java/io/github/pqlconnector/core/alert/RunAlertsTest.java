package io.github.pqlconnector.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.StateException;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.sync.RunCounts;
import io.github.pqlconnector.core.sync.RunReport;
import io.github.pqlconnector.core.sync.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which alert a run's end raises: more than 5 % failed is partial; a spent quota is quota, anything else failed. */
class RunAlertsTest {
  @Test
  void partialFailureAboveFivePercentOfRecordsOrTasks() {
    assertThat(RunAlerts.partialFailure(run(95, 5, 0, 0), Instant.EPOCH)).isEmpty();
    assertThat(RunAlerts.partialFailure(run(94, 6, 0, 0), Instant.EPOCH)).hasValueSatisfying(a ->
        assertThat(a.title()).isEqualTo("Run 1 of s: 6 of 100 records (6.0 %) failed"));
    assertThat(RunAlerts.partialFailure(run(100, 0, 9, 1), Instant.EPOCH)).hasValueSatisfying(a ->
        assertThat(a.title()).isEqualTo("Run 1 of s: 1 of 10 tasks (10.0 %) failed"));
    assertThat(RunAlerts.partialFailure(run(0, 0, 0, 0), Instant.EPOCH)).isEmpty();
  }

  @Test
  void aSpentQuotaIsQuotaAndAnythingElseRunFailed() {
    VendorException quota = new VendorException("crm", ErrorCategory.QUOTA_EXHAUSTED, 429, "daily limit spent", null);
    assertThat(RunAlerts.failed("s", 4, new IllegalStateException("wrapped", quota), Instant.EPOCH).kind())
        .isEqualTo("quota");
    VendorException auth = new VendorException("crm", ErrorCategory.AUTH, 401, "token revoked", null);
    Alert failed = RunAlerts.failed("s", 4, auth, Instant.EPOCH);
    assertThat(failed.kind()).isEqualTo("run_failed");
    assertThat(failed.details()).containsExactly("crm: token revoked");
    assertThat(RunAlerts.failed("s", 5, new StateException("db gone", null), Instant.EPOCH).kind())
        .isEqualTo("run_failed");
  }

  @Test
  void aLimitThatHeldTheRunBackIsQuota() {
    assertThat(RunAlerts.limitsHit(run(10, 0, 0, 0), List.of(), Instant.EPOCH)).isEmpty();
    assertThat(RunAlerts.limitsHit(run(10, 0, 0, 0), List.of("method m waited"), Instant.EPOCH))
        .hasValueSatisfying(a -> {
          assertThat(a.kind()).isEqualTo("quota");
          assertThat(a.details()).containsExactly("method m waited");
        });
  }

  private static RunSummary run(int pushed, int failed, int tasksCreated, int tasksFailed) {
    RunCounts counts = new RunCounts(0, 0, 0, Map.of(), 0, 0, 0, pushed, failed, 0, 0, tasksCreated, tasksFailed,
        0, 0, 0, 0);
    return new RunSummary(1, "s", RunSummary.RunStatus.PARTIAL, counts,
        new RunReport(List.of(), List.of(), List.of(), List.of("user:u1: PERMISSION x y")));
  }
}
