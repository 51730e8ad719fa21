package io.github.pqlconnector.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.report.ConversionReport;
import io.github.pqlconnector.core.report.ConversionReport.TierRow;
import io.github.pqlconnector.core.report.LiveReport;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.OutcomeBatch;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.OutcomeDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's closed loop: outcomes that follow usage, a replayed history, and a report in which the demo model's PQLs
 * buy several times as often as the rest, without the outcomes ever looking at the model's verdicts.
 */
class DemoConversionTest {
  private static final DemoSpec HALF_YEAR = new DemoSpec(800, 6_000, 500_000, 210, 42);
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @TempDir Path dir;

  @Test
  void outcomesFileHasItsHeaderOnlyPastDealsAndIsDeterministic() throws IOException {
    DemoFiles one = DemoDataset.generate(HALF_YEAR, dir.resolve("one"), NOW, true);
    DemoFiles two = DemoDataset.generate(HALF_YEAR, dir.resolve("two"), NOW, true);

    List<String> rows = Files.readAllLines(one.outcomes());
    assertThat(rows.get(0)).isEqualTo(DemoOutcomes.HEADER);
    assertThat(rows.stream().skip(1).filter(r -> r.startsWith("account,"))).hasSize(one.accountsConverted());
    assertThat(rows.stream().skip(1)).allSatisfy(row -> {
      assertThat(row).matches("(account,a\\d{4},[^,]+,\\d+\\.\\d\\d|user,u\\d{5},[^,]+,)");
      assertThat(Instant.parse(row.split(",")[2])).isBefore(NOW);
    });
    assertThat(one.accountsConverted()).isGreaterThan(20);
    assertThat(Files.readAllBytes(two.outcomes())).isEqualTo(Files.readAllBytes(one.outcomes()));
  }

  @Test
  void replayedHistoryShowsAccountPqlsBuyingSeveralTimesAsOftenAsTheRest() throws IOException {
    DemoDataset.generate(HALF_YEAR, dir.resolve("data"), NOW, true);
    Plugins plugins = Plugins.load();
    PqlConfig config = new ConfigLoader(plugins, name -> null).parse(demoYaml());
    Connectors connectors = new Connectors(plugins, Clock.systemUTC());
    List<LocalDate> dates = DemoHistory.dates(LocalDate.ofInstant(NOW, ZoneOffset.UTC), HALF_YEAR.days(),
        new CompiledModel(config.model()).maxCalendarDays(), 14);

    ConversionReport report;
    try (StateStore store = StateStore.open(config.state());
        AnalyticsSource source = connectors.source(config.sources().get("product"));
        CrmDestination crm = connectors.destination(config.destinations().get("crm"))) {
      int recorded = DemoHistory.seed(store, "demo", source, config.model(), dates);
      OutcomeBatch outcomes = crm.outcomes().orElseThrow().read(null, NOW.minus(Duration.ofDays(400)));
      store.write(c -> new OutcomeDao().store(c, "demo", outcomes.outcomes(), NOW));
      report = LiveReport.of(store, "demo", NOW, Duration.ofDays(180), Duration.ofDays(90),
          List.of(EntityLevel.ACCOUNT));
      assertThat(recorded).isGreaterThan(HALF_YEAR.accounts());
      assertThat(outcomes.rejected()).isZero();
    }

    ConversionReport.LevelReport accounts = report.levels().get(0);
    TierRow pql = accounts.tiers().stream().filter(t -> t.status().equals("pql")).findFirst().orElseThrow();
    assertThat(pql.entered()).isGreaterThan(10);
    assertThat(pql.rate()).isNotNull();
    assertThat(accounts.rest().rate()).isNotNull().isPositive();
    assertThat(pql.rate() / accounts.rest().rate()).as("lift of account PQLs over the rest").isGreaterThan(3);
  }

  private String demoYaml() throws IOException {
    try (InputStream in = DemoConversionTest.class.getResourceAsStream("/demo/pql-demo.yaml")) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@DIR@", dir.toString().replace('\\', '/'));
    }
  }
}
