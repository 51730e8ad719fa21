/**
 * The bundled demo data: a seeded generator that writes a realistic, heavy-tailed product-usage export
 * (events as JSON Lines, users and accounts as CSV) for {@code pql demo} and the benchmarks. The same spec
 * and "now" always give byte-identical files; memory grows with users and accounts, never with events.
 */
@NullMarked
package io.github.pqlconnector.demo;

import org.jspecify.annotations.NullMarked;
