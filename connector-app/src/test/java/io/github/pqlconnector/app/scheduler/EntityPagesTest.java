package io.github.pqlconnector.app.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.app.admin.EntityDetail;
import io.github.pqlconnector.app.admin.EntityPage;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.EntityQuery;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.state.TaskDao;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.sync.RunTrigger;
import io.github.pqlconnector.core.sync.SyncRunner;
import io.github.pqlconnector.core.testing.Dataset;
import io.github.pqlconnector.core.testing.JsonLinesSourceProvider;
import io.github.pqlconnector.core.testing.RecordingDestination;
import io.github.pqlconnector.core.testing.RecordingDestinationProvider;
import io.github.pqlconnector.core.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PQLs list and an entity's page after a real run over a file source and a recording CRM. */
class EntityPagesTest {
  private static final String YAML = """
      model:
        levels: [user]
        metrics:
          messages_sent: { count: message_sent }
        fit:
          user:
            - { trait: email, matches: ".+@.+" }
        signals:
          - { name: "Heavy messaging", metric: messages_sent, gte: 10, points: 80, type: usage, reason: "Sent {value} messages" }
      sources:
        src: { type: testjsonl, directory: "%s" }
      destinations:
        crm: { type: recording, tasks: { on: [pql], dueIn: 2d } }
      syncs:
        - { name: s, source: src, destination: crm }
      """;
  private static final EntityRef ANA = EntityRef.user("ana");

  @TempDir Path dir;
  private StateStore store;
  private EntityPages pages;

  @BeforeEach
  void runOnce() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    new Dataset(dir).user("ana", "Ana@Example.com", "a1").user("bo", "bo@example.com", "a1")
        .events("message_sent", 12, "ana", null, now).events("message_sent", 2, "bo", null, now);
    store = StateStore.open(TestDatabases.h2(dir));
    Plugins plugins = new Plugins(List.of(new JsonLinesSourceProvider()),
        List.of(new RecordingDestinationProvider(new RecordingDestination())));
    PqlConfig config = new ConfigLoader(plugins, Map.<String, String>of()::get)
        .parse(YAML.formatted(dir.toString().replace("\\", "/")));
    Connectors connectors = new Connectors(plugins, Clock.systemUTC());
    new SyncRunner(config, store, connectors).run("s", RunTrigger.MANUAL, false, Progress.NONE);
    pages = new EntityPages(store, () -> config, () -> connectors.withState(store));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void theListIsTheDirectoryWithItsDropDowns() {
    EntityPage page = pages.entities(new EntityQuery("s", PqlStatus.PQL, null, null, null, "ana@", EntityQuery.Sort.SCORE,
        0, 10));

    assertThat(page.total()).isEqualTo(1);
    assertThat(page.rows()).singleElement().satisfies(row -> {
      assertThat(row.entity()).isEqualTo(ANA);
      assertThat(row.email()).isEqualTo("ana@example.com");
      assertThat(row.owner()).isEqualTo("owner-1");
    });
    assertThat(page.owners()).containsExactly("owner-1");
    assertThat(page.types()).containsExactly("usage");
    assertThat(pages.entities(new EntityQuery("nope", null, null, null, null, null, EntityQuery.Sort.SCORE, 0, 10))
        .rows()).isEmpty();
  }

  @Test
  void anEntitysPageHasItsWorkingHistoryAndTasks() {
    EntityDetail detail = pages.entity("s", ANA).orElseThrow();

    EntityDetail.Explanation why = detail.explanation();
    assertThat(why.status()).isEqualTo(PqlStatus.PQL);
    assertThat(why.score()).isEqualTo(80);
    assertThat(why.type()).isEqualTo("usage");
    assertThat(why.metrics()).containsEntry("messages_sent", 12.0);
    assertThat(why.fit()).singleElement().satisfies(f -> assertThat(f.passed()).isTrue());
    assertThat(why.signals()).singleElement().satisfies(s -> {
      assertThat(s.fired()).isTrue();
      assertThat(s.points()).isEqualTo(80);
    });
    assertThat(why.reasons()).containsExactly("Sent 12 messages (≥ 10)");
    assertThat(why.traits()).contains(new EntityDetail.Trait("email", "Ana@Example.com", "src"));
    assertThat(detail.history()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(PqlStatus.PQL));
    assertThat(detail.tasks()).singleElement().satisfies(t -> {
      assertThat(t.trigger()).isEqualTo("pql");
      assertThat(t.state()).isEqualTo(TaskDao.State.CREATED);
      assertThat(t.taskId()).isNotNull();
    });
    assertThat(detail.crmUrl()).as("the recording CRM has no UI").isNull();
  }

  @Test
  void noSuchSyncOrEntityIsEmpty() {
    assertThat(pages.entity("nope", ANA)).isEmpty();
    assertThat(pages.entity("s", EntityRef.user("ghost"))).isEmpty();
    assertThat(pages.entity("s", new EntityRef(EntityLevel.ACCOUNT, "ana"))).as("not a level of the model").isEmpty();
  }
}
