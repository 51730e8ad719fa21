package io.github.pqlconnector.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** A destination that refuses the credentials, or stops at its quota, ends the command with exit code 3 and its message. */
class ExitCodesTest {
  @ParameterizedTest
  @EnumSource(value = ErrorCategory.class, names = {"AUTH", "PERMISSION", "QUOTA_EXHAUSTED", "TRANSIENT"})
  void aVendorFailureIsExitCodeThreeWithTheVendorsMessage(ErrorCategory category) {
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(CommandLine.Model.CommandSpec.create()).setErr(new PrintWriter(err, true));
    VendorException refused = new VendorException("crm", category, 400, "OAuth token: HTTP 400 invalid_grant:"
        + " authorize the app again and set the new refresh token in auth.refreshToken", null);

    int code = new ExitCodes().handleExecutionException(refused, cmd, null);

    assertThat(code).isEqualTo(ExitCodes.UNREACHABLE).isEqualTo(3);
    assertThat(err.toString()).isEqualTo("error: crm: OAuth token: HTTP 400 invalid_grant: authorize the app again"
        + " and set the new refresh token in auth.refreshToken" + System.lineSeparator());
  }

  @Test
  void anUnexpectedFailureIsExitCodeFourNeverOneAndOneLine() {
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(CommandLine.Model.CommandSpec.create()).setErr(new PrintWriter(err, true));
    assertThat(new ExitCodes().handleExecutionException(new IllegalStateException("boom\n\tat x"), cmd, null))
        .isEqualTo(ExitCodes.INTERNAL).isEqualTo(4);
    assertThat(err.toString()).isEqualTo("internal error: IllegalStateException: boom" + System.lineSeparator()
        + "(run with -vv for the stack trace; please report it)" + System.lineSeparator());
  }
}
