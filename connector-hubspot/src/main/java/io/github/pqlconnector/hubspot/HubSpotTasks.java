package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.core.spi.TaskResult;
import io.github.pqlconnector.hubspot.api.AssociationInput;
import io.github.pqlconnector.hubspot.api.AssociationSpec;
import io.github.pqlconnector.hubspot.api.Filter;
import io.github.pqlconnector.hubspot.api.FilterGroup;
import io.github.pqlconnector.hubspot.api.ObjectResponse;
import io.github.pqlconnector.hubspot.api.SearchRequest;
import io.github.pqlconnector.hubspot.api.TaskCreateRequest;
import io.github.pqlconnector.hubspot.api.TaskFields;
import java.util.List;
import java.util.Optional;

/**
 * Follow-up tasks, idempotent by key: a search on the unique {@code pql_task_key} task property first (found: that
 * task, {@code alreadyExisted}), else one task associated with the contact (type 204) or company (192) it is about,
 * so it shows on that record's timeline. Search is eventually consistent, so the unique property is the backstop:
 * a create racing an unindexed earlier one gets a 409 instead of making a duplicate, and one more search then
 * returns that task (or the 409 stands, as a CONFLICT, when it is still not indexed).
 */
final class HubSpotTasks {
  static final String TASKS = "tasks";

  private final HubSpotCalls calls;

  HubSpotTasks(HubSpotCalls calls) {
    this.calls = calls;
  }

  TaskResult createTask(TaskRequest request) {
    Optional<String> existing = find(request.idempotencyKey());
    if (existing.isPresent()) {
      return new TaskResult(existing.get(), true);
    }
    TaskFields fields = new TaskFields(request.subject(), request.body(), request.dueAt(), TaskFields.Priority.HIGH,
        request.ownerId(), HubSpotFields.TASK_KEY, request.idempotencyKey());
    int type = request.entity().level() == EntityLevel.USER ? AssociationSpec.TASK_TO_CONTACT
        : AssociationSpec.TASK_TO_COMPANY;
    TaskCreateRequest create = TaskCreateRequest.of(fields, List.of(AssociationInput.to(request.recordId(), type)));
    try {
      return new TaskResult(calls.execute(calls.api().createTask(calls.objects(), create)).id(), false);
    } catch (VendorException e) {
      if (e.category() != ErrorCategory.CONFLICT) {
        throw e;
      }
      // the unique key exists: an earlier attempt's task, not yet indexed when searched; look once more
      return find(request.idempotencyKey()).map(id -> new TaskResult(id, true)).orElseThrow(() -> e);
    }
  }

  private Optional<String> find(String key) {
    SearchRequest search = SearchRequest.firstPage(List.of(FilterGroup.of(Filter.eq(HubSpotFields.TASK_KEY, key))),
        List.of(HubSpotFields.TASK_KEY, TaskCreateRequest.STATUS), 1);
    return calls.search(calls.api().search(calls.objects(), TASKS, search)).results().stream()
        .map(ObjectResponse::id).findFirst();
  }
}
