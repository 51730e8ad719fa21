package io.github.pqlconnector.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErrorCodesTest {
  private final ErrorCodes codes = ErrorCodes.builder()
      .map(ErrorCategory.AUTH, "expired_token", "INVALID_SESSION_ID")
      .map(ErrorCategory.QUOTA_EXHAUSTED, "DAILY_LIMIT")
      .build();

  @Test
  void aKnownCodeGivesItsCategoryAndAnUnknownOrMissingOneTheFallback() {
    assertThat(codes.orElse("expired_token", ErrorCategory.INVALID_REQUEST)).isEqualTo(ErrorCategory.AUTH);
    assertThat(codes.orElse("EXPIRED_TOKEN", ErrorCategory.INVALID_REQUEST))
        .as("codes are compared exactly").isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(codes.orElse(null, ErrorCategory.TRANSIENT)).isEqualTo(ErrorCategory.TRANSIENT);
  }

  @Test
  void statusThenCodeLetsTheCodeSpeakOnlyWhereTheStatusSaysNothingSpecific() {
    assertThat(codes.statusThenCode(400, "INVALID_SESSION_ID")).isEqualTo(ErrorCategory.AUTH);
    assertThat(codes.statusThenCode(400, "SOMETHING_ELSE")).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(codes.statusThenCode(503, "DAILY_LIMIT")).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(codes.statusThenCode(404, null)).isEqualTo(ErrorCategory.NOT_FOUND);
  }

  @Test
  void codeThenStatusLetsTheCodeDecideAndTheStatusOnlyWhenTheCodeIsUnknown() {
    assertThat(codes.codeThenStatus(503, "DAILY_LIMIT")).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
    assertThat(codes.codeThenStatus(0, "expired_token")).isEqualTo(ErrorCategory.AUTH);
    assertThat(codes.codeThenStatus(429, "")).isEqualTo(ErrorCategory.RATE_LIMITED);
    assertThat(codes.codeThenStatus(0, "NEW_CODE")).as("a batch command has no status")
        .isEqualTo(ErrorCategory.INVALID_REQUEST);
  }

  @Test
  void aCodeMappedTwiceIsAMistakeCaughtWhenTheTableIsBuilt() {
    assertThatThrownBy(() -> ErrorCodes.builder().map(ErrorCategory.AUTH, "X").map(ErrorCategory.PERMISSION, "X"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("X is mapped to both AUTH and PERMISSION");
  }
}
