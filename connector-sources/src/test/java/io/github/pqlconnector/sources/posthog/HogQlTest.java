package io.github.pqlconnector.sources.posthog;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.spi.PushdownRequest;
import io.github.pqlconnector.core.spi.PushedMetric;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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

  @Test
  void pushdownWithoutAGroupTypeQuotesNamesAndPagesAfterTheLastRow() {
    Instant now = Instant.parse("2026-11-30T12:00:00Z");
    PushedMetric sum = new PushedMetric("spend", PushedMetric.Kind.SUM, Set.of("it's paid"), "amount`x", 2);
    String sql = new PushdownHogQl(new PushdownRequest(now, 2, List.of(sum), List.of(), 1), null).page(new PushdownHogQl.Key("user", "o'brien"), 500);

    assertThat(sql).contains("NULL AS pql_own", "properties.`amount\\`x` AS pql_p0",
        "pql_event IN ('it\\'s paid')", "timestamp >= toDateTime('2026-11-29T00:00:00Z')",
        "WHERE pql_level > 'user' OR (pql_level = 'user' AND pql_entity > 'o\\'brien') ORDER BY pql_level,"
            + " pql_entity LIMIT 500");
  }
}
