package io.github.pqlconnector.core.config;

import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.error.ConfigProblem;
import java.util.List;

/** The problems a config file has, as the user reads them ({@code path: message at line N}); none is a failure. */
final class YamlProblems {
  private YamlProblems() {}

  static List<String> of(ConfigLoader loader, String yaml) {
    try {
      loader.parse(yaml);
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::toString).toList();
    }
    throw new AssertionError("expected problems in:\n" + yaml);
  }
}
