package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.model.EntityRef;
import java.util.List;
import java.util.Map;

/**
 * A write call's outcome, record by record. Partial failure is data: every input appears either in
 * {@code written} (entity → CRM record id) or in {@code failed}, never in neither.
 */
public record WriteResult(Map<EntityRef, String> written, List<RecordError> failed) {
  public WriteResult {
    written = Map.copyOf(written);
    failed = List.copyOf(failed);
  }
}
