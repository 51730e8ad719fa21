package io.github.pqlconnector.hubspot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the fake HubSpot account holds, and HubSpot's CRM v3 answers over it: contacts (by email), companies (by
 * domain) and tasks (by the unique {@code pql_task_key}, associated with a contact or a company). Property values
 * are stored as HubSpot stores them: numbers normalised ({@code "40.0"} is {@code 40}), datetimes as instants read
 * back as ISO 8601, {@code ""} clears a property. Not thread-safe: {@link HubSpotFake} serialises the calls.
 */
final class HubSpotFakeCrm {
  static final String CONTACTS = "contacts";
  static final String COMPANIES = "companies";
  static final String TASKS = "tasks";
  static final String TASK_KEY = "pql_task_key";
  static final String OWNER = "hubspot_owner_id";
  static final Set<String> NUMBERS = Set.of("pql_score", "pql_activation_pct");
  static final Set<String> DATETIMES = Set.of("pql_qualified_at", "pql_evaluated_at", "hs_timestamp");
  static final Set<String> STATUSES = Set.of("pql", "warm", "cold", "not_fit");
  static final int TASK_TO_COMPANY = 192;
  static final int TASK_TO_CONTACT = 204;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CREATED_AT = "2025-03-01T12:00:00Z";

  /** One HubSpot object: its id, its match value (email, domain or task key) and its properties. */
  record StoredObject(String id, String matchValue, Map<String, String> properties, List<String> associatedIds) {}

  private final Map<String, Map<String, StoredObject>> byType = new HashMap<>();
  /** Type → lower-cased match value → object: finding one of 10,000 contacts by email must not scan them all. */
  private final Map<String, Map<String, StoredObject>> byMatchValue = new HashMap<>();
  private long nextId = 1000;

  void clear() {
    byType.clear();
    byMatchValue.clear();
    nextId = 1000;
  }

  StoredObject add(String type, String matchProperty, String matchValue, Map<String, String> properties,
      List<String> associatedIds) {
    String id = Long.toString(++nextId);
    Map<String, String> stored = new LinkedHashMap<>(properties);
    stored.put(matchProperty, matchValue);
    StoredObject object = new StoredObject(id, matchValue, stored, List.copyOf(associatedIds));
    objects(type).put(id, object);
    byMatchValue.computeIfAbsent(type, t -> new HashMap<>()).putIfAbsent(matchValue.toLowerCase(Locale.ROOT), object);
    return object;
  }

  Map<String, StoredObject> objects(String type) {
    return byType.computeIfAbsent(type, t -> new LinkedHashMap<>());
  }

  StoredObject byId(String type, String id) {
    return objects(type).get(id);
  }

  /** The first object whose property has this value, ignoring case: from the index when it holds it, else a scan. */
  StoredObject byProperty(String type, String property, String value) {
    StoredObject indexed = byMatchValue.getOrDefault(type, Map.of()).get(value.toLowerCase(Locale.ROOT));
    if (indexed != null && value.equalsIgnoreCase(indexed.properties().getOrDefault(property, ""))) {
      return indexed;
    }
    return objects(type).values().stream()
        .filter(o -> value.equalsIgnoreCase(o.properties().getOrDefault(property, ""))).findFirst().orElse(null);
  }

  /** {@code batch/read}, by record id or by a unique {@code idProperty}: 200, or 207 naming the ids not found. */
  Answer batchRead(String type, JsonNode body) {
    String idProperty = body.path("idProperty").asText("");
    List<String> properties = strings(body.path("properties"));
    ArrayNode results = JSON.createArrayNode();
    List<String> missing = new ArrayList<>();
    for (JsonNode input : body.path("inputs")) {
      String id = input.path("id").asText();
      StoredObject found = idProperty.isEmpty() ? byId(type, id) : byProperty(type, idProperty, id);
      if (found == null) {
        missing.add(id);
      } else {
        results.add(json(found, properties));
      }
    }
    ObjectNode answer = batch(results);
    if (missing.isEmpty()) {
      return new Answer(200, answer);
    }
    ObjectNode error = errors(answer).addObject().put("status", "error").put("category", "OBJECT_NOT_FOUND")
        .put("message", "Could not get some " + type.toUpperCase(Locale.ROOT)
            + " objects, they may be deleted or not exist. Check that ids are valid.");
    ArrayNode ids = error.putObject("context").putArray("ids");
    missing.forEach(ids::add);
    answer.put("numErrors", 1);
    return new Answer(207, answer);
  }

