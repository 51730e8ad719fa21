package io.github.pqlconnector.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.spi.Plugins;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sync's {@code traits:}: sources in priority order, checked with path and line. */
class SyncTraitsConfigTest {
  private static final String SYNC = "- { name: product-to-crm, source: product, destination: crm, cron: \"0 */30 * * * ?\" }";
  private static final String SOURCES = "  product: { type: testjsonl, directory: /tmp/data }";
  private final ConfigLoader loader = new ConfigLoader(Plugins.load(), Map.<String, String>of()::get);

  @Test
  void withoutTraitsTheEventSourceGivesThem() {
    assertThat(loader.parse(ConfigLoaderTest.VALID).syncs().get(0).traitSources()).containsExactly("product");
  }

  @Test
  void traitsListsSourcesInPriorityOrder() {
    String yaml = ConfigLoaderTest.VALID.replace(SOURCES, SOURCES + "\n  firmo: { type: testjsonl, directory: /tmp/f }")
        .replace(SYNC, SYNC.replace(" }", ", traits: [firmo, product] }"));

    assertThat(loader.parse(yaml).syncs().get(0).traitSources()).containsExactly("firmo", "product");
  }

  @Test
  void theSyncsOwnDestinationCanGiveTraits() {
    String yaml = ConfigLoaderTest.VALID.replace(SYNC, SYNC.replace(" }", ", traits: [crm, product] }"));

    assertThat(loader.parse(yaml).syncs().get(0).traitSources()).containsExactly("crm", "product");
  }

  @Test
  void anUnknownSourceAnotherDestinationAndARepeatAreProblemsWithPathAndLine() {
    String yaml = ConfigLoaderTest.VALID.replace("  crm: { type: csv, directory: /tmp/out }",
            "  crm: { type: csv, directory: /tmp/out }\n  other: { type: csv, directory: /tmp/other }")
        .replace(SYNC, SYNC.replace(" }", ", traits: [product, other, product, firmo] }"));

    assertThat(problems(yaml)).containsExactly(
        "syncs[0].traits[1]: 'other' is another sync's destination; traits are read from sources and from this"
            + " sync's destination 'crm' at line 21",
        "syncs[0].traits[2]: 'product' is listed twice at line 21",
        "syncs[0].traits[3]: no sources entry named 'firmo'; known: product at line 21");
  }

  private List<String> problems(String yaml) {
    return YamlProblems.of(loader, yaml);
  }
}
