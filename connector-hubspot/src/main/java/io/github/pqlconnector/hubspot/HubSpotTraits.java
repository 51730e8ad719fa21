package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.TraitReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The configured company and contact properties of matched records, read as traits ({@code traits:} in the config).
 * It is the reconciliation read ({@link HubSpotReader#readRecords}) with other properties, so ids HubSpot no longer has
 * (deleted, merged) are absent in the same way. HubSpot sends every value as a string; {@link ReadBack#text} evens
 * out numbers and booleans.
 */
final class HubSpotTraits implements TraitReader {
  private final HubSpotReader reader;
  private final CrmTraitFields fields;

  HubSpotTraits(HubSpotReader reader, CrmTraitFields fields) {
    this.reader = reader;
    this.fields = fields;
  }

  @Override
  public CrmTraitFields fields() {
    return fields;
  }

  @Override
  public Map<String, Map<String, String>> read(EntityLevel level, List<String> recordIds) {
    Map<String, String> traits = fields.of(level);
    if (traits.isEmpty() || recordIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<String, String>> found = new HashMap<>();
    reader.readRecords(level, recordIds, fields.fieldsToRead(level)).forEach((id, record) ->
        found.put(id, fields.traitsOf(level, property -> ReadBack.text(record.property(property)))));
    return found;
  }

  /** The reader for {@code traits}, or none when the config has no {@code traits:} block. */
  static Optional<TraitReader> of(HubSpotCalls calls, @Nullable CrmTraitFields traits) {
    return Optional.ofNullable(traits).map(t -> new HubSpotTraits(new HubSpotReader(calls), t));
  }
}
