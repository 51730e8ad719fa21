package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.FieldTraitReader;
import io.github.pqlconnector.core.spi.TraitReader;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The configured company and contact properties of matched records, read as traits ({@code traits:} in the config).
 * It is the reconciliation read ({@link HubSpotReader#readRecords}) with other properties, so ids HubSpot no longer has
 * (deleted, merged) are absent in the same way. HubSpot sends every value as a string; {@link ReadBack#text} evens
 * out numbers and booleans.
 */
final class HubSpotTraits extends FieldTraitReader {
  private final HubSpotReader reader;

  HubSpotTraits(HubSpotReader reader, CrmTraitFields fields) {
    super(fields);
    this.reader = reader;
  }

  @Override
  protected void readRecords(EntityLevel level, List<String> recordIds, List<String> properties,
      BiConsumer<String, Function<String, Optional<String>>> found) {
    reader.readRecords(level, recordIds, properties).forEach((id, record) ->
        found.accept(id, property -> ReadBack.text(record.property(property))));
  }

  /** The reader for {@code traits}, or none when the config has no {@code traits:} block. */
  static Optional<TraitReader> of(HubSpotCalls calls, @Nullable CrmTraitFields traits) {
    return Optional.ofNullable(traits).map(t -> new HubSpotTraits(new HubSpotReader(calls), t));
  }
}
