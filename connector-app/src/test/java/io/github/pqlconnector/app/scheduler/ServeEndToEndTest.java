package io.github.pqlconnector.app.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.pqlconnector.app.admin.AdminServer;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.SyncRunner;
import io.github.pqlconnector.core.testing.Dataset;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The real daemon behind the real admin API, configured with a token and a state-database password: every
 * endpoint answers, and neither secret appears in any response or log line.
 */
class ServeEndToEndTest {
  static final String TOKEN = "adm-7f3c-token-0042";
  static final String PASSWORD = "st8-db-pw-991";

  @TempDir Path dir;
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final List<String> bodies = new ArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();
  Logger root;
  StateStore store;
  SchedulerService scheduler;
  AdminServer admin;

  @BeforeEach
  void serve() throws Exception {
    root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.DEBUG);
    logs.start();
    root.addAppender(logs);
    new Dataset(dir).user("u1", "ana@acme.io", "a1").events("message_sent", 3, "u1", "a1", Instant.now());
    Path file = dir.resolve("pql.yaml");
    Files.writeString(file, """
        state: { url: "jdbc:h2:file:%1$s/state", user: sa, password: "${STATE_PASSWORD}" }
        admin: { port: 0, token: "${PQL_ADMIN_TOKEN}" }
        model: { levels: [user], metrics: { m: { count: message_sent } } }
        sources: { src: { type: testjsonl, directory: "%1$s" } }
        destinations: { crm: { type: csv, directory: "%1$s/out" } }
        syncs: [ { name: s1, source: src, destination: crm, cron: "0 0 3 * * ?", reconcile: daily } ]
        """.formatted(dir.toString().replace("\\", "/")));
    ConfigLoader loader = new ConfigLoader(Plugins.load(), Map.of("STATE_PASSWORD", PASSWORD, "PQL_ADMIN_TOKEN", TOKEN)::get);
    PqlConfig config = loader.load(file);
    store = StateStore.open(config.state());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RunMetrics metrics = new RunMetrics(registry, store);
    scheduler = new SchedulerService(store, config.state(), SchedulerSettings.defaults(),
        cfg -> new SyncRunner(cfg, store, new Connectors(Plugins.load(), Clock.systemUTC(), registry)), metrics::record);
    scheduler.start(config);
    admin = new AdminServer(new Daemon(file, loader, store, scheduler), config.admin(), registry);
    admin.start();
  }

  @AfterEach
  void stop() {
    admin.close();
    scheduler.close();
    store.close();
    root.detachAppender(logs);
    root.setLevel(Level.INFO);
  }

  @Test
  void everyEndpointAnswersAndNoSecretLeaks() throws Exception {
    assertThat(call("GET", "/api/health", TOKEN).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/syncs", null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/syncs", "wrong").statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/syncs", TOKEN).body()).contains("\"name\":\"s1\"").contains("\"cron\":\"0 0 3 * * ?\"");
    assertThat(call("POST", "/api/syncs/s1/pause", TOKEN).body()).contains("\"paused\":true");
    assertThat(call("POST", "/api/syncs/s1/resume", TOKEN).body()).contains("\"paused\":false");
    assertThat(call("POST", "/api/syncs/s1/run", TOKEN).statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).until(() -> call("GET", "/api/runs?sync=s1", TOKEN).body().contains("SUCCESS"));
    assertThat(call("GET", "/api/runs/1", TOKEN).body()).contains("\"errors\":[]").contains("\"trigger\":\"MANUAL\"")
        .containsPattern("\"reconciliation\":\\{\"at\":\"[^\"]+\",\"checked\":0,\"drifted\":0,\"gone\":0}");
    assertThat(call("GET", "/api/syncs/s1", TOKEN).body()).contains("\"lastRun\":{\"id\":1");
    assertThat(call("GET", "/api/syncs/s1/history/user/u1", TOKEN).body())
        .matches("\\{\"level\":\"user\",\"id\":\"u1\",\"changes\":\\[\\{\"at\":\"[^\"]+\",\"status\":\"cold\","
            + "\"score\":0,\"type\":null,\"activationPct\":[0-9.]+,\"runId\":1}]}");
    assertThat(call("POST", "/api/reload", TOKEN).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/metrics", TOKEN).body()).contains("pql_runs_total{status=\"success\",sync=\"s1\"} 1.0")
        .contains("pql_outbox_depth{sync=\"s1\"} 0.0")
        .contains("pql_destination_calls_total{destination=\"crm\",operation=\"upsert\",outcome=\"ok\"} 1.0");
    assertThat(call("POST", "/api/syncs/s1/retry?record=nobody", TOKEN).statusCode()).isEqualTo(404);
    assertThat(call("POST", "/api/syncs/s1/retry", TOKEN).statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).until(() -> call("GET", "/api/runs/2", TOKEN).body().contains("SUCCESS"));
    assertThat(call("GET", "/api/runs/2", TOKEN).body()).contains("\"trigger\":\"RETRY\"");

    assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain(TOKEN).doesNotContain(PASSWORD));
    List<ILoggingEvent> logged;
    synchronized (logs) {   // the scheduler's threads go on logging; the appender appends under this lock
      logged = List.copyOf(logs.list);
    }
    assertThat(logged).isNotEmpty().allSatisfy(event -> {
      assertThat(event.getFormattedMessage()).doesNotContain(TOKEN).doesNotContain(PASSWORD);
      if (event.getThrowableProxy() != null) {
        assertThat(event.getThrowableProxy().getMessage()).doesNotContain(TOKEN).doesNotContain(PASSWORD);
      }
    });
  }

  @Test
  void aReloadWithACronThatNeverFiresAnswers422WithTheProblem() throws Exception {
    Path file = dir.resolve("pql.yaml");
    Files.writeString(file, Files.readString(file).replace("0 0 3 * * ?", "0 0 0 30 2 ?"));
    HttpResponse<String> reload = call("POST", "/api/reload", TOKEN);
    assertThat(reload.statusCode()).isEqualTo(422);
    assertThat(reload.body()).contains("\"applied\":false")
        .contains("invalid cron expression \\\"0 0 0 30 2 ?\\\": never fires: no time after now matches it");
    assertThat(call("GET", "/api/syncs/s1", TOKEN).body()).contains("\"cron\":\"0 0 3 * * ?\"")
        .contains("\"fileCron\":\"0 0 3 * * ?\",\"cronOverridden\":false,\"outboxDepth\":0,");   // throttles are per process
  }

  private HttpResponse<String> call(String method, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    bodies.add(response.body());
    return response;
  }
}
