package io.github.pqlconnector.core.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One product event. A user id, an account id, or both identify who did it. {@code properties} holds
 * only the properties the model reads (strings, numbers or booleans), so sources may skip the rest.
 */
public record Event(String name, long timestampMillis, @Nullable String userId,
    @Nullable String accountId, @Nullable String email, Map<String, Object> properties) {}
