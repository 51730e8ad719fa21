/**
 * What the HTTP analytics sources (Mixpanel, Amplitude, PostHog) share: the OkHttp/Retrofit stack derived from
 * core's {@code HttpClients}, status-to-category error mapping with {@code Retry-After}, two-window rate limits,
 * a JSON Lines reader that survives split records and detects truncated exports, and the dedupe fingerprint set.
 */
@NullMarked
package io.github.pqlconnector.sources.http;

import org.jspecify.annotations.NullMarked;
