package io.github.pqlconnector.hubspot.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a follow-up task says, before it becomes {@link TaskCreateRequest} properties. {@code keyProperty} is the
 * custom task property (e.g. {@code pql_task_key}) that stores the connector's idempotency {@code key}, so a
 * search on it finds a task created by an earlier, interrupted attempt. {@code ownerId} is a HubSpot owner id, or
 * {@code null} for an unassigned task.
 */
public record TaskFields(String subject, String body, Instant dueAt, Priority priority, @Nullable String ownerId,
    String keyProperty, String key) {

  /** {@code hs_task_priority} values. */
  public enum Priority { LOW, MEDIUM, HIGH }
}
