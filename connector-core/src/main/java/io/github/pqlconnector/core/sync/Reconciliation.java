package io.github.pqlconnector.core.sync;

/**
 * What one reconciliation found: {@code checked} records read back from the CRM, {@code drifted} held other PQL
 * values than the connector last wrote (queued again), {@code gone} no longer exist under their id (matched and
 * written again). Records already queued for a write, or whose verdict changed, are written anyway and not read.
 */
public record Reconciliation(int checked, int drifted, int gone) {}
