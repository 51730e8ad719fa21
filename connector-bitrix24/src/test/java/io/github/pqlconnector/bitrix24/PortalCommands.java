package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands of a {@code batch} to {@link FakePortal}, answered the way the docs show (results under {@code
 * result.result}, {@code []} for empty parts): findbycomm (a seeded contact by email, or unseeded a contact per {@code
 * u<n>@example.com}, id 1000+n), crm.item.update/add ({@code {"item":{"id":…}}}), crm.item.list by {@code @id},
 * crm.company.list pages, userfield.list (the fields created so far), crm.activity.todo.add (remembered) and
 * crm.activity.list by {@code %DESCRIPTION}.
 */
final class PortalCommands {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern USER = Pattern.compile("u(\\d+)@example\\.com");

  private final FakePortal portal;
  private final AtomicLong nextId;

  PortalCommands(FakePortal portal, AtomicLong nextId) {
    this.portal = portal;
    this.nextId = nextId;
  }

  /** One command's answer: its result or its error, and for lists the total and next offset. */
  private record Answer(JsonNode result, JsonNode error, Integer total, Integer next) {
    static Answer of(JsonNode result) {
      return new Answer(result, null, null, null);
    }
  }

  ObjectNode batch(JsonNode cmd) {
    ObjectNode results = JSON.createObjectNode();
    ObjectNode errors = JSON.createObjectNode();
    ObjectNode totals = JSON.createObjectNode();
    ObjectNode nexts = JSON.createObjectNode();
    cmd.fields().forEachRemaining(entry -> {
      Answer answer = run(entry.getValue().asText());
      if (answer.error() != null) {
        errors.set(entry.getKey(), answer.error());
      } else {
        results.set(entry.getKey(), answer.result());
      }
      if (answer.total() != null) {
        totals.put(entry.getKey(), answer.total());
      }
      if (answer.next() != null) {
        nexts.put(entry.getKey(), answer.next());
      }
    });
    ObjectNode result = JSON.createObjectNode();
    result.set("result", orEmpty(results));
    result.set("result_error", orEmpty(errors));
    result.set("result_total", orEmpty(totals));
    result.set("result_next", orEmpty(nexts));
    result.set("result_time", JSON.createArrayNode());
    return result;
  }

  /** Bitrix24 sends an empty part as {@code []}. */
  private static JsonNode orEmpty(ObjectNode part) {
    return part.isEmpty() ? JSON.createArrayNode() : part;
  }

  private Answer run(String command) {
    int q = command.indexOf('?');
    String method = command.substring(0, q);
    Map<String, String> params = new HashMap<>();
    for (String pair : command.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return switch (method) {
      case "crm.duplicate.findbycomm" -> Answer.of(findByComm(params.get("values[0]")));
      case "crm.item.update" -> update(params);
      case "crm.item.add" -> Answer.of(add(params));
      case "crm.company.list" -> {
        FakeCompanies.Page page = portal.companies.listCommand(params);
        yield new Answer(page.rows(), null, page.total(), page.next());
      }
      case "crm.activity.list" -> Answer.of(activities(params.get("filter[%DESCRIPTION]")));
      case "crm.activity.todo.add" -> Answer.of(todo(params));
      case "crm.item.list" -> list(params);
      default -> Answer.of(portal.userFields.list(method.split("\\.")[1], params.get("filter[FIELD_NAME]")));
    };
  }

  private Answer update(Map<String, String> params) {
    long id = Long.parseLong(params.get("id"));
    String type = params.get("entityTypeId");
    if ("4".equals(type) && !portal.companies.has(id)) {
      return new Answer(null, JSON.createObjectNode().put("error", "NOT_FOUND")
          .put("error_description", "Element not found"), null, null);
    }
    if (portal.faults.refuses(type, params.get("id"))) {
      return new Answer(null, JSON.createObjectNode().put("error", "CRM_FIELD_ERROR_VALUE_NOT_VALID")
          .put("error_description", "Invalid value for field \"" + Bitrix24Fields.SCORE + "\""), null, null);
    }
    portal.items.write(type, params.get("id"), params);
    return Answer.of(item(id));
  }

  /** crm.item.list by {@code @id}: the items that exist, with their PQL fields. */
  private Answer list(Map<String, String> params) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; params.containsKey("filter[@id][" + i + "]"); i++) {
      ids.add(params.get("filter[@id][" + i + "]"));
    }
    JsonNode result = portal.items.list(params.get("entityTypeId"), ids);
    return new Answer(result, null, result.path("items").size(), null);
  }

  private JsonNode add(Map<String, String> params) {
    long id = nextId.incrementAndGet();
    if ("4".equals(params.get("entityTypeId"))) {
      String web = "WEB".equals(params.get("fields[fm][0][typeId]")) ? params.get("fields[fm][0][value]") : null;
      if (web != null) {
        portal.companies.put(id, web);
      } else {
        portal.companies.put(id);
      }
    }
    return item(id);
  }

  private JsonNode findByComm(String email) {
    Matcher m = USER.matcher(email);
    Long id = portal.items.seeded() ? portal.items.contact(email)
        : m.matches() ? Long.valueOf(1000 + Long.parseLong(m.group(1))) : null;
    if (id == null) {
      return JSON.createArrayNode();
    }
    ObjectNode found = JSON.createObjectNode();
    found.putArray("CONTACT").add(id);
    return found;
  }

  private JsonNode activities(String marker) {
    ArrayNode list = JSON.createArrayNode();
    portal.todos.forEach((id, description) -> {
      if (description.contains(marker)) {
        list.add(JSON.createObjectNode().put("ID", Long.toString(id)).put("DESCRIPTION", description));
      }
    });
    return list;
  }

  private JsonNode todo(Map<String, String> params) {
    long id = nextId.incrementAndGet();
    portal.todos.put(id, params.get("description"));
    portal.items.todoOwners.put(id, params.get("ownerTypeId") + "/" + params.get("ownerId"));
    return JSON.createObjectNode().put("id", id);
  }

  private static JsonNode item(long id) {
    ObjectNode item = JSON.createObjectNode();
    item.putObject("item").put("id", id);
    return item;
  }
}
