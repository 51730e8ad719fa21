package io.github.pqlconnector.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.github.pqlconnector.app.browser.Chromium;
import io.github.pqlconnector.core.config.AdminConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The default set-up (loopback, no token, no users) attacked from a real browser: a page on another site or
 * another port that submits a form to the admin port, and a DNS-rebinding name that points at 127.0.0.1. Chromium
 * resolves {@code evil.test} and {@code rebind.test} to 127.0.0.1, as an attacker's DNS would.
 */
class BrowserAttackTest {
  final FakeBackend backend = FakeBackend.withTwoSyncs();
  AdminServer admin;
  HttpServer attacker;
  ChromeDriver browser;

  @BeforeEach
  void start() throws IOException {
    browser = Chromium.start("--host-resolver-rules=MAP evil.test 127.0.0.1, MAP rebind.test 127.0.0.1");
    admin = new AdminServer(backend, AdminConfig.defaults().onPort(0),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    admin.start();
    attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    attacker.createContext("/", exchange -> {
      byte[] page = attackPage(exchange.getRequestURI().getQuery()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(page);
      }
    });
    attacker.start();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (attacker != null) {
      attacker.stop(0);
    }
    if (admin != null) {
      admin.close();
    }
  }

  @Test
  void aCrossSitePageAutoPostingATextPlainFormPausesNothing() {
    attack("evil.test", "/api/syncs/csv-export/pause", "text/plain");
    assertThat(refusal()).contains("refused");
    attack("evil.test", "/syncs/csv-export/pause", "application/x-www-form-urlencoded");
    assertThat(refusal()).contains("refused");
    assertThat(backend.sync("csv-export").orElseThrow().paused()).isFalse();
    assertThat(backend.started()).isEmpty();
  }

  @Test
  void aPageOnAnotherPortOfThisMachineIsAnotherOriginAndChangesNothing() {
    attack("127.0.0.1", "/api/syncs/csv-export/run", "text/plain");
    assertThat(refusal()).contains("cross-origin requests are refused");
    attack("localhost", "/api/reload", "text/plain");
    assertThat(refusal()).contains("refused");
    assertThat(backend.started()).isEmpty();
  }

  @Test
  void aRebindingNameReadsNothing() {
    for (String path : new String[] {"/api/runs", "/api/syncs", "/", "/runs"}) {
      browser.get("http://rebind.test:" + admin.port() + path);
      String body = browser.findElement(By.tagName("body")).getText();
      assertThat(body).as(path).contains("does not answer to the host name").doesNotContain("csv-export");
    }
    browser.get("http://127.0.0.1:" + admin.port() + "/api/syncs");
    assertThat(browser.findElement(By.tagName("body")).getText()).as("the control").contains("csv-export");
  }

  /** Opens the attacker's page, which submits its form to the admin port at once, and waits until it has. */
  private void attack(String attackerHost, String target, String enctype) {
    String query = "target=" + target + "&enctype=" + enctype + "&port=" + admin.port();
    browser.get("http://" + attackerHost + ":" + attacker.getAddress().getPort() + "/?" + query);
    await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains(":" + admin.port() + "/"));
  }

  private String refusal() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private static String attackPage(String query) {
    Map<String, String> params = Paths.query(query);
    return """
        <!doctype html><html><body>
        <form id="f" method="post" action="http://127.0.0.1:%s%s" enctype="%s">
          <input name="x" value="1"><input name="intent" value="save">
        </form>
        <script>document.getElementById('f').submit();</script>
        </body></html>""".formatted(params.get("port"), params.get("target"), params.get("enctype"));
  }
}
