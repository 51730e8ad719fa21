package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reached the fake portal, per method: a direct call by its name ({@code crm.company.list}), a {@code batch} by
 * its first command's ({@code batch crm.item.update}); requests, commands inside them and requests refused (503); and
 * the span from the first request to the last, the HTTP phase a benchmark measures throughput over.
 */
public final class PortalTraffic {
  /** Requests to one method, the batch commands in them, and the requests refused. */
  public record Method(long requests, long commands, long refused) {}

  private final Map<String, Method> methods = new TreeMap<>();
  private long firstNanos;
  private long lastNanos;

  synchronized void record(String url, JsonNode body, int status, long now) {
    firstNanos = firstNanos == 0 ? now : firstNanos;
    lastNanos = now;
    String method = name(url, body);
    boolean refused = status == 503;
    Method before = methods.getOrDefault(method, new Method(0, 0, 0));
    methods.put(method, new Method(before.requests() + 1, before.commands() + body.path("cmd").size(),
        before.refused() + (refused ? 1 : 0)));
  }

  /** Forgets everything counted: the next run is measured on its own. */
  public synchronized void reset() {
    methods.clear();
    firstNanos = 0;
    lastNanos = 0;
  }

  public synchronized Map<String, Method> methods() {
    return new TreeMap<>(methods);
  }

  /** Seconds from the first request's arrival to the last one's; 0 without requests. */
  public synchronized double activeSeconds() {
    return firstNanos == 0 ? 0 : (lastNanos - firstNanos) / 1e9;
  }

  private static String name(String url, JsonNode body) {
    String path = url.replaceFirst("\\?.*", "");
    String method = path.substring(path.lastIndexOf('/') + 1);
    if (!method.equals("batch")) {
      return method;
    }
    String first = body.path("cmd").elements().hasNext() ? body.path("cmd").elements().next().asText() : "";
    int query = first.indexOf('?');
    return "batch " + (query < 0 ? first : first.substring(0, query));
  }
}
