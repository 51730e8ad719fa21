package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Salesforce org holds for the fault matrix: Contacts, Leads and Accounts with the PQL custom fields (as after
 * {@code pql setup}), and Tasks with {@code PQL_Task_Key__c}. Answers the SOQL the destination sends (match by
 * {@code Email} or {@code Website LIKE}, read-back by {@code Id IN}, tasks by key) as Salesforce returns rows:
 * {@code attributes}, numbers as JSON numbers, datetimes as {@code 2026-11-30T12:00:00.000+0000}; applies sObject
 * Collections saves with one result per record in request order ({@code allOrNone=false}).
 */
final class SalesforceOrgRecords {
  static final String OWNER = "005xx000001SwiUAAS";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
  private static final Pattern FROM = Pattern.compile("FROM (\\w+)");
  private static final DateTimeFormatter SOQL_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);

  /** One sObject row: its id, type, match value (email or domain) and PQL field values by API name. */
  record Row(String id, String type, String key, Map<String, JsonNode> fields) {}

  /** One Task: its id, key, and the record it is on (WhoId or WhatId). */
  record Task(String id, String key, String on) {}

  private final Map<String, Row> byId = new LinkedHashMap<>();
  private final Map<String, Row> byKey = new LinkedHashMap<>();
  /** Lower-cased match value → row: matching 10,000 contacts by email must not scan every row per literal. */
  private final Map<String, List<Row>> byLowerKey = new HashMap<>();
  private final List<Task> tasks = new ArrayList<>();
  private int sequence;

  synchronized void clear() {
    byId.clear();
    byKey.clear();
    byLowerKey.clear();
    tasks.clear();
    sequence = 0;
  }

  synchronized void add(String type, String key) {
    String prefix = switch (type) {
      case SObjects.ACCOUNT -> "001";
      case SObjects.LEAD -> "00Q";
      default -> "003";
    };
    Row row = new Row(prefix + "xx" + String.format("%013d", ++sequence), type, key, new LinkedHashMap<>());
    byId.put(row.id(), row);
    byKey.put(key, row);
    byLowerKey.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(row);
  }

  synchronized Row byKey(String key) {
    return byKey.get(key);
  }

  synchronized Row byId(String id) {
    return byId.get(id);
  }

  synchronized List<Row> rows() {
    return List.copyOf(byKey.values());
  }

  synchronized List<Task> tasks() {
    return List.copyOf(tasks);
  }

  /** The answer rows of one SOQL statement. */
  synchronized ArrayNode query(String soql) {
    Matcher from = FROM.matcher(soql);
    String type = from.find() ? from.group(1) : "";
    List<String> literals = QUOTED.matcher(soql).results().map(m -> unescape(m.group(1))).toList();
    ArrayNode rows = JSON.createArrayNode();
    if (type.equals(SObjects.TASK)) {
      Set<String> keys = Set.copyOf(literals);
      tasks.stream().filter(t -> keys.contains(t.key())).forEach(t -> rows.add(taskRow(t)));
    } else if (soql.contains(" Id IN (")) {
      literals.stream().map(byId::get).filter(r -> r != null && r.type().equals(type))
          .forEach(r -> rows.add(fieldsRow(r)));
    } else if (!type.equals(SObjects.ACCOUNT)) {
      // by email, from the index; in the order the rows were added, as the scan below answers
      literals.stream().flatMap(l -> byLowerKey.getOrDefault(l.toLowerCase(Locale.ROOT), List.of()).stream())
          .filter(r -> r.type().equals(type)).distinct().sorted(Comparator.comparing(Row::id))
          .forEach(r -> rows.add(matchRow(r)));
    } else {
      byKey.values().stream().filter(r -> r.type().equals(type))
          .filter(r -> literals.stream().anyMatch(l -> website(r).contains(l)))
          .forEach(r -> rows.add(matchRow(r)));
    }
    return rows;
  }

  /** Saves one record of a Collections call; null when saved, else the per-record error code and message. */
  synchronized String[] save(JsonNode record, Set<String> refused) {
    Row row = byId.get(record.path("id").asText(""));
    if (row == null) {
      return new String[] {"ENTITY_IS_DELETED", "entity is deleted"};
    }
    if (refused.contains(row.key())) {
      return new String[] {"FIELD_CUSTOM_VALIDATION_EXCEPTION", "PQL fields are locked by a validation rule"};
    }
    record.fields().forEachRemaining(field -> {
      if (field.getKey().startsWith("PQL_")) {
        set(row, field.getKey(), field.getValue());
      }
    });
    return null;
  }

  synchronized String createTask(JsonNode task) {
    String on = task.hasNonNull("WhoId") ? task.path("WhoId").asText() : task.path("WhatId").asText();
    Task created = new Task("00Txx" + String.format("%013d", ++sequence), task.path(SalesforceFields.TASK_KEY)
        .asText(), on);
    tasks.add(created);
    return created.id();
  }

  synchronized void set(Row row, String field, JsonNode value) {
    if (value == null || value.isNull()) {
      row.fields().remove(field);
    } else if (value.isTextual() && (field.equals(SalesforceFields.QUALIFIED_AT)
        || field.equals(SalesforceFields.EVALUATED_AT))) {
      // Salesforce keeps datetimes to the millisecond and answers them in its own format
      row.fields().put(field, JSON.getNodeFactory().textNode(SOQL_DATETIME.format(Instant.parse(value.asText()))));
    } else {
      row.fields().put(field, value);
    }
  }

  private static String website(Row account) {
    return "https://www." + account.key() + "/";
  }

  private static ObjectNode taskRow(Task task) {
    ObjectNode row = head(SObjects.TASK, task.id());
    row.put(SalesforceFields.TASK_KEY, task.key());
    return row;
  }

  private static ObjectNode fieldsRow(Row record) {
    ObjectNode row = head(record.type(), record.id());
    SalesforceFields.names().forEach(name -> row.set(name, record.fields().getOrDefault(name,
        JSON.getNodeFactory().nullNode())));
    return row;
  }

  private static ObjectNode matchRow(Row record) {
    ObjectNode row = head(record.type(), record.id());
    if (record.type().equals(SObjects.ACCOUNT)) {
      row.put("Website", website(record));
    } else {
      row.put("Email", record.key());
    }
    row.put("OwnerId", OWNER);
    return row;
  }

  private static ObjectNode head(String type, String id) {
    ObjectNode row = JSON.createObjectNode();
    row.putObject("attributes").put("type", type).put("url", "/services/data/v67.0/sobjects/" + type + "/" + id);
    row.put("Id", id);
    return row;
  }

  /** A SOQL literal's text: backslash escapes undone, LIKE's surrounding wildcards dropped. */
  private static String unescape(String literal) {
    String text = literal.startsWith("%") && literal.endsWith("%") && literal.length() > 1
        ? literal.substring(1, literal.length() - 1) : literal;
    return text.replaceAll("\\\\(.)", "$1");
  }
}
