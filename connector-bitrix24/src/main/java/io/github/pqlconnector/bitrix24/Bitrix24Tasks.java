package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.bitrix24.api.BatchCommand;
import io.github.pqlconnector.bitrix24.api.BatchRequest;
import io.github.pqlconnector.bitrix24.api.BatchResponse;
import io.github.pqlconnector.bitrix24.api.Bitrix24Categories;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CrmParts;
import io.github.pqlconnector.core.spi.TaskBatchResult;
import io.github.pqlconnector.core.spi.TaskRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follow-ups as {@code crm.activity.todo.add} to-dos on the record's timeline (the current method; crm.activity.add is
 * deprecated), responsible: the task's owner (the record's assignee or the configured default), else the webhook's
 * user. Idempotency: classic REST has no idempotency key and a to-do no external-id field, so the key travels as the
 * last line of the description ({@code [pql-task <key>]}). Find: one {@code crm.activity.list} per task, filtered by
 * the record and {@code %DESCRIPTION} (substring) = the marker; create: one {@code crm.activity.todo.add} per task;
 * both packed {@value BatchRequest#MAX_COMMANDS} commands to a {@code batch}, under the leaky bucket and the
 * operating-time budget. The activity list reads the database directly, so a find right after a lost answer sees the
 * to-dos that batch added; a batch of adds is never sent again blindly (core finds first).
 */
final class Bitrix24Tasks implements CrmParts.Tasks {
  static final String NO_RESULT = "NO_RESULT";
  private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private final Bitrix24Calls calls;
  private final Bitrix24Config config;

  Bitrix24Tasks(Bitrix24Calls calls, Bitrix24Config config) {
    this.calls = calls;
    this.config = config;
  }

  static String marker(String key) {
    return "[pql-task " + key + "]";
  }

  @Override
  public Map<String, String> findTasks(List<TaskRequest> requests) {
    List<BatchCommand> commands = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      commands.add(find("f" + i, requests.get(i)));
    }
    Bitrix24Calls.BatchResults answers = calls.batch(commands);
    Map<String, String> found = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      String key = requests.get(i).idempotencyKey();
      BatchResponse.CommandError error = answers.errors().get("f" + i);
      if (error != null) {
        throw calls.failure(error, "crm.activity.list");
      }
      JsonNode activities = answers.results().get("f" + i);
      if (activities != null) {
        for (JsonNode activity : activities) {
          if (activity.path("DESCRIPTION").asText("").contains(marker(key))) {
            found.putIfAbsent(key, activity.path("ID").asText());
          }
        }
      }
    }
    return found;
  }

  @Override
  public TaskBatchResult createTasks(List<TaskRequest> requests) {
    List<BatchCommand> commands = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      commands.add(todo("t" + i, requests.get(i)));
    }
    Bitrix24Calls.BatchResults answers = calls.batch(commands);
    Map<String, String> created = new LinkedHashMap<>();
    Map<String, RecordError> failed = new LinkedHashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      TaskRequest request = requests.get(i);
      JsonNode result = answers.results().get("t" + i);
      BatchResponse.CommandError error = answers.errors().get("t" + i);
      if (result != null && result.hasNonNull("id")) {
        created.put(request.idempotencyKey(), result.path("id").asText());
      } else if (error != null) {
        failed.put(request.idempotencyKey(), new RecordError(request.entity(), Bitrix24Categories.of(0, error.error()),
            error.error().isEmpty() ? "ERROR" : error.error(),
            calls.failure(error, "crm.activity.todo.add").getMessage()));
      } else {
        failed.put(request.idempotencyKey(), new RecordError(request.entity(), ErrorCategory.TRANSIENT, NO_RESULT,
            "Bitrix24 returned no result for this to-do"));
      }
    }
    return new TaskBatchResult(created, failed);
  }

  private BatchCommand find(String key, TaskRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("order[ID]", "DESC");
    params.put("filter[OWNER_TYPE_ID]", Integer.toString(owner(request).typeId()));
    params.put("filter[OWNER_ID]", request.recordId());
    params.put("filter[%DESCRIPTION]", marker(request.idempotencyKey()));
    params.put("select[0]", "ID");
    params.put("select[1]", "DESCRIPTION");
    return new BatchCommand(key, "crm.activity.list", params);
  }

  private BatchCommand todo(String key, TaskRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("ownerTypeId", Integer.toString(owner(request).typeId()));
    params.put("ownerId", request.recordId());
    params.put("deadline", DEADLINE.format(request.dueAt().atOffset(ZoneOffset.UTC)));
    params.put("title", request.subject());
    params.put("description", request.body() + "\n\n" + marker(request.idempotencyKey()));
    Long responsible = responsible(request.ownerId());
    if (responsible != null) {
      params.put("responsibleId", Long.toString(responsible));
    }
    params.put("pingOffsets[0]", "0");
    return new BatchCommand(key, "crm.activity.todo.add", params);
  }

  private BitrixEntity owner(TaskRequest request) {
    return request.entity().level() == EntityLevel.USER ? config.userEntity() : config.accountEntity();
  }

  private static Long responsible(String ownerId) {
    if (ownerId == null || ownerId.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(ownerId.trim());
    } catch (NumberFormatException e) {
      return null;   // not a Bitrix24 user id: Bitrix24 assigns the calling user
    }
  }
}
