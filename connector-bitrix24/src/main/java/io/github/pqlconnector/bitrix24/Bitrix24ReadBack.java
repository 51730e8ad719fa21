package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.spi.PqlFields;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The PQL fields of a {@code crm.item.list} item, and what Bitrix24 keeps of written ones. Enumerations come back as
 * item ids (number or string) and are mapped to their codes with the portal's {@link Bitrix24Fields.EnumIds}; an id
 * that is no item of ours reads as {@code item:<id>}, which no verdict has. Doubles come as numbers or strings,
 * datetimes as ISO 8601 in the portal's offset. Unreadable values read as ones no verdict has (drift).
 */
final class Bitrix24ReadBack {
  private final Map<String, String> statusById;
  private final Map<String, String> typeById;

  Bitrix24ReadBack(Bitrix24Fields.EnumIds ids) {
    this.statusById = reverse(ids.status());
    this.typeById = reverse(ids.type());
  }

  PqlFields fields(JsonNode item) {
    String reasons = text(item.path(Bitrix24Fields.REASONS));
    String type = enumCode(item.path(Bitrix24Fields.TYPE), typeById);
    Instant evaluatedAt = instant(item.path(Bitrix24Fields.EVALUATED_AT));
    return new PqlFields(enumCode(item.path(Bitrix24Fields.STATUS), statusById),
        (int) number(item.path(Bitrix24Fields.SCORE), -1), type.isEmpty() ? null : type,
        reasons.isBlank() ? List.of() : List.of(reasons.split("\\r?\\n")),
        number(item.path(Bitrix24Fields.ACTIVATION_PCT), Double.NaN), instant(item.path(Bitrix24Fields.QUALIFIED_AT)),
        evaluatedAt == null ? Instant.EPOCH : evaluatedAt);
  }

  /**
   * What the portal keeps of written fields: activation at the field's precision (1 decimal), datetimes to the
   * second, and no type when the type is none of the enumeration's items (written empty).
   */
  static PqlFields asStored(PqlFields written) {
    double activation = Double.isFinite(written.activationPct()) ? BigDecimal.valueOf(written.activationPct())
        .setScale(1, RoundingMode.HALF_UP).doubleValue() : written.activationPct();
    String type = written.type() != null && Bitrix24Fields.TYPES.contains(written.type()) ? written.type() : null;
    return new PqlFields(written.status(), written.score(), type, written.reasons(), activation,
        written.qualifiedAt() == null ? null : written.qualifiedAt().truncatedTo(ChronoUnit.SECONDS),
        written.evaluatedAt().truncatedTo(ChronoUnit.SECONDS));
  }

  private static String enumCode(JsonNode value, Map<String, String> byId) {
    String id = text(value);
    if (id.isEmpty() || id.equals("0")) {
      return "";
    }
    return byId.getOrDefault(id, "item:" + id);
  }

  private static String text(JsonNode value) {
    return value.isMissingNode() || value.isNull() ? "" : value.asText("").strip();
  }

  private static double number(JsonNode value, double unreadable) {
    String text = text(value);
    try {
      return text.isEmpty() ? 0 : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return unreadable;
    }
  }

  private static @Nullable Instant instant(JsonNode value) {
    String text = text(value);
    try {
      return text.isEmpty() ? null : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  private static Map<String, String> reverse(Map<String, String> codeToId) {
    Map<String, String> byId = new HashMap<>();
    codeToId.forEach((code, id) -> byId.put(id, code));
    return byId;
  }
}
