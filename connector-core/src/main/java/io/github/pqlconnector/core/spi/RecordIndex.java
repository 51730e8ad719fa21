package io.github.pqlconnector.core.spi;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A destination's own look-up table, kept between runs: which CRM records hold which match keys (a key may be held by
 * several records, a record may hold several keys), and a watermark string saying up to where the destination has read
 * the CRM (its meaning is the destination's; core only stores it). Built for CRMs whose API cannot find records by a
 * normalised key, so the destination reads them once and then only what changed. Implementations are thread-safe; each
 * method is one transaction.
 */
public interface RecordIndex {
  /** For each of {@code keys} that some record holds, the ids of the records holding it (in no promised order). */
  Map<String, List<String>> lookup(Collection<String> keys);

  /**
   * Makes every record in the update hold exactly its listed keys (an empty set drops the record), drops everything
   * first when it is a rebuild, and stores the watermark when it has one, all at once.
   */
  void apply(IndexUpdate update);

  /** Forgets a record, e.g. one the CRM answered "not found" for. */
  void remove(String recordId);

  Optional<String> watermark();

  /** How many records the index holds and up to {@code sample} keys that several records share. */
  IndexSummary summary(int sample);
}
