package io.github.pqlconnector.salesforce;

import java.util.Map;
import java.util.TreeMap;

/**
 * The calls that reached the fake org per operation: {@code token}, {@code query}, {@code collections}, {@code
 * tasks} (Task creates), {@code bulk create}, {@code bulk upload}, {@code bulk close}, {@code bulk poll}, {@code bulk
 * results}, and {@code other}. Faults are counted too: a call is a call to the org's daily allocation.
 */
public final class SalesforceFakeTraffic {
  private final Map<String, Long> calls = new TreeMap<>();

  /** The operation a request is, by method, path and (for sObject Collections) whether it creates Tasks. */
  static String operation(String method, String path, String body) {
    if (path.endsWith("/services/oauth2/token")) {
      return "token";
    }
    if (path.endsWith("/query")) {
      return "query";
    }
    if (path.endsWith("/composite/sobjects")) {
      return body.contains("\"type\":\"Task\"") ? "tasks" : "collections";
    }
    if (path.endsWith("/jobs/ingest")) {
      return method.equals("POST") ? "bulk create" : "other";
    }
    if (!path.contains("/jobs/ingest/")) {
      return "other";
    }
    return switch (method) {
      case "PUT" -> "bulk upload";
      case "PATCH" -> "bulk close";
      default -> path.matches(".*/jobs/ingest/[^/]+/?$") ? "bulk poll" : "bulk results";
    };
  }

  synchronized void count(String operation) {
    calls.merge(operation, 1L, Long::sum);
  }

  /** Calls per operation since the last take, and forgets them: each measurement counts its own. */
  public synchronized Map<String, Long> take() {
    Map<String, Long> taken = new TreeMap<>(calls);
    calls.clear();
    return taken;
  }
}
