package io.github.pqlconnector.core.spi;

import java.util.List;

/** What {@code pql setup} did or would do: fields created, fields already right, and what it could not do. */
public record SetupReport(List<String> created, List<String> unchanged, List<String> problems) {
  public SetupReport {
    created = List.copyOf(created);
    unchanged = List.copyOf(unchanged);
    problems = List.copyOf(problems);
  }
}
