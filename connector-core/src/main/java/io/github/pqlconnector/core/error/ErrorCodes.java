package io.github.pqlconnector.core.error;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A vendor's table of error codes onto {@link ErrorCategory}, with the two ways vendors combine a code with the
 * HTTP status. A CRM module states only its codes; how they are looked up and combined is the same everywhere.
 * Codes are compared exactly (never searched for in messages), as the vendor spells them.
 */
public final class ErrorCodes {
  private final Map<String, ErrorCategory> byCode;

  private ErrorCodes(Map<String, ErrorCategory> byCode) {
    this.byCode = Map.copyOf(byCode);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The category the table gives {@code code}, or {@code fallback} when the code is absent or unknown. */
  public ErrorCategory orElse(@Nullable String code, ErrorCategory fallback) {
    ErrorCategory known = code == null ? null : byCode.get(code);
    return known == null ? fallback : known;
  }

  public boolean knows(@Nullable String code) {
    return code != null && byCode.containsKey(code);
  }

  /** The status decides; the code only where the status says no more than INVALID_REQUEST (a plain 400). */
  public ErrorCategory statusThenCode(int status, @Nullable String code) {
    ErrorCategory byStatus = ErrorCategory.ofStatus(status);
    return byStatus == ErrorCategory.INVALID_REQUEST ? orElse(code, byStatus) : byStatus;
  }

  /** The code decides; the status only when the code is absent or unknown. */
  public ErrorCategory codeThenStatus(int status, @Nullable String code) {
    return knows(code) ? byCode.get(code) : ErrorCategory.ofStatus(status);
  }

  /** Collects codes by category; a code given twice is a mistake in the table and fails at once. */
  public static final class Builder {
    private final Map<String, ErrorCategory> byCode = new HashMap<>();

    private Builder() {}

    public Builder map(ErrorCategory category, String... codes) {
      for (String code : codes) {
        ErrorCategory earlier = byCode.putIfAbsent(code, category);
        if (earlier != null) {
          throw new IllegalArgumentException(code + " is mapped to both " + earlier + " and " + category);
        }
      }
      return this;
    }

    public ErrorCodes build() {
      return new ErrorCodes(byCode);
    }
  }
}
