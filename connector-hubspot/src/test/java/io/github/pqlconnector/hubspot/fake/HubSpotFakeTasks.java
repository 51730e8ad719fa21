package io.github.pqlconnector.hubspot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pqlconnector.hubspot.fake.HubSpotFakeCrm.Answer;
import io.github.pqlconnector.hubspot.fake.HubSpotFakeCrm.StoredObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST tasks/batch/create} as HubSpot answers it: each input needs a known owner, an association (192 to a
 * company, 204 to a contact) to a record that exists, and a {@code pql_task_key} no task holds yet (the property is
 * unique, so a second one is a {@code CONFLICT}). With a unique {@code objectWriteTraceId} per input a failure is one
 * entry of a 207; without, the whole batch is a 400, as HubSpot documents.
 */
final class HubSpotFakeTasks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HubSpotFakeCrm crm;
  private final Set<String> owners;

  HubSpotFakeTasks(HubSpotFakeCrm crm, Set<String> owners) {
    this.crm = crm;
    this.owners = owners;
  }

  Answer create(JsonNode body) {
    ArrayNode results = JSON.createArrayNode();
    ObjectNode answer = HubSpotFakeCrm.batch(results);
    boolean traced = traced(body.path("inputs"));
    for (JsonNode input : body.path("inputs")) {
      String trace = traced ? input.path("objectWriteTraceId").asText() : null;
      String problem = problem(input);
      if (problem != null && !traced) {
        return wholeBatch(problem);
      }
      if (problem != null) {
        String category = problem.startsWith("A task with") ? "CONFLICT" : "VALIDATION_ERROR";
        HubSpotFakeCrm.inputError(answer, category, problem, input, trace);
        continue;
      }
      Map<String, String> properties = new LinkedHashMap<>();
      input.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
      String key = properties.remove(HubSpotFakeCrm.TASK_KEY);
      StoredObject task = crm.add(HubSpotFakeCrm.TASKS, HubSpotFakeCrm.TASK_KEY, key, Map.of(),
          List.of(target(input)));
      properties.forEach((name, value) -> crm.store(task, name, value));
      ObjectNode result = HubSpotFakeCrm.json(task, List.copyOf(task.properties().keySet()));
      if (trace != null) {
        result.put("objectWriteTraceId", trace);
      }
      results.add(result);
    }
    return new Answer(answer.has("errors") ? 207 : 201, answer);
  }

  /** How many tasks each record (by match value) is associated with. */
  Map<String, Integer> perRecord() {
    Map<String, Integer> counts = new HashMap<>();
    for (StoredObject task : crm.objects(HubSpotFakeCrm.TASKS).values()) {
      for (String target : task.associatedIds()) {
        StoredObject record = record(target);
        if (record != null) {
          counts.merge(record.matchValue(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private StoredObject record(String associated) {
    String[] parts = associated.split(":", 2);
    return crm.byId(parts[0], parts[1]);
  }

  private String problem(JsonNode input) {
    String key = input.path("properties").path(HubSpotFakeCrm.TASK_KEY).asText("");
    String owner = input.path("properties").path(HubSpotFakeCrm.OWNER).asText("");
    if (key.isEmpty()) {
      return "Property values were not valid: pql_task_key is required";
    }
    if (crm.byProperty(HubSpotFakeCrm.TASKS, HubSpotFakeCrm.TASK_KEY, key) != null) {
      return "A task with this pql_task_key already exists";
    }
    if (!owner.isEmpty() && !owners.contains(owner)) {
      return "Property values were not valid: " + owner + " is not a valid owner id";
    }
    String target = target(input);
    return target == null || record(target) == null
        ? "One or more associations are invalid: the associated record does not exist" : null;
  }

  /** {@code contacts:<id>} or {@code companies:<id>} from the input's one association; null when unreadable. */
  private static String target(JsonNode input) {
    JsonNode association = input.path("associations").path(0);
    int type = association.path("types").path(0).path("associationTypeId").asInt();
    String id = association.path("to").path("id").asText("");
    if (id.isEmpty()) {
      return null;
    }
    return type == HubSpotFakeCrm.TASK_TO_CONTACT ? HubSpotFakeCrm.CONTACTS + ":" + id
        : type == HubSpotFakeCrm.TASK_TO_COMPANY ? HubSpotFakeCrm.COMPANIES + ":" + id : null;
  }

  private static boolean traced(JsonNode inputs) {
    List<String> traces = new ArrayList<>();
    inputs.forEach(i -> traces.add(i.path("objectWriteTraceId").asText("")));
    return traces.stream().noneMatch(String::isEmpty) && traces.stream().distinct().count() == traces.size();
  }

  private static Answer wholeBatch(String problem) {
    ObjectNode error = JSON.createObjectNode().put("status", "error").put("message", problem)
        .put("correlationId", "00000000-0000-4000-8000-000000000400")
        .put("category", problem.startsWith("A task with") ? "CONFLICT" : "VALIDATION_ERROR");
    return new Answer(problem.startsWith("A task with") ? 409 : 400, error);
  }
}
