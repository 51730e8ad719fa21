package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CrmParts;
import io.github.pqlconnector.core.spi.TaskBatchResult;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.hubspot.api.AssociationInput;
import io.github.pqlconnector.hubspot.api.AssociationSpec;
import io.github.pqlconnector.hubspot.api.BatchCreateRequest;
import io.github.pqlconnector.hubspot.api.BatchReadRequest;
import io.github.pqlconnector.hubspot.api.BatchResponse;
import io.github.pqlconnector.hubspot.api.HubSpotInputError;
import io.github.pqlconnector.hubspot.api.HubSpotInputErrors;
import io.github.pqlconnector.hubspot.api.ObjectCreateInput;
import io.github.pqlconnector.hubspot.api.ObjectResponse;
import io.github.pqlconnector.hubspot.api.TaskCreateRequest;
import io.github.pqlconnector.hubspot.api.TaskFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follow-up tasks, 100 per call. Find: {@code POST tasks/batch/read} with {@code idProperty: pql_task_key}, a property
 * created with {@code hasUniqueValue} (HubSpotFields), so the read goes by the unique value, not the lagging search
 * index, and sees a task created a moment ago; keys without a task come back as a 207 {@code OBJECT_NOT_FOUND}. Create:
 * {@code POST tasks/batch/create}, each input associated with its contact (type 204) or company (192) and traced by its
 * key ({@code objectWriteTraceId}, so HubSpot answers per input). The create is never retried after a lost answer
 * (core re-finds first), and the unique key is the backstop: an input whose key exists already is refused with a
 * conflict, and one more read returns the task that holds it.
 */
final class HubSpotTasks implements CrmParts.Tasks {
  static final String TASKS = "tasks";
  static final int MAX_BATCH = 100;

  private final HubSpotCalls calls;

  HubSpotTasks(HubSpotCalls calls) {
    this.calls = calls;
  }

  @Override
  public Map<String, String> findTasks(List<TaskRequest> requests) {
    return find(requests.stream().map(TaskRequest::idempotencyKey).toList());
  }

  @Override
  public TaskBatchResult createTasks(List<TaskRequest> requests) {
    if (requests.size() > MAX_BATCH) {
      throw new IllegalArgumentException("HubSpot creates at most " + MAX_BATCH + " tasks per call");
    }
    Map<String, TaskRequest> byKey = new LinkedHashMap<>();
    requests.forEach(request -> byKey.put(request.idempotencyKey(), request));
    BatchResponse response;
    try {
      response = calls.create(calls.api().batchCreate(calls.objects(), TASKS,
          new BatchCreateRequest(requests.stream().map(HubSpotTasks::input).toList())));
    } catch (VendorException e) {
      if (e.category() != ErrorCategory.CONFLICT) {
        throw e;
      }
      return conflicted(byKey, Map.of(), conflicts(byKey, e));
    }
    Map<String, String> created = new LinkedHashMap<>();
    for (ObjectResponse result : response.results()) {
      String key = result.objectWriteTraceId() != null ? result.objectWriteTraceId()
          : result.property(HubSpotFields.TASK_KEY).orElse(null);
      if (key != null && byKey.containsKey(key)) {
        created.put(key, result.id());
      }
    }
    Map<String, RecordError> failed = new LinkedHashMap<>();
    for (HubSpotInputError error : HubSpotInputErrors.of(response, byKey.keySet())) {
      if (error.input() != null && !created.containsKey(error.input())) {
        failed.put(error.input(), new RecordError(byKey.get(error.input()).entity(), error.category(),
            error.hubspotCategory(), error.message()));
      }
    }
    return conflicted(byKey, created, failed);
  }

  /** Keys refused for a conflict on the unique key hold a task already (an earlier attempt's): read them. */
  private TaskBatchResult conflicted(Map<String, TaskRequest> byKey, Map<String, String> created,
      Map<String, RecordError> failed) {
    List<String> conflicts = failed.entrySet().stream()
        .filter(e -> e.getValue().category() == ErrorCategory.CONFLICT).map(Map.Entry::getKey).toList();
    if (conflicts.isEmpty()) {
      return new TaskBatchResult(created, failed);
    }
    Map<String, String> allCreated = new LinkedHashMap<>(created);
    Map<String, RecordError> stillFailed = new LinkedHashMap<>(failed);
    find(conflicts).forEach((key, id) -> {
      allCreated.put(key, id);
      stillFailed.remove(key);
    });
    return new TaskBatchResult(allCreated, stillFailed);
  }

  private static Map<String, RecordError> conflicts(Map<String, TaskRequest> byKey, VendorException e) {
    Map<String, RecordError> failed = new LinkedHashMap<>();
    byKey.forEach((key, request) -> failed.put(key, new RecordError(request.entity(), ErrorCategory.CONFLICT,
        "CONFLICT", e.getMessage())));
    return failed;
  }

  private Map<String, String> find(List<String> keys) {
    Map<String, String> found = new LinkedHashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    BatchResponse response;
    try {
      response = calls.execute(calls.api().batchRead(calls.objects(), TASKS,
          BatchReadRequest.byProperty(HubSpotFields.TASK_KEY, keys, List.of(HubSpotFields.TASK_KEY))));
    } catch (VendorException e) {
      if (e.category() == ErrorCategory.NOT_FOUND) {
        return found;   // no key has a task
      }
      throw e;
    }
    for (ObjectResponse task : response.results()) {
      task.property(HubSpotFields.TASK_KEY).filter(keys::contains).ifPresent(key -> found.put(key, task.id()));
    }
    return found;
  }

  private static ObjectCreateInput input(TaskRequest request) {
    TaskFields fields = new TaskFields(request.subject(), request.body(), request.dueAt(), TaskFields.Priority.HIGH,
        request.ownerId(), HubSpotFields.TASK_KEY, request.idempotencyKey());
    int type = request.entity().level() == EntityLevel.USER ? AssociationSpec.TASK_TO_CONTACT
        : AssociationSpec.TASK_TO_COMPANY;
    TaskCreateRequest task = TaskCreateRequest.of(fields, List.of(AssociationInput.to(request.recordId(), type)));
    return new ObjectCreateInput(task.properties(), task.associations(), request.idempotencyKey());
  }
}
