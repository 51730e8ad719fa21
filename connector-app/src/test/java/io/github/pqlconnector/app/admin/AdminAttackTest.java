package io.github.pqlconnector.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.AdminConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default set-up (loopback, no token, no users) tried as an attacker on the same machine would: a page the
 * operator visits, a DNS-rebinding page, slow clients. Requests are written on sockets, byte for byte.
 */
class AdminAttackTest {
  final FakeBackend backend = FakeBackend.withTwoSyncs();
  AdminServer server;
  int port;

  @BeforeEach
  void start() {
    server = new AdminServer(backend, new AdminConfig(null, 0, null),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Duration.ofSeconds(2));
    server.start();
    port = server.port();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aCrossSiteSimplePostChangesNothing() {
    for (String path : List.of("/api/syncs/csv-export/pause", "/api/reload", "/api/syncs/csv-export/run")) {
      RawHttp.Answer answer = RawHttp.send(port, "POST", path, List.of("Origin: https://evil.example",
          "Content-Type: text/plain", "Sec-Fetch-Site: cross-site"), "x");
      assertThat(answer.status()).as(path).isEqualTo(403);
      assertThat(answer.header("Content-Type")).startsWith("application/json");
    }
    assertThat(backend.sync("csv-export").orElseThrow().paused()).isFalse();
    assertThat(backend.started()).isEmpty();
  }

  @Test
  void aPostWithoutOriginStillNeedsTheScriptHeaderOrACsrfToken() {
    RawHttp.Answer bare = RawHttp.send(port, "POST", "/api/syncs/csv-export/pause",
        List.of("Content-Type: text/plain"), "");
    assertThat(bare.status()).isEqualTo(403);
    assertThat(bare.body()).contains("CSRF").contains(Access.SCRIPT_HEADER);
    RawHttp.Answer page = RawHttp.send(port, "POST", "/syncs/csv-export/pause",
        List.of("Content-Type: application/x-www-form-urlencoded"), "");
    assertThat(page.status()).isEqualTo(403);
    assertThat(backend.sync("csv-export").orElseThrow().paused()).isFalse();

    RawHttp.Answer script = RawHttp.send(port, "POST", "/api/syncs/csv-export/pause",
        List.of(Access.SCRIPT_HEADER + ": 1"), "");
    assertThat(script.status()).isEqualTo(200);
    assertThat(backend.sync("csv-export").orElseThrow().paused()).isTrue();
  }

  @Test
  void anotherServiceOnThisMachineIsAnotherOrigin() {
    RawHttp.Answer other = RawHttp.send(port, "POST", "/api/syncs/csv-export/pause",
        List.of("Origin: http://127.0.0.1:" + (port == 65_535 ? port - 1 : port + 1), Access.SCRIPT_HEADER + ": 1"), "");
    assertThat(other.status()).isEqualTo(403);
    assertThat(backend.sync("csv-export").orElseThrow().paused()).isFalse();
    RawHttp.Answer same = RawHttp.send(port, "POST", "/api/syncs/csv-export/pause",
        List.of("Origin: http://127.0.0.1:" + port, Access.SCRIPT_HEADER + ": 1"), "");
    assertThat(same.status()).isEqualTo(200);
  }

  @Test
  void aForeignHostIsRefusedSoARebindingPageReadsNothing() {
    RawHttp.Answer rebound = RawHttp.get(port, "/api/runs", "Host: attacker.example:" + port);
    assertThat(rebound.status()).isEqualTo(403);
    assertThat(rebound.body()).doesNotContain("product-to-hubspot").contains("allowedHosts");
    assertThat(RawHttp.get(port, "/", "Host: attacker.example").status()).isEqualTo(403);
    assertThat(RawHttp.get(port, "/api/runs", "Host: localhost:" + port).status()).isEqualTo(200);
    assertThat(RawHttp.get(port, "/api/runs").status()).isEqualTo(200);
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : List.of("/", "/api/health", "/api/nope", "/assets/console.css", "/runs/99")) {
      RawHttp.Answer answer = RawHttp.get(port, path);
      assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(answer.header("Cache-Control")).as(path).isEqualTo("no-store");
      assertThat(answer.header("Content-Security-Policy")).as(path).contains("default-src 'none'")
          .contains("frame-ancestors 'none'").doesNotContain("unsafe");
      assertThat(answer.header("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(answer.header("Server")).as(path).isNull();
    }
  }

  @Test
  void malformedRequestsGetJsonNotAnHtmlErrorPage() {
    for (String path : List.of("/api/syncs/%zz", "/%", "/api/runs?limit=%G1")) {
      RawHttp.Answer answer = RawHttp.get(port, path);
      assertThat(answer.status()).as(path).isEqualTo(400);
      assertThat(answer.header("Content-Type")).as(path).startsWith("application/json");
      assertThat(answer.body()).as(path).startsWith("{\"error\":").doesNotContain("<");
    }
    String huge = "x".repeat(9_000);   // over the 8 KiB limit, yet read whole: a server closing on unread bytes resets
    RawHttp.Answer tooBig = RawHttp.get(port, "/api/health", "X-Big: " + huge);
    assertThat(tooBig.status()).isEqualTo(431);
    assertThat(tooBig.body()).startsWith("{\"error\":");
    RawHttp.Answer bigBody = RawHttp.announce(port, "POST", "/api/reload", List.of(Access.SCRIPT_HEADER + ": 1",
        "Content-Type: application/x-www-form-urlencoded"), AdminServer.MAX_REQUEST_BYTES + 1L);
    assertThat(bigBody.status()).isEqualTo(413);
    assertThat(bigBody.body()).startsWith("{\"error\":");
  }

  @Test
  void fiftySlowClientsDoNotStopANormalRequest() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write("GET /api/health HTTP/1.1\r\nHost: 127".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        slow.add(socket);
      }
      for (int second = 0; second < 3; second++) {
        for (Socket socket : slow) {
          socket.getOutputStream().write('.');
        }
        long started = System.nanoTime();
        RawHttp.Answer health = RawHttp.get(port, "/api/health");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(health.status()).isEqualTo(200);
        assertThat(millis).as("answered while 50 clients trickle headers").isLessThan(1000);
        Thread.sleep(1000);
      }
    } finally {
      for (Socket socket : slow) {
        closeQuietly(socket);
      }
    }
  }

  @Test
  void aClientThatNeverFinishesItsHeadersIsCutOffAtTheDeadline() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      long started = System.nanoTime();
      out.write("GET /api/health HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
      boolean open = true;
      while (open && System.nanoTime() - started < 8_000_000_000L) {
        Thread.sleep(300);
        try {
          out.write('X'); // one byte at a time: the idle timeout alone would never fire
          out.flush();
        } catch (IOException e) {
          open = false;
        }
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertThat(open).as("closed by the server").isFalse();
      assertThat(millis).as("at the 2 s deadline, give or take a write").isBetween(1500L, 4000L);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // the server may have closed it first
    }
  }
}
