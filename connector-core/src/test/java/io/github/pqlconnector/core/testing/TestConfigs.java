package io.github.pqlconnector.core.testing;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import java.nio.file.Path;
import java.util.Map;

/** Builds full configs around a model for tests: a test JSON Lines source and a csv destination. */
public final class TestConfigs {
  private TestConfigs() {}

  /** {@code modelYaml} holds a top-level {@code model:} block; the rest is added. */
  public static PqlConfig around(String modelYaml, Path data, Path out, String destinationExtra) {
    String yaml = modelYaml + """

        sources:
          src: { type: testjsonl, directory: "%s" }
        destinations:
          out: { type: csv, directory: "%s"%s }
        syncs:
          - { name: s, source: src, destination: out, cron: "0 */30 * * * ?" }
        state: { url: "jdbc:h2:mem:unused" }
        """.formatted(data.toString().replace("\\", "/"), out.toString().replace("\\", "/"), destinationExtra);
    return new ConfigLoader(Plugins.load(), Map.of("TEST_SECRET", "s3cr3t-value")::get).parse(yaml);
  }
}
