package io.github.pqlconnector.sources.jdbc;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.spi.CheckResult;
import java.sql.SQLException;

/**
 * Classifies warehouse errors by SQLState class (ISO/ANSI SQL, kept by every common driver), never by message
 * text: 08 connection, 28 authorization, 3D catalog, 42 syntax or access rule, 22 data.
 */
final class SqlErrors {
  private SqlErrors() {}

  static boolean isDataError(SQLException e) {
    return state(e).startsWith("22");
  }

  static CheckResult.Status status(SQLException e) {
    String state = state(e);
    if (state.startsWith("08")) {
      return CheckResult.Status.UNREACHABLE;
    }
    return state.startsWith("28") || "42501".equals(state) ? CheckResult.Status.AUTH : CheckResult.Status.INVALID;
  }

  static ErrorCategory category(SQLException e) {
    String state = state(e);
    if (state.startsWith("28")) {
      return ErrorCategory.AUTH;
    }
    if ("42501".equals(state)) {
      return ErrorCategory.PERMISSION;
    }
    if (state.startsWith("3D") || "42P01".equals(state) || "42S02".equals(state)) {
      return ErrorCategory.NOT_FOUND;
    }
    return state.startsWith("42") || state.startsWith("22") ? ErrorCategory.INVALID_REQUEST : ErrorCategory.TRANSIENT;
  }

  /** What went wrong, in words a user acts on, with the driver's own first line and the SQLState. */
  static String describe(SQLException e, String url, String what) {
    String state = state(e);
    String lead;
    if (state.startsWith("08")) {
      lead = "cannot reach the warehouse at " + url;
    } else if (state.startsWith("28")) {
      lead = "the warehouse at " + url + " refused the username or password";
    } else if (state.startsWith("3D")) {
      lead = "the database in " + url + " does not exist";
    } else if ("42501".equals(state)) {
      lead = "the warehouse user may not read " + what;
    } else {
      lead = "cannot read " + what;
    }
    return lead + ": " + firstLine(e) + " (SQLState " + (state.isEmpty() ? "none" : state) + ")";
  }

  static SourceException toSourceException(SQLException e, String url, String what) {
    return new SourceException(category(e), describe(e, url, what), e);
  }

  private static String firstLine(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse("").replaceFirst("^(ERROR|FATAL): ", "");
  }

  private static String state(SQLException e) {
    return e.getSQLState() == null ? "" : e.getSQLState();
  }
}
