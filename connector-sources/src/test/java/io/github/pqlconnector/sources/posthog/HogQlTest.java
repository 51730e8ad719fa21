package io.github.pqlconnector.sources.posthog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HogQlTest {
  @Test
  void literalsEscapeQuotesAndBackslashes() {
    assertThat(HogQl.literal("o'brien\\co")).isEqualTo("'o\\'brien\\\\co'");
  }

  @Test
  void groupsArePagedByKey() {
    assertThat(HogQl.groups(2, "acme's", 100)).isEqualTo(
        "SELECT key, properties FROM groups WHERE index = 2 AND key > 'acme\\'s' ORDER BY key LIMIT 100");
  }
}
