package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.bitrix24.api.UserFieldSpec;
import io.github.pqlconnector.core.spi.PqlFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The PQL user fields on Bitrix24 leads, contacts and companies: names, definitions for {@code pql setup} (labels in
 * English and Russian), and the values a {@link PqlFields} becomes in a {@code crm.item.*} command with {@code
 * useOriginalUfNames=Y}. Codes stay within 13 characters after {@code UF_CRM_} (20 in all), the shortest limit the
 * userfield docs state. Status and type are enumerations, written as the item ids the portal gave them ({@link
 * EnumIds}); a signal type that is not one of the items is left empty. Datetimes are ISO 8601 with offset.
 */
final class Bitrix24Fields {
  static final String PREFIX = "UF_CRM_";
  static final String STATUS = PREFIX + "PQL_STATUS";
  static final String SCORE = PREFIX + "PQL_SCORE";
  static final String TYPE = PREFIX + "PQL_TYPE";
  static final String REASONS = PREFIX + "PQL_REASONS";
  static final String ACTIVATION_PCT = PREFIX + "PQL_ACTIV_PCT";
  static final String QUALIFIED_AT = PREFIX + "PQL_QUALIFIED";
  static final String EVALUATED_AT = PREFIX + "PQL_EVALUATED";
  static final String DOMAIN = PREFIX + "PQL_DOMAIN";
  static final List<String> STATUSES = List.of("pql", "warm", "cold", "not_fit");
  static final List<String> TYPES = List.of("usage", "hand_raiser", "limit_reached", "engagement", "self_serve");
  private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  /** The enumeration item ids of status and type on one entity, by item code ({@code pql}, {@code usage}…). */
  record EnumIds(Map<String, String> status, Map<String, String> type) {
    EnumIds {
      status = Map.copyOf(status);
      type = Map.copyOf(type);
    }
  }

  private Bitrix24Fields() {}

  /** {@code fields[UF_CRM_PQL_STATUS]} → value, for every PQL field. */
  static Map<String, String> params(PqlFields fields, EnumIds ids) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(STATUS, ids.status().getOrDefault(fields.status(), ""));
    values.put(SCORE, Integer.toString(fields.score()));
    values.put(TYPE, fields.type() == null ? "" : ids.type().getOrDefault(fields.type(), ""));
    values.put(REASONS, fields.reasonsText());
    values.put(ACTIVATION_PCT, BigDecimal.valueOf(fields.activationPct()).stripTrailingZeros().toPlainString());
    values.put(QUALIFIED_AT, datetime(fields.qualifiedAt()));
    values.put(EVALUATED_AT, datetime(fields.evaluatedAt()));
    Map<String, String> params = new LinkedHashMap<>();
    values.forEach((name, value) -> params.put("fields[" + name + "]", value));
    return params;
  }

  /** The PQL fields of every written entity, as {@code pql setup} creates them. */
  static List<UserFieldSpec> recordFields() {
    return List.of(
        enumeration(STATUS, "PQL status", "Статус PQL", STATUSES, List.of("PQL", "Warm", "Cold", "Not a fit")),
        field(SCORE, "double", "PQL score", "Оценка PQL", Map.of("PRECISION", 0)),
        enumeration(TYPE, "PQL type", "Тип PQL", TYPES,
            List.of("Usage", "Hand-raiser", "Limit reached", "Engagement", "Self-serve")),
        field(REASONS, "string", "PQL reasons", "Причины PQL", Map.of("ROWS", 5)),
        field(ACTIVATION_PCT, "double", "PQL activation %", "Активация PQL, %", Map.of("PRECISION", 1)),
        field(QUALIFIED_AT, "datetime", "PQL qualified at", "PQL: квалифицирован", null),
        field(EVALUATED_AT, "datetime", "PQL evaluated at", "PQL: оценён", null));
  }

  /** The company field accounts are matched on, unless the config names another. */
  static UserFieldSpec domainField() {
    return field(DOMAIN, "string", "PQL account domain", "Домен аккаунта PQL", null);
  }

  private static UserFieldSpec field(String name, String type, String en, String ru,
      @Nullable Map<String, Object> settings) {
    Map<String, String> labels = Map.of("en", en, "ru", ru);
    return new UserFieldSpec(name.substring(PREFIX.length()), type, en, labels, labels, labels, "N", "N", "E",
        name, settings, null);
  }

  private static UserFieldSpec enumeration(String name, String en, String ru, List<String> codes, List<String> shown) {
    List<UserFieldSpec.EnumItem> items = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      items.add(new UserFieldSpec.EnumItem(shown.get(i), codes.get(i), (i + 1) * 10, "N"));
    }
    UserFieldSpec base = field(name, "enumeration", en, ru, Map.of("DISPLAY", "LIST"));
    return new UserFieldSpec(base.fieldName(), base.userTypeId(), base.label(), base.editFormLabel(),
        base.listColumnLabel(), base.listFilterLabel(), base.multiple(), base.mandatory(), base.showFilter(),
        base.xmlId(), base.settings(), items);
  }

  private static String datetime(@Nullable Instant instant) {
    return instant == null ? "" : DATETIME.format(instant.atOffset(ZoneOffset.UTC));
  }
}
