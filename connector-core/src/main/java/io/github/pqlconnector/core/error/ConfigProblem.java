package io.github.pqlconnector.core.error;

/** One problem in the config file: the YAML path, the line it is on (0 if unknown), and what is wrong. */
public record ConfigProblem(String path, int line, String message) implements Comparable<ConfigProblem> {

  @Override
  public int compareTo(ConfigProblem other) {
    int byLine = Integer.compare(line, other.line);
    return byLine != 0 ? byLine : path.compareTo(other.path);
  }

  @Override
  public String toString() {
    String where = path.isEmpty() ? "" : path + ": ";
    return line > 0 ? where + message + " at line " + line : where + message;
  }
}
