package io.github.pqlconnector.hubspot.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pqlconnector.hubspot.fake.HubSpotFakeCrm.Answer;
import java.util.Map;

/**
 * Property definitions of the fake account, as after {@code pql setup}: the PQL properties on contacts and
 * companies, the unique {@code pql_task_key} on tasks, and HubSpot's own {@code email} (unique) and {@code domain}
 * (not unique). Anything else is a 404.
 */
final class HubSpotFakeProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String[]> RECORD = Map.of(
      "pql_status", new String[] {"enumeration", "select"}, "pql_score", new String[] {"number", "number"},
      "pql_type", new String[] {"string", "text"}, "pql_reasons", new String[] {"string", "textarea"},
      "pql_activation_pct", new String[] {"number", "number"},
      "pql_qualified_at", new String[] {"datetime", "date"}, "pql_evaluated_at", new String[] {"datetime", "date"});

  private HubSpotFakeProperties() {}

  static Answer read(String objectType, String name) {
    boolean record = objectType.equals(HubSpotFakeCrm.CONTACTS) || objectType.equals(HubSpotFakeCrm.COMPANIES);
    if (record && RECORD.containsKey(name)) {
      String[] type = RECORD.get(name);
      return definition(name, type[0], type[1], "pql", false);
    }
    if (objectType.equals(HubSpotFakeCrm.TASKS) && name.equals(HubSpotFakeCrm.TASK_KEY)) {
      return definition(name, "string", "text", "pql", true);
    }
    if (objectType.equals(HubSpotFakeCrm.CONTACTS) && name.equals("email")) {
      return definition(name, "string", "text", "contactinformation", true);
    }
    if (objectType.equals(HubSpotFakeCrm.COMPANIES) && name.equals("domain")) {
      return definition(name, "string", "text", "companyinformation", false);
    }
    return new Answer(404, HubSpotFakeFaults.error("OBJECT_NOT_FOUND",
        "Unable to find property " + name + " for object type " + objectType));
  }

  private static Answer definition(String name, String type, String fieldType, String group, boolean unique) {
    ObjectNode node = JSON.createObjectNode().put("name", name).put("label", name).put("type", type)
        .put("fieldType", fieldType).put("groupName", group).put("hasUniqueValue", unique).put("hidden", false)
        .put("hubspotDefined", !group.equals("pql")).put("archived", false).put("formField", false)
        .put("createdAt", "2026-03-02T11:00:00.000Z").put("updatedAt", "2026-03-02T11:00:00.000Z");
    node.putArray("options");
    return new Answer(200, node);
  }
}
