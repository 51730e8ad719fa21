package io.github.pqlconnector.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.EvaluationStep;
import io.github.pqlconnector.core.sync.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated demo files: their shape, exact size, determinism, and the verdict mix the demo model gives. */
class DemoDatasetTest {
  private static final DemoSpec SMALL = new DemoSpec(50, 400, 20_000, 60, 42);
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void writesTheThreeFilesWithTheirHeadersAndExactlyTheRequestedEvents() throws IOException {
    DemoFiles files = DemoDataset.generate(SMALL, dir.resolve("data"), NOW, true);

    assertThat(files.events()).isEqualTo(dir.resolve("data/events.jsonl.gz")).isRegularFile();
    assertThat(files.eventsWritten()).isEqualTo(SMALL.events());
    assertThat(eventLines(files.events())).hasSize((int) SMALL.events());
    List<String> users = Files.readAllLines(files.users());
    List<String> accounts = Files.readAllLines(files.accounts());
    assertThat(users).hasSize(SMALL.users() + 1).first().isEqualTo("id,email,accountId,name,title");
    assertThat(accounts).hasSize(SMALL.accounts() + 1).first()
        .isEqualTo("id,name,domain,employees,country,plan,industry");
    assertThat(accounts.subList(1, accounts.size())).allSatisfy(row -> assertThat(row).matches(
        "a\\d{4},[^,]+,[a-z0-9.-]+,\\d+,[A-Z]{2},(free|team|business),[A-Za-z ]+"));
  }

  @Test
  void sameSpecAndNowGiveByteIdenticalFiles() throws IOException {
    DemoFiles first = DemoDataset.generate(SMALL, dir.resolve("one"), NOW, true);
    DemoFiles second = DemoDataset.generate(SMALL, dir.resolve("two"), NOW, true);
    DemoFiles otherSeed = DemoDataset.generate(new DemoSpec(50, 400, 20_000, 60, 43), dir.resolve("three"), NOW, true);

    assertThat(Files.readAllBytes(second.events())).isEqualTo(Files.readAllBytes(first.events()));
    assertThat(Files.readAllBytes(second.users())).isEqualTo(Files.readAllBytes(first.users()));
    assertThat(Files.readAllBytes(second.accounts())).isEqualTo(Files.readAllBytes(first.accounts()));
    assertThat(Files.readAllBytes(otherSeed.events())).isNotEqualTo(Files.readAllBytes(first.events()));
  }

  @Test
  void everyEventLineIsAJsonObjectTheFileSourceAccepts() throws IOException {
    DemoFiles files = DemoDataset.generate(SMALL, dir, NOW, false);
    Set<String> userIds = ids(files.users());
    Set<String> accountIds = ids(files.accounts());
    Instant from = NOW.minusSeconds(SMALL.days() * 86_400L);
    int withAccount = 0;
    int signups = 0;

    assertThat(files.events()).isEqualTo(dir.resolve("events.jsonl"));
    for (String line : eventLines(files.events())) {
      JsonNode event = JSON.readTree(line);
      assertThat(event.path("event").asText()).as(line).matches("[a-z_]+");
      assertThat(event.path("timestamp").asText()).as(line).matches(TIMESTAMP);
      assertThat(Instant.parse(event.path("timestamp").asText())).as(line).isBetween(from, NOW);
      assertThat(userIds).as(line).contains(event.path("userId").asText());
      if (event.has("accountId")) {
        assertThat(accountIds).as(line).contains(event.path("accountId").asText());
        withAccount++;
      }
      if (event.path("event").asText().equals("signed_up")) {
        assertThat(event.path("email").asText()).as(line).contains("@");
        signups++;
      }
      assertThat(!event.has("properties") || event.get("properties").isObject()).as(line).isTrue();
    }
    assertThat(signups).isEqualTo(SMALL.users());
    assertThat(withAccount / (double) SMALL.events()).isBetween(0.8, 0.9);
  }

  @Test
  void theDemoModelFindsEveryStatusAtBothLevels() throws IOException {
    DemoDataset.generate(SMALL, dir.resolve("data"), NOW, true);
    String yaml = resource("/demo/pql-demo.yaml").replace("@DIR@", dir.toString().replace('\\', '/'));
    Plugins plugins = Plugins.load();
    PqlConfig config = new ConfigLoader(plugins, name -> null).parse(yaml);
    CompiledModel model = new CompiledModel(config.model());

    EvaluationStep.Evaluated evaluated;
    try (AnalyticsSource source = new Connectors(plugins, Clock.systemUTC()).source(config.sources().get("product"))) {
      evaluated = new EvaluationStep(model).run(source, Map.of(), List.of(), NOW, null, Progress.NONE);
    }

    assertThat(evaluated.eventsRead()).isEqualTo(SMALL.events());
    assertThat(evaluated.rejections().count()).isZero();
    Map<EntityLevel, Set<PqlStatus>> seen = new EnumMap<>(EntityLevel.class);
    for (Evaluation evaluation : evaluated.evaluations()) {
      seen.computeIfAbsent(evaluation.entity().level(), l -> EnumSet.noneOf(PqlStatus.class))
          .add(evaluation.result().status());
    }
    assertThat(seen.get(EntityLevel.ACCOUNT)).containsExactlyInAnyOrder(PqlStatus.values());
    assertThat(seen.get(EntityLevel.USER)).containsExactlyInAnyOrder(PqlStatus.values());
  }

  @Test
  void aBudgetSmallerThanTheUsersStillWritesExactlyThatManyEvents() throws IOException {
    DemoSpec tiny = new DemoSpec(3, 10, 4, 7, 1);

    DemoFiles files = DemoDataset.generate(tiny, dir, NOW, false);

    assertThat(eventLines(files.events())).hasSize(4);
    assertThat(Files.readAllLines(files.users())).hasSize(11);
  }

  private static List<String> eventLines(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    }
  }

  private static Set<String> ids(Path csv) throws IOException {
    Set<String> ids = new HashSet<>();
    Files.readAllLines(csv).stream().skip(1).forEach(row -> ids.add(row.substring(0, row.indexOf(','))));
    return ids;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DemoDatasetTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
