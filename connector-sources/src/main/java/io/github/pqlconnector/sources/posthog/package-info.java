/**
 * The {@code posthog} source: events, persons and groups read with HogQL through the query API, keyset-paged within
 * the row limit; PostHog Cloud (US/EU) or a self-hosted instance.
 */
@NullMarked
package io.github.pqlconnector.sources.posthog;

import org.jspecify.annotations.NullMarked;
