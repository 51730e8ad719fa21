/**
 * The {@code amplitude} source: the Export API (a zip of gzipped JSON Lines files per upload hour), US/EU hosts,
 * events kept by event time, {@code groups} as accounts, user and group properties as traits.
 */
@NullMarked
package io.github.pqlconnector.sources.amplitude;

import org.jspecify.annotations.NullMarked;
