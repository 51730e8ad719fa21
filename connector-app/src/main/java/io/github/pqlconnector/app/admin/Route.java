package io.github.pqlconnector.app.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A method and a path template such as {@code /api/syncs/{name}/run}, where a {@code {…}} segment matches any one. */
record Route(String method, List<String> template, Endpoint endpoint) {
  /** What a route does with the request it matched. */
  @FunctionalInterface
  interface Endpoint {
    Response handle(Request request);
  }

  /** The matched request: path parameters by name and the query parameters, both decoded. */
  record Request(Map<String, String> params, Map<String, String> query) {
    Request {
      params = Map.copyOf(params);
      query = Map.copyOf(query);
    }

    String param(String name) {
      return params.get(name);
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
