package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.EntityLevel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A {@link TraitReader} for a CRM that reads named fields of records by id: the destination says how it reads
 * records and one field's text; the mapping back to trait names, empty values and levels without fields are here.
 */
public abstract class FieldTraitReader implements TraitReader {
  private final CrmTraitFields fields;

  protected FieldTraitReader(CrmTraitFields fields) {
    this.fields = fields;
  }

  @Override
  public final CrmTraitFields fields() {
    return fields;
  }

  @Override
  public final Map<String, Map<String, String>> read(EntityLevel level, List<String> recordIds) {
    Map<String, Map<String, String>> found = new HashMap<>();
    if (!fields.of(level).isEmpty() && !recordIds.isEmpty()) {
      readRecords(level, recordIds, fields.fieldsToRead(level),
          (id, valueOf) -> found.put(id, fields.traitsOf(level, valueOf)));
    }
    return found;
  }

  /**
   * Reads {@code fieldNames} of the records {@code recordIds} of {@code level} and hands each record found to {@code
   * found} with how to read one of its fields as text (empty when it has no value); a record the CRM no longer has
   * is not handed on.
   */
  protected abstract void readRecords(EntityLevel level, List<String> recordIds, List<String> fieldNames,
      BiConsumer<String, Function<String, Optional<String>>> found);
}
