package io.github.pqlconnector.app.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.app.admin.PlanPreview;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.PlanResult;
import io.github.pqlconnector.core.sync.SyncRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import io.github.pqlconnector.app.testing.SmallProduct;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin console's dry run on a file source and the csv destination: what it would write, one at a time. */
class PlanPreviewsTest {
  @TempDir Path dir;
  PqlConfig config;
  StateStore store;
  Function<PqlConfig, SyncRunner> runners;

  @BeforeEach
  void setUp() throws IOException {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      events.append(event("message_sent", "u1", now.minusSeconds(60L * i)));
      events.append(event(i < 3 ? "message_sent" : "page_viewed", "u2", now.minusSeconds(60L * i)));
    }
    events.append(event("pricing_viewed", "u2", now.minusSeconds(5)));
    Files.writeString(dir.resolve("events.jsonl"), events);
    Files.writeString(dir.resolve("users.csv"), "id,email,accountId\nu1,ana@acme.io,a1\nu2,bo@acme.io,a1\n");
    Files.writeString(dir.resolve("accounts.csv"), "id,name,domain,employees,country\na1,Acme,acme.io,120,DE\n");
    config = new ConfigLoader(Plugins.load(), Map.<String, String>of()::get).parse(SmallProduct.config(dir, null));
    store = StateStore.open(config.state());
    runners = cfg -> new SyncRunner(cfg, store, new Connectors(Plugins.load(), Clock.systemUTC()));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void aPreviewListsTransitionsRecordsAndTasksAndWritesNothing() {
    PlanPreview preview = new PlanPreviews(() -> config, runners).plan("product-to-crm", 2);

    assertThat(preview.outcome()).isEqualTo(PlanPreview.Outcome.DONE);
    assertThat(preview.transitions()).containsExactly(new PlanResult.Transition("new", "cold", 1),
        new PlanResult.Transition("new", "pql", 1), new PlanResult.Transition("new", "warm", 1));
    assertThat(preview.counts().changed()).isEqualTo(3);
    assertThat(preview.records()).hasSize(2).first().satisfies(r -> {
      assertThat(r.level()).isEqualTo("account");
      assertThat(r.id()).isEqualTo("a1");
      assertThat(r.from()).isEqualTo("new");
      assertThat(r.to()).isEqualTo("pql");
      assertThat(r.type()).isEqualTo("usage");
      assertThat(r.reasons()).first().asString().startsWith("Sent 33 messages");
    });
    assertThat(preview.tasks()).hasSize(2).allSatisfy(t -> assertThat(t.owner()).isEqualTo("rep-1"))
        .extracting(PlanResult.Task::title).anySatisfy(t -> assertThat(t).startsWith("PQL: Acme"));
    assertThat(preview.elapsed()).isPositive();
    assertThat(dir.resolve("out")).doesNotExist();
    List<RunDao.RunRow> runs = store.read(c -> new RunDao().list(c, null, 10));
    assertThat(runs).isEmpty();
  }

  @Test
  void anUnknownSyncIsNoSuchSyncAndAFailingSourceIsFailedWithItsMessage() throws IOException {
    PlanPreviews previews = new PlanPreviews(() -> config, runners);
    assertThat(previews.plan("nope", 5).outcome()).isEqualTo(PlanPreview.Outcome.NO_SUCH_SYNC);

    Files.delete(dir.resolve("events.jsonl"));
    PlanPreview failed = previews.plan("product-to-crm", 5);
    assertThat(failed.outcome()).isEqualTo(PlanPreview.Outcome.FAILED);
    assertThat(failed.message()).contains("events.jsonl");
    assertThat(previews.plan("product-to-crm", 5).outcome()).as("a failure frees the slot")
        .isEqualTo(PlanPreview.Outcome.FAILED);
  }

  @Test
  void aSecondPreviewWhileOneComputesIsBusyAndTheNextOneRuns() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    PlanPreviews previews = new PlanPreviews(() -> config, cfg -> {
      entered.countDown();
      await(release);
      return runners.apply(cfg);
    });
    CompletableFuture<PlanPreview> first = CompletableFuture.supplyAsync(() -> previews.plan("product-to-crm", 5));
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(previews.plan("product-to-crm", 5).outcome()).isEqualTo(PlanPreview.Outcome.BUSY);
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(PlanPreview.Outcome.DONE);
    assertThat(previews.plan("product-to-crm", 5).outcome()).isEqualTo(PlanPreview.Outcome.DONE);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String event(String name, String user, Instant at) {
    return "{\"event\":\"%s\",\"userId\":\"%s\",\"accountId\":\"a1\",\"timestamp\":\"%s\"}\n".formatted(name, user, at);
  }
}
