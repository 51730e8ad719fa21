package io.github.pqlconnector.app.admin;

import static io.github.pqlconnector.app.admin.AdminHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.config.AdminConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint over real HTTP on a loopback port without a token: happy paths, 400, 404, 405 and 500. */
class AdminApiTest {
  static final String JSON = "application/json; charset=utf-8";

  final FakeBackend backend = FakeBackend.withTwoSyncs();
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  AdminServer server;
  AdminHttp http;

  @BeforeEach
  void start() {
    server = new AdminServer(backend, new AdminConfig(null, 0, null), registry);
    server.start();
    http = new AdminHttp(server.port(), null);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void healthIsUpWhenSchedulerAndStateStoreAre() {
    HttpResponse<String> response = http.get("/api/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(JSON);
    assertThat(response.body()).isEqualTo("{\"status\":\"up\",\"scheduler\":true,\"stateStore\":true}");
  }

  @Test
  void healthIsDownWith503WhenEitherIsDown() {
    backend.state = false;
    HttpResponse<String> response = http.get("/api/health");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("{\"status\":\"down\",\"scheduler\":true,\"stateStore\":false}");
  }

  @Test
  void syncsListsEverySyncWithItsLastRunAndCountsAsJson() {
    HttpResponse<String> response = http.get("/api/syncs");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode syncs = json(response);
    assertThat(syncs).hasSize(2);
    JsonNode first = syncs.get(0);
    assertThat(first.get("name").asText()).isEqualTo("product-to-hubspot");
    assertThat(first.get("cron").asText()).isEqualTo("0 */30 * * * ?");
    assertThat(first.get("nextFire").asText()).isEqualTo("2026-03-01T10:30:00Z");
    JsonNode lastRun = first.get("lastRun");
    assertThat(lastRun.get("id").asLong()).isEqualTo(7);
    assertThat(lastRun.get("startedAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(lastRun.get("counts").isObject()).isTrue();
    assertThat(lastRun.get("counts").get("updated").asInt()).isEqualTo(3);
    assertThat(lastRun.has("report")).isFalse();
    assertThat(syncs.get(1).get("lastRun").isNull()).isTrue();
    assertThat(syncs.get(1).get("cron").isNull()).isTrue();
  }

  @Test
  void syncByNameOr404() {
    assertThat(json(http.get("/api/syncs/csv-export")).get("destination").asText()).isEqualTo("csv");
    HttpResponse<String> missing = http.get("/api/syncs/nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"error\":\"no sync named 'nope'\"}");
    assertThat(http.get("/api/syncs/a%20b%2Fc").body()).isEqualTo("{\"error\":\"no sync named 'a b/c'\"}");
  }

  @Test
  void runNowIsAcceptedOr409WhileRunningOr404() {
    HttpResponse<String> response = http.post("/api/syncs/csv-export/run");
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).isEqualTo("{\"sync\":\"csv-export\",\"accepted\":true}");
    assertThat(backend.started()).containsExactly("csv-export");
    HttpResponse<String> again = http.post("/api/syncs/csv-export/run");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("already running");
    assertThat(backend.started()).containsExactly("csv-export");
    assertThat(http.post("/api/syncs/nope/run").statusCode()).isEqualTo(404);
  }

  @Test
  void retryIsAcceptedLikeRunForTheWholeSyncOrOneRecord() {
    HttpResponse<String> one = http.post("/api/syncs/csv-export/retry?record=u1&level=user");
    assertThat(one.statusCode()).isEqualTo(202);
    assertThat(one.body()).isEqualTo("{\"sync\":\"csv-export\",\"accepted\":true}");
    assertThat(http.post("/api/syncs/csv-export/retry").statusCode()).isEqualTo(409);
    HttpResponse<String> all = http.post("/api/syncs/product-to-hubspot/retry");
    assertThat(all.statusCode()).isEqualTo(202);
    assertThat(backend.retries).containsExactly("csv-export [user:u1]", "product-to-hubspot []");
  }

  @Test
  void retryOfAnUnknownRecordOrSyncIs404AndABadLevelIs400() {
    HttpResponse<String> unknown = http.post("/api/syncs/csv-export/retry?record=u9");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("no refused or unmatched record 'u9' in sync 'csv-export'");
    assertThat(http.post("/api/syncs/nope/retry").statusCode()).isEqualTo(404);
    assertThat(http.post("/api/syncs/csv-export/retry?record=u1&level=team").statusCode()).isEqualTo(400);
    assertThat(http.post("/api/syncs/csv-export/retry?level=user").statusCode()).isEqualTo(400);
    assertThat(http.get("/api/syncs/csv-export/retry").headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void pauseAndResumeAnswerWithTheUpdatedSync() {
    HttpResponse<String> paused = http.post("/api/syncs/product-to-hubspot/pause");
    assertThat(paused.statusCode()).isEqualTo(200);
    assertThat(json(paused).get("paused").asBoolean()).isTrue();
    assertThat(json(paused).get("nextFire").isNull()).isTrue();
    HttpResponse<String> resumed = http.post("/api/syncs/product-to-hubspot/resume");
    assertThat(resumed.statusCode()).isEqualTo(200);
    assertThat(json(resumed).get("paused").asBoolean()).isFalse();
    assertThat(http.post("/api/syncs/nope/pause").statusCode()).isEqualTo(404);
    assertThat(http.post("/api/syncs/nope/resume").statusCode()).isEqualTo(404);
  }

  @Test
  void runsNewestFirstWithDefaultLimit50() {
    HttpResponse<String> response = http.get("/api/runs");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode runs = json(response);
    assertThat(runs).extracting(r -> r.get("id").asLong()).containsExactly(7L, 6L);
    assertThat(runs.get(0).get("counts").get("failed").asInt()).isEqualTo(1);
    assertThat(runs.get(1).get("finishedAt").isNull()).isTrue();
    assertThat(backend.lastRunsSync).isNull();
    assertThat(backend.lastRunsLimit).isEqualTo(50);
  }

  @Test
  void runsOfOneSyncWithALimit() {
    JsonNode runs = json(http.get("/api/runs?sync=csv-export&limit=500"));
    assertThat(runs).extracting(r -> r.get("sync").asText()).containsExactly("csv-export");
    assertThat(backend.lastRunsSync).isEqualTo("csv-export");
    assertThat(backend.lastRunsLimit).isEqualTo(500);
  }

  @Test
  void badLimitIs400WithAMessage() {
    for (String limit : List.of("0", "501", "abc", "", "-3")) {
      HttpResponse<String> response = http.get("/api/runs?limit=" + limit);
      assertThat(response.statusCode()).as(limit).isEqualTo(400);
      assertThat(response.body()).isEqualTo("{\"error\":\"limit must be a whole number from 1 to 500\"}");
    }
  }

  @Test
  void runDetailHasReportErrorsAndReconciliation() {
    HttpResponse<String> response = http.get("/api/runs/7");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode run = json(response);
    assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(run.get("finishedAt").asText()).isEqualTo("2026-03-01T10:00:12Z");
    assertThat(run.get("report").get("phases").get(1).asText()).isEqualTo("push");
    assertThat(run.get("errors")).hasSize(1);
    assertThat(run.get("errors").get(0)).isEqualTo(json("""
        {"level":"user","entityId":"u1","category":"INVALID_REQUEST","vendorCode":"PROPERTY_DOESNT_EXIST",
         "message":"Property pql_score does not exist"}"""));
    assertThat(run.get("reconciliation")).as("what reading the CRM back found")
        .isEqualTo(json("{\"at\":\"2026-03-01T10:00:02Z\",\"checked\":40,\"drifted\":3,\"gone\":1}"));
  }

  @Test
  void historyListsAnEntitysVerdictChangesOldestFirst() {
    HttpResponse<String> response = http.get("/api/syncs/product-to-hubspot/history/user/u1");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response)).isEqualTo(json("""
        {"level":"user","id":"u1","changes":[
          {"at":"2026-03-01T10:00:00Z","status":"cold","score":20,"type":null,"activationPct":40.0,"runId":6},
          {"at":"2026-03-01T10:00:05Z","status":"pql","score":85,"type":"usage","activationPct":100.0,"runId":7}]}"""));
    assertThat(json(http.get("/api/syncs/product-to-hubspot/history/account/u1")).get("changes")).isEmpty();
    assertThat(http.get("/api/syncs/nope/history/user/u1").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/syncs/product-to-hubspot/history/team/u1").statusCode()).isEqualTo(400);
  }

  @Test
  void reportServesTheLiveConversionReportAsJsonWithItsPeriodInDays() {
    HttpResponse<String> response = http.get("/api/syncs/product-to-hubspot/report?since=180d&horizon=30d");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("sync").asText()).isEqualTo("product-to-hubspot");
    assertThat(json(response).get("horizonDays").asInt()).isEqualTo(30);
    assertThat(json(http.get("/api/syncs/product-to-hubspot/report")).get("horizonDays").asInt()).isEqualTo(90);
    assertThat(backend.reportsAsked).containsExactly("180d/30d", "90d/90d");

    HttpResponse<String> bad = http.get("/api/syncs/product-to-hubspot/report?since=soon");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("since must be a number of days such as 90d, got 'soon'");
    assertThat(http.get("/api/syncs/nope/report").statusCode()).isEqualTo(404);
  }

  @Test
  void aRunWithoutReconciliationSaysSo() {
    assertThat(json(http.get("/api/runs/6")).get("reconciliation").isNull()).isTrue();
  }

  @Test
  void unknownRunIs404AndNonNumericIdIs400() {
    HttpResponse<String> missing = http.get("/api/runs/99");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"error\":\"no run with id 99\"}");
    HttpResponse<String> bad = http.get("/api/runs/seven");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).isEqualTo("{\"error\":\"run id must be a number\"}");
  }

  @Test
  void reloadApplied200OrRejected422WithProblems() {
    HttpResponse<String> applied = http.post("/api/reload");
    assertThat(applied.statusCode()).isEqualTo(200);
    assertThat(json(applied).get("added").get(0).asText()).isEqualTo("new-sync");
    backend.reloadOutcome = ReloadOutcome.rejected(List.of("syncs[0].cron: invalid cron expression \"x\" at line 3"));
    HttpResponse<String> rejected = http.post("/api/reload");
    assertThat(rejected.statusCode()).isEqualTo(422);
    assertThat(json(rejected)).isEqualTo(json("""
        {"applied":false,"problems":["syncs[0].cron: invalid cron expression \\"x\\" at line 3"],
         "added":[],"removed":[],"changed":[]}"""));
  }

  @Test
  void metricsIsPrometheusTextWithRegisteredMeters() {
    registry.counter("pql.test.pushed", "sync", "csv-export").increment(3);
    HttpResponse<String> response = http.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body()).contains("# TYPE pql_test_pushed_total counter")
        .contains("pql_test_pushed_total{sync=\"csv-export\"} 3.0");
  }

