package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.bitrix24.api.ActivityListRequest;
import io.github.pqlconnector.bitrix24.api.ActivityListResponse;
import io.github.pqlconnector.bitrix24.api.TodoAddRequest;
import io.github.pqlconnector.bitrix24.api.TodoAddResponse;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.core.spi.TaskResult;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Follow-ups as {@code crm.activity.todo.add} to-dos on the record's timeline (the current method; crm.activity.add is
 * deprecated), responsible: the task's owner (the record's assignee or the configured default), else the webhook's
 * user. Idempotency: classic REST has no idempotency key and a to-do no external-id field, so the key travels as the
 * last line of the description ({@code [pql-task <key>]}); before adding, {@code crm.activity.list} reads the record's
 * activities, newest first, and a to-do carrying the key is returned as {@code alreadyExisted}. The activity list reads
 * the database directly, so an earlier attempt's to-do is always seen, and one sync never runs twice at once, so no
 * other writer races the check.
 */
final class Bitrix24Tasks {
  static final int MAX_PAGES = 20;
  private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  private final Bitrix24Calls calls;
  private final Bitrix24Config config;

  Bitrix24Tasks(Bitrix24Calls calls, Bitrix24Config config) {
    this.calls = calls;
    this.config = config;
  }

  TaskResult createTask(TaskRequest request) {
    BitrixEntity owner = request.entity().level() == EntityLevel.USER ? config.userEntity() : config.accountEntity();
    long ownerId = Long.parseLong(request.recordId());
    String marker = marker(request.idempotencyKey());
    Optional<String> existing = find(owner, ownerId, marker);
    if (existing.isPresent()) {
      return new TaskResult(existing.get(), true);
    }
    TodoAddRequest todo = new TodoAddRequest(owner.typeId(), ownerId,
        DEADLINE.format(request.dueAt().atOffset(ZoneOffset.UTC)), request.subject(),
        request.body() + "\n\n" + marker, responsible(request.ownerId()), List.of(0));
    TodoAddResponse created = calls.execute(calls.api().addTodo(todo), "crm.activity.todo.add",
        TodoAddResponse::time);
    if (created.result() == null) {
      throw new VendorException("bitrix24", ErrorCategory.TRANSIENT, 200,
          "crm.activity.todo.add answered without an id", null);
    }
    return new TaskResult(Long.toString(created.result().id()), false);
  }

  static String marker(String key) {
    return "[pql-task " + key + "]";
  }

  private Optional<String> find(BitrixEntity owner, long ownerId, String marker) {
    ActivityListRequest first = ActivityListRequest.ofOwner(owner.typeId(), ownerId);
    Optional<Integer> next = Optional.empty();
    for (int page = 0; page < MAX_PAGES; page++) {
      ActivityListRequest request = next.map(first::from).orElse(first);
      ActivityListResponse response = calls.execute(calls.api().listActivities(request), "crm.activity.list",
          ActivityListResponse::time);
      for (JsonNode activity : response.activities()) {
        if (activity.path("DESCRIPTION").asText("").contains(marker)) {
          return Optional.of(activity.path("ID").asText());
        }
      }
      next = response.nextStart();
      if (next.isEmpty()) {
        break;
      }
    }
    return Optional.empty();
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
