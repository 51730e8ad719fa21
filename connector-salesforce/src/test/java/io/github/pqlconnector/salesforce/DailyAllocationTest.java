package io.github.pqlconnector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.salesforce.api.LimitInfo;
import org.junit.jupiter.api.Test;

/** The reserve: calls go out while they fit above it, a batch that would dig into it does not start. */
class DailyAllocationTest {
  @Test
  void headerIsReadWhateverElseItCarries() {
    assertThat(LimitInfo.parse("api-usage=10018/100000; per-app-api-usage=17/250(appName=pql)"))
        .contains(new LimitInfo(10_018, 100_000));
    assertThat(LimitInfo.parse("per-app-api-usage=17/250(appName=pql)")).isEmpty();
    assertThat(LimitInfo.parse(null)).isEmpty();
  }

  @Test
  void unknownAllocationLetsTheFirstCallFindOut() {
    assertThatCode(() -> new DailyAllocation(10).ensureAvailable(1_000)).doesNotThrowAnyException();
  }

  @Test
  void callsStopAtTheReserveAndABatchThatWouldCrossItDoesNotStart() {
    DailyAllocation daily = new DailyAllocation(10);
    daily.record(new LimitInfo(89_990, 100_000));
    assertThatCode(() -> daily.ensureAvailable(10)).doesNotThrowAnyException();
    assertThatThrownBy(() -> daily.ensureAvailable(11)).isInstanceOfSatisfying(VendorException.class,
        e -> assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED));
    daily.record(new LimitInfo(90_000, 100_000));
    assertThatThrownBy(daily::ensureAvailable).hasMessageContaining("90,000 of 100,000 requests used")
        .hasMessageContaining("10 % kept for the org's other integrations");
  }
}