  @Test
  void wrongMethodIs405WithAllow() {
    HttpResponse<String> response = http.get("/api/reload");
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    assertThat(response.body()).isEqualTo("{\"error\":\"method not allowed\"}");
    assertThat(http.send("DELETE", "/api/syncs/csv-export", null).headers().firstValue("Allow")).hasValue("GET");
    assertThat(http.post("/api/health").statusCode()).isEqualTo(405);
    assertThat(http.get("/api/syncs/csv-export/run").headers().firstValue("Allow")).hasValue("POST");
    HttpResponse<String> head = http.send("HEAD", "/metrics", null);
    assertThat(head.statusCode()).as("HEAD is answered as GET, without the body").isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void unknownPathIs404Json() {
    for (String path : List.of("/api", "/api/nothing", "/api/syncs/x/y/z", "/metrics/x")) {
      HttpResponse<String> response = http.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValue(JSON);
      assertThat(response.body()).isEqualTo("{\"error\":\"not found\"}");
    }
  }

  @Test
  void backendFailureIs500WithoutItsMessage() {
    backend.failure = new IllegalStateException("db password is hunter2 at jdbc:h2:secret");
    for (HttpResponse<String> response : List.of(http.get("/api/health"), http.get("/api/syncs"),
        http.post("/api/syncs/x/run"), http.get("/api/runs/7"), http.post("/api/reload"))) {
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.body()).isEqualTo("{\"error\":\"internal error\"}");
    }
  }
}
