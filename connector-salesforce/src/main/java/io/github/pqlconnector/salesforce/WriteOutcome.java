package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.WriteResult;
import io.github.pqlconnector.salesforce.api.SalesforceCategories;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code upsert} did, input by input, across its calls: each input ends written (with its record id) or
 * failed with Salesforce's code and message; {@link #failUnresolved} closes the inputs Salesforce said nothing about.
 */
final class WriteOutcome {
  static final String NO_RESULT = "NO_RESULT";

  private final Map<EntityRef, String> written = new LinkedHashMap<>();
  private final Map<EntityRef, RecordError> failed = new LinkedHashMap<>();

  synchronized void written(EntityRef entity, String recordId) {
    if (!failed.containsKey(entity)) {
      written.put(entity, recordId);
    }
  }

  synchronized void fail(EntityRef entity, ErrorCategory category, String code, String message) {
    if (!written.containsKey(entity)) {
      failed.putIfAbsent(entity, new RecordError(entity, category, code, message));
    }
  }

  /** A record Salesforce refused: the category follows its status code. */
  void refused(EntityRef entity, String code, String message) {
    fail(entity, SalesforceCategories.forRecord(code), code, message);
  }

  void failUnresolved(List<PqlUpdate> sent, ErrorCategory category, String code, String message) {
    for (PqlUpdate update : sent) {
      if (!resolved(update.entity())) {
        fail(update.entity(), category, code, message);
      }
    }
  }

  synchronized boolean resolved(EntityRef entity) {
    return written.containsKey(entity) || failed.containsKey(entity);
  }

  synchronized WriteResult result() {
    return new WriteResult(written, new ArrayList<>(failed.values()));
  }
}
