package io.github.pqlconnector.sources.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.spi.CheckResult;
import java.io.IOException;

/**
 * Turns failed vendor calls into what the SPI wants: a {@link SourceException} for a read (so the window is
 * re-read next run) and a {@link CheckResult} for {@code pql validate}, each with a hint on what to fix.
 */
public final class Failures {
  private Failures() {}

  /** A read that cannot go on; {@code hints} says what to check for auth/permission/not-found failures. */
  public static SourceException read(String what, VendorException e, Hints hints) {
    return new SourceException(e.category(), what + ": " + e.getMessage() + hints.forCategory(e.category()), e);
  }

  /** A stream that broke or ended early: retryable, the whole window is read again next run. */
  public static SourceException stream(String what, IOException e) {
    String detail = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    return new SourceException(ErrorCategory.TRANSIENT, what + ": the export stream broke off ("
        + e.getClass().getSimpleName() + (detail == null ? "" : ": " + detail)
        + "); nothing from this window was kept, it is read again on the next run", e);
  }

  public static CheckResult check(VendorException e, Hints hints) {
    CheckResult.Status status = switch (e.category()) {
      case AUTH, PERMISSION -> CheckResult.Status.AUTH;
      case NOT_FOUND, INVALID_REQUEST, CONFLICT -> CheckResult.Status.INVALID;
      default -> CheckResult.Status.UNREACHABLE;
    };
    return new CheckResult(status, e.getMessage() + hints.forCategory(e.category()));
  }

  /** What to tell the user per failure kind: credentials, project id/region, network. */
  public record Hints(String auth, String notFound, String network) {
    String forCategory(ErrorCategory category) {
      String hint = switch (category) {
        case AUTH, PERMISSION -> auth;
        case NOT_FOUND, INVALID_REQUEST -> notFound;
        case TRANSIENT -> network;
        default -> "";
      };
      return hint.isEmpty() ? "" : " — " + hint;
    }
  }
}
