package io.github.pqlconnector.core.error;

import java.util.List;
import java.util.stream.Collectors;

/** The config file is wrong; holds every problem found, sorted by line. */
public final class ConfigException extends ConnectorException {
  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(render(problems), null);
    this.problems = problems.stream().sorted().toList();
  }

  public static ConfigException of(String path, String message) {
    return new ConfigException(List.of(new ConfigProblem(path, 0, message)));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String render(List<ConfigProblem> problems) {
    return problems.stream().sorted().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
  }
}
