package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.EntityRef;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A follow-up task for the owner of a record. {@code idempotencyKey} is the same for every attempt at the
 * same episode: a destination that finds a task with this key already must return it, not create another.
 */
public record TaskRequest(String idempotencyKey, EntityRef entity, String recordId,
    @Nullable String ownerId, String subject, String body, Instant dueAt) {}
