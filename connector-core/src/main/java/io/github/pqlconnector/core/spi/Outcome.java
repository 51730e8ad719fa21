package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.EntityLevel;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One record's conversion as the CRM holds it: a closed-won deal of a company or contact, a converted lead. {@code
 * source} names what converted, stable across reads ({@code deal 8812}, {@code lead 00Q5e…}); {@code recordId} is
 * the CRM id of the record it counts for, which core joins to the entity the connector wrote there; a destination
 * that knows the entity itself (a file keyed by entity id) gives {@code entityId} instead. {@code amount} may be null.
 */
public record Outcome(String source, EntityLevel level, @Nullable String recordId, @Nullable String entityId,
    Instant convertedAt, @Nullable Double amount) {

  public Outcome {
    Objects.requireNonNull(source, "source");
    if (recordId == null && entityId == null) {
      throw new IllegalArgumentException("an outcome needs a record id or an entity id");
    }
  }

  /** The conversion {@code source} of the CRM record {@code recordId}. */
  public static Outcome ofRecord(String source, EntityLevel level, String recordId, Instant convertedAt,
      @Nullable Double amount) {
    return new Outcome(source, level, recordId, null, convertedAt, amount);
  }

  /** The key it is stored under: one row per conversion and record, so a read again replaces it. */
  public String key() {
    return source + "/" + level.id() + ":" + (recordId != null ? recordId : "entity " + entityId);
  }
}
