package io.github.pqlconnector.app.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A method and a path template such as {@code /api/syncs/{name}/run}, where a {@code {…}} segment matches any one. */
record Route(String method, List<String> template, Endpoint endpoint) {
  /** What a route does with the request it matched. */
  @FunctionalInterface
  interface Endpoint {
    Response handle(Request request);
  }

  /**
   * The matched request: path parameters by name, the query parameters and form fields (all decoded), who asks,
   * and the browser's session (null for scripts).
   */
  record Request(Map<String, String> params, Map<String, String> query, Map<String, String> form,
      Principal principal, @Nullable Session session) {
    Request {
      params = Map.copyOf(params);
      query = Map.copyOf(query);
      form = Map.copyOf(form);
    }

    String param(String name) {
      return params.get(name);
    }

    /** A query parameter, null when absent or blank (an empty filter field means "any"). */
    @Nullable String q(String name) {
      String value = query.get(name);
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  Route {
    template = List.copyOf(template);
  }

  static Route of(String method, String template, Endpoint endpoint) {
    return new Route(method, Paths.segments(template), endpoint);
  }

  /** The path parameters when the decoded segments fit the template. */
  Optional<Map<String, String>> match(List<String> segments) {
    if (segments.size() != template.size()) {
      return Optional.empty();
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String expected = template.get(i);
      String actual = segments.get(i);
      if (expected.startsWith("{") && expected.endsWith("}")) {
        if (actual.isEmpty()) {
          return Optional.empty();
        }
        params.put(expected.substring(1, expected.length() - 1), actual);
      } else if (!expected.equals(actual)) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }
}
