package io.github.pqlconnector.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One status mapping and one message cleaning for every vendor. */
class VendorMessagesTest {
  @Test
  void statusesMapTheSameForEveryVendor() {
    assertThat(ErrorCategory.ofStatus(401)).isEqualTo(ErrorCategory.AUTH);
    assertThat(ErrorCategory.ofStatus(403)).isEqualTo(ErrorCategory.PERMISSION);
    assertThat(ErrorCategory.ofStatus(404)).isEqualTo(ErrorCategory.NOT_FOUND);
    assertThat(ErrorCategory.ofStatus(408)).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(ErrorCategory.ofStatus(409)).isEqualTo(ErrorCategory.CONFLICT);
    assertThat(ErrorCategory.ofStatus(429)).isEqualTo(ErrorCategory.RATE_LIMITED);
    assertThat(ErrorCategory.ofStatus(503)).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(ErrorCategory.ofStatus(422)).isEqualTo(ErrorCategory.INVALID_REQUEST);
  }

  @Test
  void detailsAreFoldedCutAndNeverEmpty() {
    assertThat(VendorMessages.detail("  Email\n  is invalid ", "Bad Request")).isEqualTo("Email is invalid");
    assertThat(VendorMessages.detail(" ", "Bad Request")).isEqualTo("Bad Request");
    assertThat(VendorMessages.detail(null, null)).isEqualTo("no error details");
    assertThat(VendorMessages.detail("x".repeat(2_000), null)).hasSize(VendorMessages.MAX_CHARS + 1).endsWith("…");
  }
}
