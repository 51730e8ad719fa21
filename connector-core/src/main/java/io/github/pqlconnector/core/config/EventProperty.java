package io.github.pqlconnector.core.config;

import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import org.jspecify.annotations.Nullable;

/** An event name ({@code "*"} for any event) and one of its properties, for {@code sum} and {@code distinct}. */
public record EventProperty(@Nullable String event, @Nullable String property) {
  void validate(ConfigPath at, Problems problems) {
    if (event == null || event.isBlank()) {
      problems.add(at.child("event"), "is required (an event name, or \"*\" for any event)");
    }
    if (property == null || property.isBlank()) {
      problems.add(at.child("property"), "is required (the event property to read)");
    }
  }
}
