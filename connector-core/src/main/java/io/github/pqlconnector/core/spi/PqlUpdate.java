package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.EntityRef;
import org.jspecify.annotations.Nullable;

/**
 * One record's new PQL fields. {@code recordId} is the CRM id found by matching, or null when the record
 * was not found and the destination creates missing records.
 */
public record PqlUpdate(EntityRef entity, MatchKey key, @Nullable String recordId, PqlFields fields) {}
