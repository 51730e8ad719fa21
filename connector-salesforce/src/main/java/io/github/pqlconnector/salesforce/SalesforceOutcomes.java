package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.spi.OutcomeBatch;
import io.github.pqlconnector.core.spi.OutcomeReader;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Who converted in Salesforce, for the closed loop: won opportunities ({@link WonOpportunities}) and converted leads
 * ({@link ConvertedLeads}), as {@code outcomes} configures, each read with SOQL from its own cursor ({@link
 * OutcomeCursor}) less {@link #LOOKBACK}, so a record saved at the boundary of the last read is not missed (read
 * twice, it replaces itself). Every call goes through the destination's guarded {@link SalesforceCalls}: limiter,
 * breaker, retry and the daily reserve, as the writes do; a call that fails throws their {@code VendorException}.
 * A record that cannot be read (a won opportunity without a CloseDate) is rejected and the rest are read.
 */
final class SalesforceOutcomes implements OutcomeReader {
  /** How far back of the cursor each read starts: a save can commit after the SystemModstamp it was given. */
  static final Duration LOOKBACK = Duration.ofMinutes(2);

  private final SalesforceCalls calls;
  private final SalesforceConfig.Outcomes config;

  SalesforceOutcomes(SalesforceCalls calls, SalesforceConfig.Outcomes config) {
    this.calls = calls;
    this.config = config;
  }

  @Override
  public OutcomeBatch read(@Nullable String cursor, Instant firstReadFrom) {
    OutcomeCursor from = OutcomeCursor.parse(cursor, firstReadFrom);
    OutcomeRows rows = new OutcomeRows();
    Instant opportunities = from.opportunities();
    if (config.opportunities()) {
      opportunities = new WonOpportunities(calls, rows, opportunities).read(opportunities.minus(LOOKBACK));
    }
    Instant leads = from.leads();
    if (config.convertedLeads()) {
      leads = new ConvertedLeads(calls, rows, leads).read(leads.minus(LOOKBACK));
    }
    return rows.batch(new OutcomeCursor(opportunities, leads).text());
  }
}