  /** {@code search} with one {@code IN} (or {@code EQ}) filter on one property, paged by {@code after}. */
  Answer search(String type, JsonNode body) {
    JsonNode filter = body.path("filterGroups").path(0).path("filters").path(0);
    String property = filter.path("propertyName").asText();
    List<String> values = filter.has("values") ? strings(filter.path("values")) : List.of(filter.path("value").asText());
    List<StoredObject> hits = objects(type).values().stream().filter(o -> values.stream()
        .anyMatch(v -> v.equalsIgnoreCase(o.properties().getOrDefault(property, "")))).toList();
    int limit = body.path("limit").asInt(10);
    int from = body.path("after").asInt(0);
    ArrayNode results = JSON.createArrayNode();
    List<String> properties = strings(body.path("properties"));
    hits.stream().skip(from).limit(limit).forEach(o -> results.add(json(o, properties)));
    ObjectNode answer = JSON.createObjectNode().put("total", hits.size());
    answer.set("results", results);
    if (from + limit < hits.size()) {
      String after = Integer.toString(from + limit);
      answer.putObject("paging").putObject("next").put("after", after).put("link", "?after=" + after);
    }
    return new Answer(200, answer);
  }

  /** {@code batch/update} by record id; inputs {@code refused} says no to, or with invalid values, fail in a 207. */
  Answer batchUpdate(String type, JsonNode body, Predicate<StoredObject> refused) {
    ArrayNode results = JSON.createArrayNode();
    ObjectNode answer = batch(results);
    for (JsonNode input : body.path("inputs")) {
      String trace = input.path("objectWriteTraceId").asText(null);
      StoredObject target = byId(type, input.path("id").asText());
      String invalid = target == null ? null : invalid(input.path("properties"));
      if (target == null) {
        inputError(answer, "OBJECT_NOT_FOUND", "Object not found.  objectId are usually numeric.", input, trace);
      } else if (refused.test(target)) {
        inputError(answer, "VALIDATION_ERROR", "Property values were not valid: [{\"isValid\":false,"
            + "\"message\":\"Blocked by a validation rule\",\"error\":\"VALIDATION_RULE\",\"name\":\"pql_status\"}]",
            input, trace);
      } else if (invalid != null) {
        inputError(answer, "VALIDATION_ERROR", invalid, input, trace);
      } else {
        input.path("properties").fields().forEachRemaining(e -> store(target, e.getKey(), e.getValue().asText()));
        ObjectNode result = json(target, List.copyOf(target.properties().keySet()));
        if (trace != null) {
          result.put("objectWriteTraceId", trace);
        }
        results.add(result);
      }
    }
    return new Answer(answer.has("errors") ? 207 : 200, answer);
  }

  /** Stores one written value as HubSpot would: {@code ""} clears, numbers normalised, datetimes as instants. */
  void store(StoredObject target, String property, String value) {
    if (value.isEmpty()) {
      target.properties().remove(property);
    } else if (NUMBERS.contains(property)) {
      target.properties().put(property, new BigDecimal(value).stripTrailingZeros().toPlainString());
    } else if (DATETIMES.contains(property)) {
      target.properties().put(property, instant(value).toString());
    } else {
      target.properties().put(property, value);
    }
  }

  /** Why HubSpot would refuse these values, or null. */
  static String invalid(JsonNode properties) {
    String status = properties.path("pql_status").asText("");
    if (!status.isEmpty() && !STATUSES.contains(status)) {
      return "Property values were not valid: " + status + " was not one of the allowed options";
    }
    for (String number : NUMBERS) {
      String value = properties.path(number).asText("");
      try {
        if (!value.isEmpty()) {
          new BigDecimal(value);
        }
      } catch (NumberFormatException e) {
        return "Property values were not valid: " + value + " is not a valid number for " + number;
      }
    }
    return null;
  }

  static Instant instant(String value) {
    return value.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(value))
        : Instant.parse(value);
  }

  static void inputError(ObjectNode answer, String category, String message, JsonNode input, String trace) {
    ObjectNode error = errors(answer).addObject().put("status", "error").put("category", category)
        .put("message", message);
    ObjectNode context = error.putObject("context");
    if (trace != null) {
      context.putArray("objectWriteTraceId").add(trace);
    } else if (input.has("id")) {
      context.putArray("ids").add(input.path("id").asText());
    }
    error.putArray("errors");
    error.putObject("links");
    answer.put("numErrors", answer.path("errors").size());
  }

  static ObjectNode batch(ArrayNode results) {
    ObjectNode batch = JSON.createObjectNode().put("status", "COMPLETE");
    batch.set("results", results);
    batch.put("startedAt", Instant.now().toString()).put("completedAt", Instant.now().toString());
    return batch;
  }

  static ArrayNode errors(ObjectNode answer) {
    return answer.has("errors") ? (ArrayNode) answer.get("errors") : answer.putArray("errors");
  }

  /** The object as HubSpot returns it: the asked properties (null when unset) and {@code hs_object_id}. */
  static ObjectNode json(StoredObject object, List<String> properties) {
    ObjectNode node = JSON.createObjectNode().put("id", object.id());
    ObjectNode values = node.putObject("properties");
    properties.forEach(p -> values.put(p, object.properties().get(p)));
    values.put("hs_object_id", object.id()).put("createdate", CREATED_AT);
    node.put("createdAt", CREATED_AT).put("updatedAt", CREATED_AT).put("archived", false);
    return node;
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  /** An HTTP status and JSON body. */
  record Answer(int status, JsonNode body) {}
}
