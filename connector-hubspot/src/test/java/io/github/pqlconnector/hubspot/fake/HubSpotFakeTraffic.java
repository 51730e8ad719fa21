package io.github.pqlconnector.hubspot.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reached the fake HubSpot, per endpoint ({@code contacts batch/read}, {@code companies search}, …): requests,
 * inputs of the requests answered, 429s; each 429 with its time and {@code Retry-After}; and the span from the first
 * request to the last, the HTTP phase a benchmark measures throughput over.
 */
public final class HubSpotFakeTraffic {
  /** Requests to one endpoint, the inputs (batch inputs or search filter values) answered, and the 429s. */
  public record Endpoint(long requests, long inputs, long limited) {}

  private final Map<String, Endpoint> endpoints = new TreeMap<>();
  private final List<String> refusals = new ArrayList<>();
  private final List<Long> arrivals = new ArrayList<>();
  private long firstNanos;
  private long lastNanos;

  synchronized void record(String endpoint, int inputs, int status, String retryAfter, long now) {
    firstNanos = firstNanos == 0 ? now : firstNanos;
    lastNanos = now;
    arrivals.add(now);
    boolean limited = status == 429;
    Endpoint before = endpoints.getOrDefault(endpoint, new Endpoint(0, 0, 0));
    endpoints.put(endpoint, new Endpoint(before.requests() + 1, before.inputs() + (limited ? 0 : inputs),
        before.limited() + (limited ? 1 : 0)));
    if (limited) {
      refusals.add(String.format("+%.1fs %s Retry-After %s", (now - firstNanos) / 1e9, endpoint, retryAfter));
    }
  }

  /** Forgets everything counted: the next run is measured on its own. */
  public synchronized void reset() {
    endpoints.clear();
    refusals.clear();
    arrivals.clear();
    firstNanos = 0;
    lastNanos = 0;
  }

  public synchronized Map<String, Endpoint> endpoints() {
    return new TreeMap<>(endpoints);
  }

  /** Each 429 as {@code +<seconds since the first request> <endpoint> Retry-After <s>}. */
  public synchronized List<String> refusals() {
    return List.copyOf(refusals);
  }

  /** When each request arrived ({@link System#nanoTime}), in order: a benchmark's timeline of the HTTP phase. */
  public synchronized List<Long> arrivals() {
    return List.copyOf(arrivals);
  }

  /** When the first request arrived ({@link System#nanoTime}), 0 without requests. */
  public synchronized long firstNanos() {
    return firstNanos;
  }

  /** When the last request arrived ({@link System#nanoTime}), 0 without requests. */
  public synchronized long lastNanos() {
    return lastNanos;
  }

  /** Seconds from the first request's arrival to the last one's; 0 without requests. */
  public synchronized double activeSeconds() {
    return firstNanos == 0 ? 0 : (lastNanos - firstNanos) / 1e9;
  }
}
