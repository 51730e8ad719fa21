package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.salesforce.api.LimitInfo;
import io.github.pqlconnector.salesforce.api.SalesforceErrors;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The org's rolling 24-hour API allocation as the last {@code Sforce-Limit-Info} header reported it, and the
 * reserve the connector leaves for the org's other integrations. Before each call, {@link #ensureAvailable()} stops
 * the run (QUOTA_EXHAUSTED, not retried) once the remaining requests are at or below the reserve; what is not written
 * stays in the outbox for the next run. A batch checks up front that all its write calls fit, so a run seldom stops
 * halfway through one (only when other integrations spend the allocation meanwhile: the batch's records then stay
 * queued and are written again, with the same values, by the next run). Thread-safe.
 */
final class DailyAllocation {
  private final int reservePercent;
  private final AtomicReference<LimitInfo> last = new AtomicReference<>();

  DailyAllocation(int reservePercent) {
    this.reservePercent = reservePercent;
  }

  void record(LimitInfo info) {
    last.set(info);
  }

  Optional<LimitInfo> last() {
    return Optional.ofNullable(last.get());
  }

  void ensureAvailable() {
    ensureAvailable(1);
  }

  /** Before work that takes {@code calls} requests: stops unless they all fit above the reserve. */
  void ensureAvailable(int calls) {
    LimitInfo info = last.get();
    if (info != null && info.remaining() - calls < reserve(info)) {
      throw new VendorException(SalesforceErrors.VENDOR, ErrorCategory.QUOTA_EXHAUSTED, 0, ("daily API allocation"
          + " down to the reserve: %,d of %,d requests used, %d %% kept for the org's other integrations"
          + " (limits.reservePercent); the rest stays queued and the next run continues").formatted(info.used(),
          info.max(), reservePercent), null);
    }
  }

  private long reserve(LimitInfo info) {
    return info.max() * reservePercent / 100;
  }
}
