package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.PqlFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the PQL user fields back for reconciliation through {@link Bitrix24ItemsById}. Enumeration item ids become
 * their codes again ({@link Bitrix24ReadBack}). An id not listed no longer exists (deleted, or merged away): gone.
 */
final class Bitrix24Reader {
  private static final List<String> SELECT = List.of(Bitrix24Fields.STATUS, Bitrix24Fields.SCORE,
      Bitrix24Fields.TYPE, Bitrix24Fields.REASONS, Bitrix24Fields.ACTIVATION_PCT, Bitrix24Fields.QUALIFIED_AT,
      Bitrix24Fields.EVALUATED_AT);

  private final Bitrix24ItemsById items;
  private final Bitrix24UserFields userFields;
  private final Bitrix24Config config;

  Bitrix24Reader(Bitrix24ItemsById items, Bitrix24UserFields userFields, Bitrix24Config config) {
    this.items = items;
    this.userFields = userFields;
    this.config = config;
  }

  Map<String, PqlFields> readFields(EntityLevel level, List<String> recordIds) {
    BitrixEntity entity = level == EntityLevel.USER ? config.userEntity() : config.accountEntity();
    Bitrix24ReadBack readBack = new Bitrix24ReadBack(userFields.enumIds(entity));
    Map<String, PqlFields> found = new HashMap<>();
    items.read(entity, recordIds, SELECT).forEach((id, item) -> found.put(id, readBack.fields(item)));
    return found;
  }
}
