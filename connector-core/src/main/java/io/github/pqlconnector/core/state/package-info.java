/**
 * The JDBC state store (H2 or PostgreSQL): entity states, pushed hashes, outbox, tasks, runs, cursors, and
 * the per-day buckets of incremental sources.
 */
@NullMarked
package io.github.pqlconnector.core.state;

import org.jspecify.annotations.NullMarked;
