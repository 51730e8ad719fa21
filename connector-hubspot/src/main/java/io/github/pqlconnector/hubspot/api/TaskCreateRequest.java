package io.github.pqlconnector.hubspot.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task's properties, all strings, and the records it hangs on ({@code SimplePublicObjectInputForCreate}), sent as
 * an input of {@code POST .../objects/tasks/batch/create}. A task with no association is created but shows on no record's timeline, so {@link
 * #of} demands at least one. The property names HubSpot defines are constants here.
 */
public record TaskCreateRequest(Map<String, String> properties, List<AssociationInput> associations) {
  /** Due date, required: epoch ms or a UTC ISO-8601 instant (sent as ISO). */
  public static final String TIMESTAMP = "hs_timestamp";
  public static final String SUBJECT = "hs_task_subject";
  public static final String BODY = "hs_task_body";
  /** {@code NOT_STARTED} or {@code COMPLETED}. */
  public static final String STATUS = "hs_task_status";
  /** {@code LOW}, {@code MEDIUM} or {@code HIGH}. */
  public static final String PRIORITY = "hs_task_priority";
  public static final String OWNER_ID = "hubspot_owner_id";
  public static final String NOT_STARTED = "NOT_STARTED";

  public TaskCreateRequest {
    properties = Map.copyOf(properties);
    associations = List.copyOf(associations);
  }

  /** A new, not-started task carrying its idempotency key, associated with {@code associations}. */
  public static TaskCreateRequest of(TaskFields task, List<AssociationInput> associations) {
    if (associations.isEmpty()) {
      throw new IllegalArgumentException("a task needs at least one association, else no record shows it");
    }
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(TIMESTAMP, task.dueAt().toString());
    properties.put(SUBJECT, task.subject());
    properties.put(BODY, task.body());
    properties.put(STATUS, NOT_STARTED);
    properties.put(PRIORITY, task.priority().name());
    if (task.ownerId() != null) {
      properties.put(OWNER_ID, task.ownerId());
    }
    properties.put(task.keyProperty(), task.key());
    return new TaskCreateRequest(properties, associations);
  }
}
