package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.core.spi.TaskResult;
import io.github.pqlconnector.salesforce.api.QueryResponse;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Follow-up tasks, idempotent by key. The key is stored on the Task in {@code PQL_Task_Key__c} and looked up with
 * SOQL before any create: SOQL reads committed data at once (unlike HubSpot's search index), so an attempt after a
 * crash finds the task the earlier attempt made. Tasks of one sync are created from one thread, so no two attempts
 * race. The task goes on the record's {@code WhoId} (a Contact or Lead) or {@code WhatId} (an Account), assigned to
 * the owner chosen by the sync engine (the record's owner or {@code defaultOwnerId}); {@code ActivityDate} is the
 * due day in UTC, as Salesforce stores it.
 */
final class SalesforceTasks {
  static final int SUBJECT_MAX = 255;
  static final int DESCRIPTION_MAX = 32_000;

  private final SalesforceCalls calls;
  private final SalesforceConfig config;

  SalesforceTasks(SalesforceCalls calls, SalesforceConfig config) {
    this.calls = calls;
    this.config = config;
  }

  TaskResult createTask(TaskRequest request) {
    Optional<String> existing = find(request.idempotencyKey());
    if (existing.isPresent()) {
      return new TaskResult(existing.get(), true);
    }
    String id = calls.execute(calls.api().createRecord(calls.data(), SObjects.TASK, fields(request))).id();
    return new TaskResult(id, false);
  }

  private Optional<String> find(String key) {
    String soql = "SELECT Id FROM Task WHERE " + SalesforceFields.TASK_KEY + " = " + Soql.literal(key) + " LIMIT 1";
    QueryResponse found = calls.execute(calls.api().query(calls.data(), soql));
    return found.records().stream().map(r -> r.path("Id").asText()).filter(id -> !id.isEmpty()).findFirst();
  }

  private Map<String, Object> fields(TaskRequest request) {
    Map<String, Object> task = new LinkedHashMap<>();
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
