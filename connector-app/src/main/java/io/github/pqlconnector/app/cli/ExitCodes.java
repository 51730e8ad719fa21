package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.error.StateException;
import io.github.pqlconnector.core.error.VendorException;
import picocli.CommandLine;

/**
 * The one place that maps failures to exit codes: 0 ok, 1 run finished with record failures, 2 bad config
 * or usage, 3 cannot reach or authenticate to a source, CRM or the state database, 4 an unexpected internal
 * error (a bug, out of memory), 143 stopped by SIGTERM or Ctrl-C after finishing the batch. Users see one line;
 * the stack trace goes to the log at DEBUG.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
  static final int OK = 0;
  static final int RECORD_FAILURES = 1;
  static final int BAD_CONFIG = 2;
  static final int UNREACHABLE = 3;
  static final int INTERNAL = 4;
  static final int STOPPED = 143;

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExitCodes.class);

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
    log.debug("command failed", e);
    var err = cmd.getErr();
    if (e instanceof ConfigException config) {
      err.println("The configuration has " + plural(config.problems().size(), "problem") + ":");
      config.problems().forEach(p -> err.println("  " + p));
      return BAD_CONFIG;
    }
    if (e instanceof VendorException || e instanceof SourceException || e instanceof StateException) {
      err.println("error: " + e.getMessage());
      return UNREACHABLE;
    }
    err.println("internal error: " + oneLine(e));
    err.println("(run with -vv for the stack trace; please report it)");
    return INTERNAL;
  }

  /** The exception's name and the first line of its message. */
  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
  }

  static String plural(long n, String word) {
    return String.format(java.util.Locale.US, "%,d", n) + " " + word + (n == 1 ? "" : "s");
  }
}
