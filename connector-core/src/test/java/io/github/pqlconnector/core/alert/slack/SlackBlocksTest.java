package io.github.pqlconnector.core.alert.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pqlconnector.core.alert.Alert;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Block Kit: a header, one section per owner (strongest first), CRM links, escaped text, "and N more". */
class SlackBlocksTest {
  @Test
  void digestIsGroupedByOwnerWithLinksAndCut() throws Exception {
    Alert alert = new Alert("new_pqls", "s", 7L, Instant.EPOCH, "3 new PQLs in s", List.of(),
        new Alert.Digest(5, List.of(
            new Alert.Pql("account:a1", 95, "42", "Sent ≥ 2,000 messages", "https://app.hubspot.com/contacts/1/record/0-2/9"),
            new Alert.Pql("user:u1", 90, null, "Viewed <pricing> & plans", null),
            new Alert.Pql("user:u2", 80, "42", null, null)), 2));
    JsonNode blocks = new ObjectMapper().readTree(SlackBlocks.message(alert)).get("blocks");
    assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo("3 new PQLs in s");
    assertThat(blocks.get(1).get("text").get("text").asText()).isEqualTo("*Owner 42*\n"
        + "• <https://app.hubspot.com/contacts/1/record/0-2/9|account:a1> · score 95 · Sent ≥ 2,000 messages\n"
        + "• `user:u2` · score 80");
    assertThat(blocks.get(2).get("text").get("text").asText())
        .isEqualTo("*No owner*\n• `user:u1` · score 90 · Viewed &lt;pricing&gt; &amp; plans");
    assertThat(blocks.get(3).get("elements").get(0).get("text").asText()).isEqualTo("and 2 more");
    assertThat(blocks.get(4).get("type").asText()).isEqualTo("context");
  }

  @Test
  void aFailureShowsItsDetails() throws Exception {
    Alert alert = new Alert("run_failed", "s", 3L, Instant.EPOCH, "Run 3 of s failed", List.of("hubspot: HTTP 401"),
        null);
    JsonNode message = new ObjectMapper().readTree(SlackBlocks.message(alert));
    assertThat(message.get("text").asText()).isEqualTo("Run 3 of s failed");
    assertThat(message.get("blocks").get(1).get("text").get("text").asText()).isEqualTo("hubspot: HTTP 401");
  }
}
