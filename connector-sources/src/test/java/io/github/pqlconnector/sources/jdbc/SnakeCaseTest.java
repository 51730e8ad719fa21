package io.github.pqlconnector.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Column names as the loaders make them, from the examples in their docs and tests. */
class SnakeCaseTest {
  @ParameterizedTest
  @CsvSource({
      "accountType, account_type", "plan, plan", "sample text, sample_text", "sample-text, sample_text",
      "sample___text, sample_text", "inviteYourCustomersAddInvites, invite_your_customers_add_invites",
      "SAMPLE 2 TEXT, sample_2_text", "___$$Base64Encode, base64_encode", "FOO:BAR$BAZ, foo_bar_baz",
      "something.com, something_com", "seatsV2, seats_v2", "Order Completed, order_completed"})
  void segmentFollowsGoSnakecase(String name, String column) {
    assertThat(SnakeCase.segment(name)).isEqualTo(column);
  }

  @ParameterizedTest
  @CsvSource({
      "accountType, account_type", "omega, omega", "omega v2, omega_v_2", "9mega, _9_mega", "mega&, mega",
      "ome$ga, ome_ga", "ome_ ga, ome_ga", "9mega________-________90, _9_mega_90", "CamelCase123Key, camel_case_123_key",
      "1CComega, _1_c_comega", "_timestamp, _timestamp", "seatsV2, seats_v_2"})
  void rudderstackFollowsTransformName(String name, String column) {
    assertThat(SnakeCase.rudderstack(name)).isEqualTo(column);
  }
}
