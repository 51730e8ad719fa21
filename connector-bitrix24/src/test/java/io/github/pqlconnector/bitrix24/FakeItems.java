package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The CRM items {@link FakePortal} holds once seeded: contacts by email, and the user-field values of every item
 * ({@code entityTypeId/id}) as written by {@code crm.item.update}, answered to {@code crm.item.list} by {@code @id}
 * the way the portal returns them (enumerations and numbers as numbers, datetimes in the portal's +03:00).
 */
final class FakeItems {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The PQL user fields a listed item carries. */
  static final List<String> FIELDS = List.of(Bitrix24Fields.STATUS, Bitrix24Fields.SCORE, Bitrix24Fields.TYPE,
      Bitrix24Fields.REASONS, Bitrix24Fields.ACTIVATION_PCT, Bitrix24Fields.QUALIFIED_AT, Bitrix24Fields.EVALUATED_AT);

  private final Map<String, Long> contacts = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> values = new ConcurrentHashMap<>();
  /** To-do id → owner item ({@code entityTypeId/id}). */
  final Map<Long, String> todoOwners = new ConcurrentHashMap<>();

  void clear() {
    contacts.clear();
    values.clear();
    todoOwners.clear();
  }

  boolean seeded() {
    return !contacts.isEmpty();
  }

  void contact(String email, long id) {
    contacts.put(email.toLowerCase(Locale.ROOT), id);
    values.put("3/" + id, new ConcurrentHashMap<>());
  }

  void company(long id) {
    values.put("4/" + id, new ConcurrentHashMap<>());
  }

  @Nullable Long contact(String email) {
    return contacts.get(email.toLowerCase(Locale.ROOT));
  }

  boolean has(String entityTypeId, String id) {
    return values.containsKey(entityTypeId + "/" + id);
  }

  /** The {@code fields[UF_…]} of an update command, stored as sent. */
  void write(String entityTypeId, String id, Map<String, String> params) {
    Map<String, String> held = values.computeIfAbsent(entityTypeId + "/" + id, k -> new ConcurrentHashMap<>());
    params.forEach((key, value) -> {
      if (key.startsWith("fields[UF_")) {
        held.put(key.substring(7, key.length() - 1), value);
      }
    });
  }

  /** The user-field values of one item, by field name (a copy). */
  Map<String, String> values(String item) {
    return new HashMap<>(values.getOrDefault(item, Map.of()));
  }

  void set(String item, String field, String value) {
    values.computeIfAbsent(item, k -> new ConcurrentHashMap<>()).put(field, value);
  }

  /** {@code {"items":[…]}} for the ids of a crm.item.list command that exist. */
  ObjectNode list(String entityTypeId, Collection<String> ids) {
    ObjectNode result = JSON.createObjectNode();
    ArrayNode items = result.putArray("items");
    for (String id : ids) {
      Map<String, String> held = values.get(entityTypeId + "/" + id);
      if (held == null) {
        continue;
      }
      ObjectNode item = items.addObject().put("id", Long.parseLong(id));
      for (String field : FIELDS) {
        item.set(field, portalValue(held.get(field)));
      }
    }
    return result;
  }

  private static com.fasterxml.jackson.databind.JsonNode portalValue(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return JSON.nullNode();
    }
    if (value.matches("-?\\d+(\\.\\d+)?")) {
      return JSON.getNodeFactory().numberNode(new java.math.BigDecimal(value));
    }
    try {
      return JSON.getNodeFactory().textNode(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(value)
          .withOffsetSameInstant(FakeCompanies.PORTAL_ZONE)));
    } catch (DateTimeParseException notADate) {
      return JSON.getNodeFactory().textNode(value);
    }
  }
}
