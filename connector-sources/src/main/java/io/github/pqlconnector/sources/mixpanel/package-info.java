/**
 * The {@code mixpanel} source: raw events from the Export API (JSON Lines, streamed, gzip), user and group profiles
 * from the Engage API, service-account auth, US/EU/IN residency. The {@code api} interfaces and wire records stay
 * in this package.
 */
@NullMarked
package io.github.pqlconnector.sources.mixpanel;

import org.jspecify.annotations.NullMarked;
