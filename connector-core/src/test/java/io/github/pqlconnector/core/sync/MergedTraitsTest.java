package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each entity once, each trait from the first provider that has it; a provider not read yet gives nothing. */
class MergedTraitsTest {
  @Test
  void eachTraitComesFromTheFirstProviderThatHasItAndEachEntityOnce() {
    MergedTraits traits = new MergedTraits(3);
    assertThat(traits.isEmpty()).isTrue();
    traits.set(0, Map.of("u1", Map.of("employees", "50")));
    traits.set(2, Map.of("u1", Map.of("employees", "5", "email", "u1@acme.io"), "u2", Map.of("email", "u2@acme.io")));

    Map<String, Map<String, String>> seen = new LinkedHashMap<>();
    traits.forEach((id, values) -> assertThat(seen.put(id, values)).as("once: " + id).isNull());

    assertThat(traits.isEmpty()).isFalse();
    assertThat(seen).containsOnlyKeys("u1", "u2");
    assertThat(seen.get("u1")).containsExactlyInAnyOrderEntriesOf(Map.of("employees", "50", "email", "u1@acme.io"));
    assertThat(seen.get("u2")).containsExactlyInAnyOrderEntriesOf(Map.of("email", "u2@acme.io"));
  }
}
