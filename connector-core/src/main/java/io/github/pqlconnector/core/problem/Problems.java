package io.github.pqlconnector.core.problem;

import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.error.ConfigProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects config problems instead of throwing the first one, so a user sees every mistake in one go. The
 * first problem reported for a path wins: a value that failed to bind is not reported again as missing.
 */
public final class Problems {
  private final LineIndex lines;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final Set<String> paths = new HashSet<>();

  public Problems(LineIndex lines) {
    this.lines = lines;
  }

  public void add(ConfigPath path, String message) {
    if (paths.add(path.pointer())) {
      problems.add(new ConfigProblem(path.toString(), lines.lineOf(path), message));
    }
  }

  public boolean has(ConfigPath path) {
    return paths.contains(path.pointer());
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  public List<ConfigProblem> list() {
    return List.copyOf(problems);
  }

  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
