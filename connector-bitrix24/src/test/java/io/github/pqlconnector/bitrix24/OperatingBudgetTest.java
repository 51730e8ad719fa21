package io.github.pqlconnector.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.LongNode;
import io.github.pqlconnector.bitrix24.api.ResponseTime;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperatingBudgetTest {
  private final Bitrix24Stubs.FakeTime time = new Bitrix24Stubs.FakeTime();
  private final OperatingBudget budget = new OperatingBudget(480, time.clock, time);
  private final long resetIn100s = Bitrix24Stubs.NOW.getEpochSecond() + 100;

  @Test
  void belowEightyPercentNothingWaits() {
    budget.record("crm.item.update", new ResponseTime(384.0, LongNode.valueOf(resetIn100s)));
    assertThat(budget.pauseFor("crm.item.update")).isZero();
    assertThat(budget.pauseFor("crm.item.list")).as("another method").isZero();
  }

  @Test
  void aboveEightyPercentEachCallWaitsAGrowingShareOfTheTimeToTheReset() {
    budget.record("crm.item.update", new ResponseTime(432.0, LongNode.valueOf(resetIn100s)));
    assertThat(budget.pauseFor("crm.item.update")).isEqualTo(Duration.ofSeconds(50));
    budget.record("crm.item.update", new ResponseTime(480.0, LongNode.valueOf(resetIn100s)));
    assertThat(budget.pauseFor("crm.item.update")).isEqualTo(Duration.ofSeconds(100));
  }

  @Test
  void aBlockedMethodWaitsForItsLastKnownResetThenGoes() {
    budget.record("crm.item.update", new ResponseTime(10.0, LongNode.valueOf(resetIn100s)));
    budget.blocked("crm.item.update", null);

    budget.awaitTurn(Set.of("crm.item.list", "crm.item.update"));

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(100));
    assertThat(budget.pauseFor("crm.item.update")).isZero();
  }

  @Test
  void aBlockWithoutAnyKnownResetWaitsOneMinute() {
    budget.blocked("batch", null);
    assertThat(budget.pauseFor("batch")).isEqualTo(OperatingBudget.UNKNOWN_RESET);
  }

  @Test
  void eachBlockIsKeptForTheRunsQuotaAlert() {
    assertThat(budget.blocks()).isEmpty();
    budget.blocked("crm.item.update", null);
    assertThat(budget.blocks()).singleElement().asString()
        .startsWith("Bitrix24 method crm.item.update went over its operating-time budget (480 s per 10 minutes);"
            + " calls to it waited until ");
  }
}
