package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.spi.CrmParts;
import io.github.pqlconnector.core.spi.TaskBatchResult;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.salesforce.api.CollectionRequest;
import io.github.pqlconnector.salesforce.api.QueryResponse;
import io.github.pqlconnector.salesforce.api.SaveResult;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Follow-up tasks, 200 per call. The key is stored on the Task in {@code PQL_Task_Key__c}. Find: one SOQL query
 * {@code SELECT Id, PQL_Task_Key__c FROM Task WHERE PQL_Task_Key__c IN (…)}, split by {@link Soql#chunked} so each URL
 * stays under {@link Soql#MAX_ENCODED} (about 100 keys of 64 characters per query); SOQL reads committed data at once,
 * so a find after a lost answer sees what the create did. Create: sObject Collections {@code POST composite/sobjects},
 * {@code allOrNone=false}, one result per Task in request order, never retried blindly (core finds again first). Not
 * an upsert: an External ID on an Activity custom field is not something the connector can count on (see README).
 * The task goes on {@code WhoId} (a Contact or Lead) or {@code WhatId} (an Account); {@code ActivityDate} is the due
 * day in UTC, as Salesforce stores it.
 */
final class SalesforceTasks implements CrmParts.Tasks {
  static final int SUBJECT_MAX = 255;
  static final int DESCRIPTION_MAX = 32_000;
  static final String NO_RESULT = "NO_RESULT";
  private static final String HEAD = "SELECT Id, " + SalesforceFields.TASK_KEY + " FROM Task WHERE "
      + SalesforceFields.TASK_KEY + " IN (";

  private final SalesforceCalls calls;
  private final SalesforceConfig config;

  SalesforceTasks(SalesforceCalls calls, SalesforceConfig config) {
    this.calls = calls;
    this.config = config;
  }

  @Override
  public Map<String, String> findTasks(List<TaskRequest> requests) {
    Set<String> wanted = requests.stream().map(TaskRequest::idempotencyKey).collect(Collectors.toSet());
    Map<String, String> found = new LinkedHashMap<>();
    if (wanted.isEmpty()) {
      return found;
    }
    List<String> literals = requests.stream().map(r -> Soql.literal(r.idempotencyKey())).distinct().toList();
    for (String soql : Soql.chunked(HEAD, literals, ",", ")", Soql.MAX_ENCODED)) {
      QueryResponse page = calls.execute(calls.api().query(calls.data(), soql));
      while (true) {
        for (JsonNode row : page.records()) {
          String key = row.path(SalesforceFields.TASK_KEY).asText("");
          if (wanted.contains(key)) {
            found.putIfAbsent(key, row.path("Id").asText());
          }
        }
        Optional<String> next = page.next();
        if (next.isEmpty()) {
          break;
        }
        page = calls.execute(calls.api().queryMore(next.get()));
      }
    }
    return found;
  }

  @Override
  public TaskBatchResult createTasks(List<TaskRequest> requests) {
    Map<String, String> created = new LinkedHashMap<>();
    Map<String, RecordError> failed = new LinkedHashMap<>();
    for (List<TaskRequest> chunk : Chunks.of(requests, CollectionRequest.MAX_RECORDS)) {
      CollectionRequest body = CollectionRequest.independent(chunk.stream().map(this::fields).toList());
      List<SaveResult> results = calls.create(calls.api().createRecords(calls.data(), body));
      for (int i = 0; i < chunk.size(); i++) {
        TaskRequest request = chunk.get(i);
        SaveResult result = i < results.size() ? results.get(i) : null;
        if (result != null && result.success() && result.id() != null) {
          created.put(request.idempotencyKey(), result.id());
        } else {
          failed.put(request.idempotencyKey(), refusal(request, result));
        }
      }
    }
    return new TaskBatchResult(created, failed);
  }

  private static RecordError refusal(TaskRequest request, SaveResult result) {
    if (result == null || result.errors().isEmpty()) {
      return new RecordError(request.entity(), ErrorCategory.TRANSIENT, NO_RESULT,
          "Salesforce returned no result for this task");
    }
    var first = result.errors().get(0);
    String code = first.statusCode() == null ? "UNKNOWN" : first.statusCode();
    String message = result.errors().stream().map(e -> (e.message() == null ? "" : e.message())
        + (e.fields().isEmpty() ? "" : " (fields: " + String.join(", ", e.fields()) + ")"))
        .collect(Collectors.joining("; "));
    return new RecordError(request.entity(), io.github.pqlconnector.salesforce.api.SalesforceCategories.forRecord(code),
        code, message);
  }

  private Map<String, Object> fields(TaskRequest request) {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("attributes", Map.of("type", SObjects.TASK));
    String object = SObjects.of(request.recordId(), request.entity().level(), config);
    task.put(object.equals(SObjects.ACCOUNT) ? "WhatId" : "WhoId", request.recordId());
    if (request.ownerId() != null) {
      task.put("OwnerId", request.ownerId());
    }
    task.put("Subject", cut(request.subject(), SUBJECT_MAX));
    task.put("Description", cut(request.body(), DESCRIPTION_MAX));
    task.put("ActivityDate", request.dueAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
    task.put("Status", "Not Started");
    task.put("Priority", "High");
    task.put(SalesforceFields.TASK_KEY, request.idempotencyKey());
    return task;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
