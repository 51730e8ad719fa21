package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The user fields of {@link FakePortal} by {@code entity/FIELD_NAME}, with their enumeration items. */
final class FakeUserFields {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, JsonNode> fields = new ConcurrentHashMap<>();
  private final AtomicLong nextId;

  FakeUserFields(AtomicLong nextId) {
    this.nextId = nextId;
  }

  void clear() {
    fields.clear();
  }

  /** crm.&lt;entity&gt;.userfield.list filtered by FIELD_NAME: the field, if it exists. */
  JsonNode list(String entity, String name) {
    ArrayNode list = JSON.createArrayNode();
    JsonNode field = fields.get(entity + "/" + name);
    if (field != null) {
      list.add(field);
    }
    return list;
  }

  /** The code ({@code XML_ID}) of an enumeration item of {@code entity}'s field, or {@code item:<id>}. */
  String enumCode(String entity, String field, String itemId) {
    for (JsonNode item : fields.getOrDefault(entity + "/" + field, JSON.createObjectNode()).path("LIST")) {
      if (item.path("ID").asText().equals(itemId)) {
        return item.path("XML_ID").asText();
      }
    }
    return "item:" + itemId;
  }

  /** The item id of an enumeration code, or the code itself when the field has no such item. */
  String enumId(String entity, String field, String code) {
    for (JsonNode item : fields.getOrDefault(entity + "/" + field, JSON.createObjectNode()).path("LIST")) {
      if (item.path("XML_ID").asText().equals(code)) {
        return item.path("ID").asText();
      }
    }
    return code;
  }

  /** crm.&lt;entity&gt;.userfield.add: the field as the portal keeps it, {@code UF_CRM_} prefixed, items with ids. */
  void add(String entity, JsonNode spec) {
    String name = "UF_CRM_" + spec.path("FIELD_NAME").asText();
    ObjectNode field = JSON.createObjectNode().put("ID", Long.toString(nextId.incrementAndGet()))
        .put("FIELD_NAME", name).put("USER_TYPE_ID", spec.path("USER_TYPE_ID").asText());
    ArrayNode items = field.putArray("LIST");
    for (JsonNode item : spec.path("LIST")) {
      items.add(JSON.createObjectNode().put("ID", Long.toString(nextId.incrementAndGet()))
          .put("VALUE", item.path("VALUE").asText()).put("XML_ID", item.path("XML_ID").asText()));
    }
    fields.put(entity + "/" + name, field);
  }
}
