/**
 * The {@code jdbc} source: any JDBC warehouse, with presets for the Segment and RudderStack warehouse schemas,
 * a custom-SQL mode, incremental reads by time range and metric pushdown (the warehouse aggregates).
 */
@NullMarked
package io.github.pqlconnector.sources.jdbc;

import org.jspecify.annotations.NullMarked;
