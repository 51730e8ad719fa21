package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.Required;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import org.jspecify.annotations.Nullable;

/** An event name ({@code "*"} for any event) and one of its properties, for {@code sum} and {@code distinct}. */
public record EventProperty(
    @Required
    @JsonPropertyDescription("The event name, or \"*\" for any event.")
    @Nullable String event,
    @Required
    @JsonPropertyDescription("The event property to read.")
    @Nullable String property) {
  void validate(ConfigPath at, Problems problems) {
    if (event == null || event.isBlank()) {
      problems.add(at.child("event"), "is required (an event name, or \"*\" for any event)");
    }
    if (property == null || property.isBlank()) {
      problems.add(at.child("property"), "is required (the event property to read)");
    }
  }
}
