package io.github.pqlconnector.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.spi.Plugins;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code type: jdbc} block: defaults, and every mistake reported with its YAML path and line. */
class JdbcSourceConfigTest {
  static final String PASSWORD = "Wq2-fake-warehouse-password";
  static final String REST = """
      model: { metrics: { m: { count: x } } }
      destinations: { out: { type: csv, directory: ./out } }
      syncs: [ { name: s, source: wh, destination: out } ]
      """;

  static PqlConfig parse(String source) {
    return new ConfigLoader(Plugins.load(), Map.of("WH_PASSWORD", PASSWORD)::get).parse(source + REST);
  }

  @Test
  void aPresetConfigWithDefaults() {
    PqlConfig config = parse("""
        sources:
          wh:
            type: jdbc
            url: jdbc:postgresql://warehouse.example.com:5432/analytics
            username: pql_reader
            password: ${WH_PASSWORD}
            preset: segment
            schema: segment_prod
        """);
    JdbcSourceConfig jdbc = (JdbcSourceConfig) config.sources().get("wh").config();
    assertThat(jdbc.password().reveal()).isEqualTo(PASSWORD);
    assertThat(jdbc.fetchSize()).isEqualTo(JdbcSourceConfig.DEFAULT_FETCH_SIZE);
    assertThat(jdbc.pushdown()).isFalse();
    assertThat(jdbc.lateData()).isEqualTo(Duration.ofDays(1));
    assertThat(jdbc.resolved().events()).contains("FROM segment_prod.tracks");
    assertThat(config.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void everyMistakeWithItsPathAndLine() {
    assertThatThrownBy(() -> parse("""
        sources:
          wh:
            type: jdbc
            url: jdbc:postgresql://warehouse.example.com/analytics?password=oops
            preset: snowflake
            schema: "prod; drop table x"
            fetchSize: 0
        """)).isInstanceOf(ConfigException.class).hasMessage("""
        sources.wh.url: must not carry the password; use password: ${WAREHOUSE_PASSWORD} at line 4
        sources.wh.preset: must be one of segment, rudderstack, was 'snowflake' at line 5
        sources.wh.schema: is required with a preset: the warehouse schema the tool writes to, like segment_prod \
        (letters, digits, _; optionally database.schema) at line 6
        sources.wh.fetchSize: must be 1..1000000, was 0 at line 7""");
  }

  @Test
  void eitherAPresetOrTheEventsQuery() {
    assertThatThrownBy(() -> parse("""
        sources:
          wh: { type: jdbc, url: "jdbc:postgresql://wh/analytics" }
        """)).hasMessageContaining("sources.wh.preset: is required (segment or rudderstack), or give queries.events");
    assertThatThrownBy(() -> parse("""
        sources:
          wh:
            type: jdbc
            url: "jdbc:postgresql://wh/analytics"
            queries: { users: "SELECT 1" }
        """)).hasMessageContaining("sources.wh.queries.events: is required");
  }

  @Test
  void aLiteralPasswordIsRefused() {
    assertThatThrownBy(() -> parse("""
        sources:
          wh: { type: jdbc, url: "jdbc:postgresql://wh/a", password: %s, preset: segment, schema: s }
        """.formatted(PASSWORD))).isInstanceOf(ConfigException.class).hasMessageContaining("sources.wh.password")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
  }
}
