package io.github.pqlconnector.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.config.AdminConfig;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.secret.Secret;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting (and refusing to), the bound port, and closing: quickly when idle, after the requests in progress. */
class AdminServerLifecycleTest {
  final FakeBackend backend = FakeBackend.withTwoSyncs();
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void refusesToServeANonLoopbackAddressWithoutAToken() {
    AdminServer server = new AdminServer(backend, new AdminConfig("0.0.0.0", 0, null), registry);
    assertThatThrownBy(server::start).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("admin.token: ").hasMessageContaining("0.0.0.0").hasMessageContaining("without a token");
    assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
    server.close();
  }

  @Test
  void refusesABlankToken() {
    AdminServer server = new AdminServer(backend, new AdminConfig(null, 0, new Secret("  ")), registry);
    assertThatThrownBy(server::start).isInstanceOf(ConfigException.class).hasMessageContaining("blank");
  }

  @Test
  void aPortInUseIsAConfigProblemNamingAdminPort() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      AdminServer server = new AdminServer(backend, new AdminConfig("127.0.0.1", taken.getLocalPort(), null), registry);
      assertThatThrownBy(server::start).isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("admin.port: 127.0.0.1:" + taken.getLocalPort() + " is already in use")
          .hasMessageContaining("--port");
    }
  }

  @Test
  void servesANonLoopbackAddressWithAToken() {
    try (AdminServer server = new AdminServer(backend, new AdminConfig("0.0.0.0", 0, new Secret("t0k")), registry)) {
      server.start();
      assertThat(new AdminHttp(server.port(), "t0k").get("/api/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void startsOnceAndClosingTwiceIsHarmless() {
    AdminServer server = new AdminServer(backend, new AdminConfig(null, 0, null), registry);
    server.start();
    assertThat(server.port()).isPositive();
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    server.close();
    server.close();
  }

  @Test
  void closeIsQuickWhenIdleAndFreesThePort() {
    AdminServer server = new AdminServer(backend, new AdminConfig(null, 0, null), registry);
    server.start();
    int port = server.port();
    new AdminHttp(port, null).get("/api/health");
    long started = System.nanoTime();
    server.close();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1000);
    assertThat(accepts(port)).isFalse();
  }

  @Test
  void closeLetsARequestInProgressFinish() throws Exception {
    backend.entered = new CountDownLatch(1);
    AdminServer server = new AdminServer(backend, new AdminConfig(null, 0, null), registry);
    server.start();
    AdminHttp http = new AdminHttp(server.port(), null);
    CompletableFuture<HttpResponse<String>> call = CompletableFuture.supplyAsync(() -> http.get("/api/syncs"));
    assertThat(backend.entered.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    Thread.sleep(100);
    assertThat(closing).isNotDone();
    backend.release.countDown();
    assertThat(call.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    closing.get(5, TimeUnit.SECONDS);
  }

  @Test
  void closeGivesUpOnAHungRequestAfterAboutTwoSeconds() throws Exception {
    backend.entered = new CountDownLatch(1);
    AdminServer server = new AdminServer(backend, new AdminConfig(null, 0, null), registry);
    server.start();
    AdminHttp http = new AdminHttp(server.port(), null);
    CompletableFuture.runAsync(() -> http.get("/api/syncs")).exceptionally(e -> null);
    assertThat(backend.entered.await(5, TimeUnit.SECONDS)).isTrue();
    long started = System.nanoTime();
    server.close();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(1000L, 2500L);
    backend.release.countDown();
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
