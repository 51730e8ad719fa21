package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.model.DayBucket;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one incremental run changes in a sync's day buckets: every stored day from {@code replaceFromDay} on
 * is replaced by {@code buckets} (all days when it is null: a rebuild), days before {@code keepFromDay} are
 * dropped, and the window records {@code readTo} and the model fingerprint the buckets were built with.
 * {@code buckets} may be encoded lazily as it is iterated, so they are never all held as text at once.
 */
public record BucketWrite(@Nullable Long replaceFromDay, long keepFromDay, Iterable<DayBucket> buckets,
    Instant readTo, String modelHash) {}
