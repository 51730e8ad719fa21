package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.FieldTraitReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code traits:} fields of companies (accounts) and contacts or leads (users), read with {@link Bitrix24ItemsById}
 * as reconciliation reads the PQL fields. crm.item.list answers standard fields in camelCase ({@code employees},
 * {@code industry}, {@code revenue}) and, with {@code useOriginalUfNames=Y}, user fields as {@code UF_CRM_…}
 * (object-fields.md). Values as text: numbers plain (120, not 120.0), booleans ({@code Y}/{@code N}) true/false,
 * multiple values (arrays, multifield-like {@code {value: …}} objects) joined with ", "; empty ones are left out.
 */
final class Bitrix24Traits extends FieldTraitReader {
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

  private final Bitrix24ItemsById items;
  private final Bitrix24Config config;

  Bitrix24Traits(Bitrix24ItemsById items, Bitrix24Config config, CrmTraitFields fields) {
    super(fields);
    this.items = items;
    this.config = config;
  }

  @Override
  protected void readRecords(EntityLevel level, List<String> recordIds, List<String> fieldNames,
      BiConsumer<String, Function<String, Optional<String>>> found) {
    BitrixEntity entity = level == EntityLevel.USER ? config.userEntity() : config.accountEntity();
    items.read(entity, recordIds, fieldNames).forEach((id, item) ->
        found.accept(id, field -> Optional.of(text(item.path(field)))));
  }

  /** One value as text; "" when empty, so it is left out. */
  static String text(JsonNode value) {
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(element -> {
        String part = text(element);
        if (!part.isEmpty()) {
          parts.add(part);
        }
      });
      return String.join(", ", parts);
    }
    if (value.isObject()) {
      return text(value.path("value"));   // a multifield entry {id, typeId, valueType, value}
    }
    if (value.isNumber()) {
      return plain(value.decimalValue());
    }
    if (value.isBoolean()) {
      return Boolean.toString(value.booleanValue());
    }
    return scalar(value.isTextual() ? value.textValue().strip() : "");
  }

  /** Bitrix24 booleans are "Y"/"N"; doubles often come as strings ("1500000.00"). */
  private static String scalar(String text) {
    return switch (text) {
      case "Y" -> "true";
      case "N" -> "false";
      default -> DECIMAL.matcher(text).matches() ? plain(new BigDecimal(text)) : text;
    };
  }

  private static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
