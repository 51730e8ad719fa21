package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.EntityLevel;
import java.util.List;
import java.util.Map;

/**
 * A destination's optional capability (see {@link CrmDestination#traitReader()}) to read the configured CRM fields of
 * the records it matched, as traits: firmographics that live in the CRM rather than in the product analytics. Core
 * asks only for records the connector has written (it knows their ids), caches the values in the state store and
 * asks again after {@link CrmTraitFields#refresh()}. Reads go through the destination's limiter, breaker and retry.
 */
public interface TraitReader {
  /** What is read: trait name → CRM field, per level, and the refresh interval. */
  CrmTraitFields fields();

  /**
   * The configured fields of {@code recordIds} (at most {@link CrmDestination#readBatchSize()} per call), by record
   * id: trait name → value as text, empty fields left out. A record the CRM no longer has is absent. A call that
   * fails as a whole throws {@link io.github.pqlconnector.core.error.VendorException}.
   */
  Map<String, Map<String, String>> read(EntityLevel level, List<String> recordIds);
}
