/**
 * The PQL engine: events folded into per-entity aggregates (memory grows with entities, not events),
 * then metrics, fit, signals, score, status and reasons. Pure: no I/O, no clock of its own.
 */
@NullMarked
package io.github.pqlconnector.core.engine;

import org.jspecify.annotations.NullMarked;
