package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.bitrix24.api.BatchCommand;
import io.github.pqlconnector.bitrix24.api.BatchResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads user-field definitions with {@code crm.<entity>.userfield.list} filtered by {@code FIELD_NAME} (exact match,
 * per the docs), all of them in one {@code batch}. Also the cache of status and type enumeration item ids per entity
 * that writes need, read once per destination.
 */
final class Bitrix24UserFields {
  /** A field as the portal has it: its type, and for an enumeration its item ids by code. */
  record Existing(String name, String type, Map<String, String> itemIds) {}

  private final Bitrix24Calls calls;
  private final Map<BitrixEntity, Bitrix24Fields.EnumIds> enumIds = new ConcurrentHashMap<>();

  Bitrix24UserFields(Bitrix24Calls calls) {
    this.calls = calls;
  }

  /** The existing fields among {@code names} on each entity; a name missing from an entity's map does not exist. */
  Map<BitrixEntity, Map<String, Existing>> read(Map<BitrixEntity, List<String>> names) {
    List<BatchCommand> commands = new ArrayList<>();
    names.forEach((entity, list) -> list.forEach(name -> commands.add(new BatchCommand(key(entity, name),
        "crm." + entity.lower() + ".userfield.list", Map.of("filter[FIELD_NAME]", name)))));
    Bitrix24Calls.BatchResults answers = calls.batch(commands);
    Map<BitrixEntity, Map<String, Existing>> found = new HashMap<>();
    names.forEach((entity, list) -> {
      Map<String, Existing> fields = found.computeIfAbsent(entity, e -> new HashMap<>());
      for (String name : list) {
        String key = key(entity, name);
        BatchResponse.CommandError error = answers.errors().get(key);
        if (error != null) {
          throw calls.failure(error, "crm." + entity.lower() + ".userfield.list");
        }
        first(answers.results().get(key)).ifPresent(node -> fields.put(name, existing(node)));
      }
    });
    return found;
  }

  /** The status and type item ids on {@code entity}, read on first use. */
  Bitrix24Fields.EnumIds enumIds(BitrixEntity entity) {
    return enumIds.computeIfAbsent(entity, e -> {
      Map<String, Existing> fields = read(Map.of(e, List.of(Bitrix24Fields.STATUS, Bitrix24Fields.TYPE))).get(e);
      return new Bitrix24Fields.EnumIds(ids(fields.get(Bitrix24Fields.STATUS)), ids(fields.get(Bitrix24Fields.TYPE)));
    });
  }

  private static Map<String, String> ids(Existing field) {
    return field == null ? Map.of() : field.itemIds();
  }

  private static Optional<JsonNode> first(JsonNode result) {
    return result != null && result.isArray() && !result.isEmpty() ? Optional.of(result.get(0)) : Optional.empty();
  }

  private static Existing existing(JsonNode node) {
    Map<String, String> items = new HashMap<>();
    for (JsonNode item : node.path("LIST")) {
      String xmlId = item.path("XML_ID").asText("");
      String code = xmlId.isEmpty() ? item.path("VALUE").asText("").toLowerCase(Locale.ROOT) : xmlId;
      items.put(code, item.path("ID").asText());
    }
    return new Existing(node.path("FIELD_NAME").asText(), node.path("USER_TYPE_ID").asText(), items);
  }

  private static String key(BitrixEntity entity, String name) {
    return entity.lower() + "_" + name;
  }
}
