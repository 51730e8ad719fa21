package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.error.VendorException;
import java.util.function.Supplier;

/** The outcome of a read-only connectivity and credentials probe, phrased for the person who must fix it. */
public record CheckResult(Status status, String message) {
  public enum Status { OK, INVALID, UNREACHABLE, AUTH }

  public static CheckResult ok(String message) {
    return new CheckResult(Status.OK, message);
  }

  /**
   * Runs a read-only {@code probe} that answers what to tell the user when it worked; a refusal becomes
   * {@link #refused}, anything else {@link #failed}, so a check never throws.
   */
  public static CheckResult probe(String vendor, String neededRights, Supplier<String> probe) {
    try {
      return ok(probe.get());
    } catch (VendorException e) {
      return refused(vendor, e, neededRights);
    } catch (RuntimeException e) {
      return failed(vendor, e);
    }
  }

  /**
   * A probe the vendor refused, phrased the same way for every vendor: credentials refused, rights missing
   * ({@code neededRights} says which), the vendor unavailable or out of quota, or anything else.
   */
  public static CheckResult refused(String vendor, VendorException e, String neededRights) {
    return switch (e.category()) {
      case AUTH -> new CheckResult(Status.AUTH, vendor + " rejected the credentials: " + e.getMessage());
      case PERMISSION -> new CheckResult(Status.AUTH,
          "the " + vendor + " credentials lack " + neededRights + ": " + e.getMessage());
      case TRANSIENT, RATE_LIMITED, QUOTA_EXHAUSTED ->
          new CheckResult(Status.UNREACHABLE, vendor + " unavailable: " + e.getMessage());
      default -> new CheckResult(Status.INVALID, vendor + " refused the check: " + e.getMessage());
    };
  }

  /** A probe that failed before any answer (a bug or an unexpected library error): never its stack trace. */
  public static CheckResult failed(String vendor, RuntimeException e) {
    return new CheckResult(Status.UNREACHABLE, vendor + " check failed: " + e.getClass().getSimpleName());
  }

  public boolean isOk() {
    return status == Status.OK;
  }
}
