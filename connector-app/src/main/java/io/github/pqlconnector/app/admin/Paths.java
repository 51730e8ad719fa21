package io.github.pqlconnector.app.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Splits and decodes raw request paths and query strings; a malformed escape is the client's mistake (400). */
final class Paths {
  private Paths() {}

  /** The decoded segments of a raw path: {@code /api/syncs/a%2Fb} → [api, syncs, a/b]. */
  static List<String> segments(String rawPath) {
    String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    if (trimmed.isEmpty()) {
      return List.of();
    }
    List<String> segments = new ArrayList<>();
    for (String segment : trimmed.split("/", -1)) {
      segments.add(decode(segment.replace("+", "%2B")));
    }
    if (segments.size() > 1 && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    return segments;
  }

  /** The decoded query parameters; the first of repeated names wins. */
  static Map<String, String> query(@Nullable String rawQuery) {
    Map<String, String> query = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    Arrays.stream(rawQuery.split("&")).filter(pair -> !pair.isEmpty()).forEach(pair -> {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      query.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
    });
    return query;
  }

  /** One path segment, percent-encoded (a space as %20, never +). */
  static String encode(String segment) {
    return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("malformed percent-encoding in the URL");
    }
  }
}
