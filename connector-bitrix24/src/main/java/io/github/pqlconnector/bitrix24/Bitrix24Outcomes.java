package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.core.spi.OutcomeBatch;
import io.github.pqlconnector.core.spi.OutcomeReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who converted, read back from the portal when the config has {@code outcomes:}: won deals ({@link
 * Bitrix24DealOutcomes}) and, when asked, converted leads ({@link Bitrix24LeadOutcomes}), each from its own point of
 * the {@link OutcomeCursor}. Every call goes through the destination's {@link Bitrix24Calls}: the leaky bucket, the
 * operating-time gate, the breaker and the retry the writes use; a call that fails as a whole ends the read with its
 * {@link io.github.pqlconnector.core.error.VendorException} and the cursor stays where it was.
 */
final class Bitrix24Outcomes implements OutcomeReader {
  private static final Logger log = LoggerFactory.getLogger(Bitrix24Outcomes.class);

  /** One kind of conversion: its name in the cursor and how it is read. */
  private record Kind(String name, Reader reader) {}

  private interface Reader {
    Bitrix24ListPages.Read read(String since, OutcomeRows rows);
  }

  private final List<Kind> kinds = new ArrayList<>();

  Bitrix24Outcomes(Bitrix24Calls calls, Bitrix24Config config, Bitrix24Config.Outcomes outcomes) {
    if (outcomes.deals()) {
      kinds.add(new Kind(Bitrix24DealOutcomes.KIND,
          new Bitrix24DealOutcomes(calls, outcomes.categories(), config.userEntity())::read));
    }
    if (outcomes.convertedLeads()) {
      kinds.add(new Kind(Bitrix24LeadOutcomes.KIND, new Bitrix24LeadOutcomes(calls, config.userEntity())::read));
    }
  }

  @Override
  public OutcomeBatch read(@Nullable String cursor, Instant firstReadFrom) {
    OutcomeCursor at = OutcomeCursor.parse(cursor);
    OutcomeRows rows = new OutcomeRows();
    for (Kind kind : kinds) {
      String since = at.since(kind.name(), firstReadFrom);
      Bitrix24ListPages.Read read = kind.reader().read(since, rows);
      at = at.after(kind.name(), read.rows(), read.portalTime());
      log.info("Bitrix24 outcomes: {} {} modified since {}", read.rows().size(), kind.name(), since);
    }
    OutcomeBatch batch = rows.batch(at.text());
    if (batch.rejected() > 0) {
      log.warn("Bitrix24 outcomes: {} item(s) could not be read, e.g. {}", batch.rejected(),
          batch.rejectedSamples().get(0));
    }
    return batch;
  }
}
