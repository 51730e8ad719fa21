package io.github.pqlconnector.core.spi;

/** The outcome of a read-only connectivity and credentials probe, phrased for the person who must fix it. */
public record CheckResult(Status status, String message) {
  public enum Status { OK, INVALID, UNREACHABLE, AUTH }

  public static CheckResult ok(String message) {
    return new CheckResult(Status.OK, message);
  }

  public boolean isOk() {
    return status == Status.OK;
  }
}
