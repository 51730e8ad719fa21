package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bitrix24 portal for end-to-end tests, as a WireMock transformer named {@value #NAME}: answers {@code batch} the
 * way the docs show (results under {@code result.result}, {@code []} for empty parts) for findbycomm (a contact per
 * {@code u<n>@example.com}, id 1000+n), crm.item.update/add ({@code {"item":{"id":…}}}), userfield.list (the fields
 * created so far), crm.activity.todo.add (remembered) and crm.activity.list by {@code %DESCRIPTION}, and
 * answers crm.&lt;entity&gt;.userfield.add by remembering the field. Its {@link #companies} answer
 * crm.company.list, as a plain call and as batch commands (with {@code result_total} and {@code result_next}); an
 * update of a company it does not hold fails with {@code NOT_FOUND}, and an added company keeps its {@code WEB}.
 */
final class FakePortal implements ResponseDefinitionTransformerV2 {
  static final String NAME = "bitrix24-portal";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern USER = Pattern.compile("u(\\d+)@example\\.com");
  private static final Pattern USERFIELD = Pattern.compile(".*/crm\\.(\\w+)\\.userfield\\.add$");

  private final AtomicLong nextId = new AtomicLong(50_000);
  /** To-dos added so far: id → description (which ends with the connector's task marker). */
  final Map<Long, String> todos = new ConcurrentHashMap<>();
  /** The next this many batches holding crm.activity.todo.add run, then are answered with a connection reset. */
  volatile int loseTodoBatches;

  /** Seeded contacts and the user-field values written; empty, findbycomm answers any {@code u<n>@example.com}. */
  final FakeItems items = new FakeItems();
  final FakeUserFields userFields = new FakeUserFields(nextId);
  final PortalFaults faults = new PortalFaults();
  /** Requests answered, faults included. */
  final AtomicInteger calls = new AtomicInteger();

  void reset() {
    todos.clear();
    userFields.clear();
    loseTodoBatches = 0;
    items.clear();
    faults.lift();
    faults.resetInjected();
    calls.set(0);
  }

  final FakeCompanies companies = new FakeCompanies();

  /** One command's answer: its result or its error, and for lists the total and next offset. */
  private record Answer(JsonNode result, JsonNode error, Integer total, Integer next) {
    static Answer of(JsonNode result) {
      return new Answer(result, null, null, null);
    }
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    calls.incrementAndGet();
    ResponseDefinition fault = faults.before();
    if (fault != null) {
      return fault;
    }
    try {
      JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
      String url = event.getRequest().getUrl();
      Matcher userfield = USERFIELD.matcher(url);
      ObjectNode answer = JSON.createObjectNode();
      if (userfield.matches()) {
        userFields.add(userfield.group(1), body.path("fields"));
        answer.put("result", nextId.incrementAndGet());
      } else if (url.endsWith("/crm.company.list")) {
        FakeCompanies.Page page = companies.list(body);
        answer.set("result", page.rows());
        answer.put("total", page.total());
        if (page.next() != null) {
          answer.put("next", page.next());
        }
      } else {
        answer.set("result", batch(body.path("cmd")));
        if (faults.loses(body.path("cmd").toString())) {
          return PortalFaults.reset();
        }
        if (body.path("cmd").toString().contains("crm.activity.todo.add") && loseTodoBatches > 0) {
          loseTodoBatches--;
          return new ResponseDefinitionBuilder().withFault(com.github.tomakehurst.wiremock.http.Fault
              .CONNECTION_RESET_BY_PEER).build();
        }
      }
      answer.set("time", JSON.createObjectNode().put("operating", 0).put("date_start", companies.now()));
      return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
          .withBody(JSON.writeValueAsString(answer)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode batch(JsonNode cmd) {
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
        FakeCompanies.Page page = companies.listCommand(params);
        yield new Answer(page.rows(), null, page.total(), page.next());
      }
      case "crm.activity.list" -> Answer.of(activities(params.get("filter[%DESCRIPTION]")));
      case "crm.activity.todo.add" -> Answer.of(todo(params));
      case "crm.item.list" -> list(params);
      default -> Answer.of(userFields.list(method.split("\\.")[1], params.get("filter[FIELD_NAME]")));
    };
  }

  private Answer update(Map<String, String> params) {
    long id = Long.parseLong(params.get("id"));
    String type = params.get("entityTypeId");
    if ("4".equals(type) && !companies.has(id)) {
      return new Answer(null, JSON.createObjectNode().put("error", "NOT_FOUND")
          .put("error_description", "Element not found"), null, null);
    }
    if (faults.refuses(type, params.get("id"))) {
      return new Answer(null, JSON.createObjectNode().put("error", "CRM_FIELD_ERROR_VALUE_NOT_VALID")
          .put("error_description", "Invalid value for field \"" + Bitrix24Fields.SCORE + "\""), null, null);
    }
    items.write(type, params.get("id"), params);
    return Answer.of(item(id));
  }

  /** crm.item.list by {@code @id}: the items that exist, with their PQL fields. */
  private Answer list(Map<String, String> params) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; params.containsKey("filter[@id][" + i + "]"); i++) {
      ids.add(params.get("filter[@id][" + i + "]"));
    }
    JsonNode result = items.list(params.get("entityTypeId"), ids);
    return new Answer(result, null, result.path("items").size(), null);
  }

  private JsonNode add(Map<String, String> params) {
    long id = nextId.incrementAndGet();
    if ("4".equals(params.get("entityTypeId"))) {
      String web = "WEB".equals(params.get("fields[fm][0][typeId]")) ? params.get("fields[fm][0][value]") : null;
      if (web != null) {
        companies.put(id, web);
      } else {
        companies.put(id);
      }
    }
    return item(id);
  }

  private JsonNode findByComm(String email) {
    Matcher m = USER.matcher(email);
    Long id = items.seeded() ? items.contact(email) : m.matches() ? Long.valueOf(1000 + Long.parseLong(m.group(1)))
        : null;
    if (id == null) {
      return JSON.createArrayNode();
    }
    ObjectNode found = JSON.createObjectNode();
    found.putArray("CONTACT").add(id);
    return found;
  }

  private JsonNode activities(String marker) {
    ArrayNode list = JSON.createArrayNode();
    todos.forEach((id, description) -> {
      if (description.contains(marker)) {
        list.add(JSON.createObjectNode().put("ID", Long.toString(id)).put("DESCRIPTION", description));
      }
    });
    return list;
  }

  private JsonNode todo(Map<String, String> params) {
    long id = nextId.incrementAndGet();
    todos.put(id, params.get("description"));
    items.todoOwners.put(id, params.get("ownerTypeId") + "/" + params.get("ownerId"));
    return JSON.createObjectNode().put("id", id);
  }

  private static JsonNode item(long id) {
    ObjectNode item = JSON.createObjectNode();
    item.putObject("item").put("id", id);
    return item;
  }
}
