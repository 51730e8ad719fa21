package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.model.EntityRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds one {@code upsert}'s {@link WriteResult} input by input, across however many vendor calls it took: the first
 * word on an input wins (a record written stays written, a record failed stays failed), and {@link #failUnresolved}
 * closes the inputs the vendor said nothing about, so every input ends written or failed. Safe to share between the
 * threads of one upsert.
 */
public final class WriteResults {
  /** The code of an input the vendor's answer did not mention. */
  public static final String NO_RESULT = "NO_RESULT";

  private final Map<EntityRef, String> written = new LinkedHashMap<>();
  private final Map<EntityRef, RecordError> failed = new LinkedHashMap<>();

  public synchronized void written(EntityRef entity, String recordId) {
    if (!failed.containsKey(entity)) {
      written.putIfAbsent(entity, recordId);
    }
  }

  public synchronized void fail(EntityRef entity, ErrorCategory category, String code, String message) {
    if (!written.containsKey(entity)) {
      failed.putIfAbsent(entity, new RecordError(entity, category, code, message));
    }
  }

  /** Fails every input of {@code sent} that has no outcome yet. */
  public synchronized void failUnresolved(List<PqlUpdate> sent, ErrorCategory category, String code, String message) {
    sent.stream().map(PqlUpdate::entity).filter(e -> !resolved(e)).forEach(e -> fail(e, category, code, message));
  }

  public synchronized boolean resolved(EntityRef entity) {
    return written.containsKey(entity) || failed.containsKey(entity);
  }

  public synchronized WriteResult result() {
    return new WriteResult(written, new ArrayList<>(failed.values()));
  }
}
