package io.github.pqlconnector.app.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pql serve} with alerts: a run through the admin API queues a new-PQL digest that the daemon's sender posts
 * to Slack with links to the HubSpot records (portalId); the metrics count it and export the last
 * success; the Slack URL and the webhook secret appear in no admin API answer.
 */
class ServeAlertsTest {
  static final String SLACK_PATH = "/services/T0ZZZ/B0YYY/serveSlackS3cret42";
  static final String SLACK_URL = "https://hooks.slack.com" + SLACK_PATH;
  static final String WEBHOOK_SECRET = "serve-webhook-s3cret-77";
  static final String SYNC = "product-to-hubspot";

  @TempDir Path dir;
  final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
  final HttpClient http = HttpClient.newHttpClient();
  ConsoleStack console;

  @BeforeEach
  void start() throws Exception {
    receiver.start();
    receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
    String alerts = """
        alerts:
          slack: { webhookUrl: "${SLACK_WEBHOOK_URL}", baseUrl: "%1$s" }
          webhook: { url: "%1$s/pql", secret: "${PQL_WEBHOOK_SECRET}" }
          on: [new_pqls, run_failed]
        """.formatted(receiver.baseUrl());
    console = new ConsoleStack(dir, alerts, Map.of("SLACK_WEBHOOK_URL", SLACK_URL,
        "PQL_WEBHOOK_SECRET", WEBHOOK_SECRET));
  }

  @AfterEach
  void stop() {
    console.close();
    receiver.stop();
  }

  @Test
  void aRunsNewPqlsReachSlackWithCrmLinksAndAreCounted() throws Exception {
    assertThat(call("POST", "/api/syncs/" + SYNC + "/run").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.findAll(postRequestedFor(urlEqualTo(SLACK_PATH)))
        .size() == 1 && receiver.findAll(postRequestedFor(urlEqualTo("/pql"))).size() == 1);
    LoggedRequest slack = receiver.findAll(postRequestedFor(urlEqualTo(SLACK_PATH))).get(0);
    assertThat(slack.getBodyAsString()).contains("new PQLs in " + SYNC)
        .contains("<https://app.hubspot.com/contacts/" + ConsoleStack.PORTAL + "/record/0-1/")
        .contains("and 4 more");
    String metrics = call("GET", "/metrics").body();
    assertThat(metrics).contains("pql_alerts_total{kind=\"new_pqls\",outcome=\"sent\"} 2.0")
        .containsPattern("pql_last_success_timestamp_seconds\\{sync=\"" + SYNC + "\"} [0-9.E]+");
    for (String path : List.of("/api/syncs", "/api/syncs/" + SYNC, "/api/runs/1", "/api/health", "/metrics")) {
      assertThat(call("GET", path).body()).as(path).doesNotContain("serveSlackS3cret42")
          .doesNotContain(WEBHOOK_SECRET);
    }
  }

  private HttpResponse<String> call(String method, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(console.url(path)))
        .header("Authorization", "Bearer " + ConsoleStack.TOKEN)
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
