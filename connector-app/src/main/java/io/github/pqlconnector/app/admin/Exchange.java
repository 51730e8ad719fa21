package io.github.pqlconnector.app.admin;

import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One request as the console's guards and routes see it, independent of the HTTP server: method, raw path and
 * query, a header look-up, cookies, the body's form fields (url-encoded forms only) and whether it came over TLS.
 */
record Exchange(String method, String rawPath, @Nullable String rawQuery, Function<String, @Nullable String> headers,
    Map<String, String> cookies, Map<String, String> form, String remoteAddress, boolean secure) {
  Exchange {
    cookies = Map.copyOf(cookies);
    form = Map.copyOf(form);
  }

  @Nullable String header(String name) {
    return headers.apply(name);
  }

  /** GET, HEAD and OPTIONS change nothing; every other method must prove it is not a cross-site request. */
  boolean changesState() {
    return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
  }

  boolean isApi() {
    return rawPath.equals("/api") || rawPath.startsWith("/api/") || rawPath.equals("/metrics")
        || rawPath.startsWith("/metrics/");
  }

  /** TLS at this server, or at a proxy in front that says so (only ever makes the session cookie stricter). */
  boolean overTls() {
    return secure || "https".equalsIgnoreCase(header("X-Forwarded-Proto"));
  }
}
