package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.error.RecordError;
import java.util.Map;

/**
 * What one {@link CrmDestination#createTasks} did, by {@link TaskRequest#idempotencyKey()}: {@code created} maps a key
 * to the new task's CRM id; {@code failed} holds the tasks the CRM refused, with its code and message (a retryable
 * category is tried again on a later run, any other is recorded). A partial failure is data: the call succeeded.
 */
public record TaskBatchResult(Map<String, String> created, Map<String, RecordError> failed) {
  public TaskBatchResult {
    created = Map.copyOf(created);
    failed = Map.copyOf(failed);
  }
}
