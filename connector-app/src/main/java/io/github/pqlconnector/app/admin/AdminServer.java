package io.github.pqlconnector.app.admin;

import com.sun.net.httpserver.HttpServer;
import io.github.pqlconnector.core.config.AdminConfig;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.secret.Secret;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP API of {@code pql serve} on the JDK's built-in HTTP server: JSON endpoints over an
 * {@link AdminBackend}, Prometheus metrics at {@code /metrics}, and a bearer token on every request when one is
 * configured. Without a token it only ever listens on a loopback address. Start once; close stops it.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
  private static final int THREADS = 3;
  private static final Duration DRAIN = Duration.ofMillis(1500);
  private static final Duration EXECUTOR_STOP = Duration.ofMillis(500);

  private final AdminBackend backend;
  private final AdminConfig config;
  private final PrometheusMeterRegistry metrics;
  private final InFlight inFlight = new InFlight();
  private @Nullable HttpServer server;
  private @Nullable ExecutorService executor;
  private boolean started;

  public AdminServer(AdminBackend backend, AdminConfig config, PrometheusMeterRegistry metrics) {
    this.backend = backend;
    this.config = config;
    this.metrics = metrics;
  }

  /**
   * Binds {@code bind:port} (port 0: any free port) and starts serving. Throws {@link ConfigException} naming
   * {@code admin.*} when the bind address is not loopback and there is no token (nothing is bound then), and when
   * the address cannot be resolved or bound (a port in use); {@link IllegalStateException} when started twice.
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("the admin server was already started");
    }
    Secret token = config.token();
    refuseUnprotected(token);
    started = true;
    HttpServer http = bind();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS, daemonThreads());
    JsonResponses json = new JsonResponses();
    AdminRoutes routes = new AdminRoutes(new AdminEndpoints(backend, metrics, json), json);
    http.createContext("/", new AdminHandler(new BearerAuth(token), routes, json, inFlight));
    http.setExecutor(threads);
    http.start();
    server = http;
    executor = threads;
    log.info("admin API listening on {}:{}{}", config.bind(), http.getAddress().getPort(),
        token == null ? " (no token, loopback only)" : "");
  }

  /** The port bound; useful with port 0. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("the admin server is not running");
    }
    return server.getAddress().getPort();
  }

  /** Stops taking requests, lets the ones in progress finish (about 2 s at most), and frees the port. */
  @Override
  public synchronized void close() {
    HttpServer http = server;
    ExecutorService threads = executor;
    if (http == null || threads == null) {
      return;
    }
    server = null;
    executor = null;
    try {
      if (!inFlight.awaitIdle(DRAIN)) {
        log.warn("admin API stopping with requests still in progress");
      }
      http.stop(0);
      threads.shutdown();
      if (!threads.awaitTermination(EXECUTOR_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      http.stop(0);
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void refuseUnprotected(@Nullable Secret token) {
    if (!config.isLoopback() && token == null) {
      throw ConfigException.of("admin.token", "refusing to serve the admin API on " + config.bind()
          + " without a token; set admin.token or bind to 127.0.0.1");
    }
    if (token != null && token.reveal().isBlank()) {
      throw ConfigException.of("admin.token", "refusing to serve the admin API with a blank token");
    }
  }

  private HttpServer bind() {
    InetSocketAddress address = new InetSocketAddress(config.bind(), config.port());
    if (address.isUnresolved()) {
      throw ConfigException.of("admin.bind", "cannot resolve the admin bind address " + config.bind());
    }
    try {
      return HttpServer.create(address, 0);
    } catch (BindException e) {
      throw ConfigException.of("admin.port", config.bind() + ":" + config.port() + " is already in use or not"
          + " allowed (" + e.getMessage() + "); is another pql serve running? Choose another admin.port or pass --port");
    } catch (IOException e) {
      throw ConfigException.of("admin.port", "cannot listen on " + config.bind() + ":" + config.port() + ": "
          + e.getMessage());
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger next = new AtomicInteger(1);
    return runnable -> {
      Thread thread = new Thread(runnable, "pql-admin-" + next.getAndIncrement());
      thread.setDaemon(true);
      return thread;
    };
  }
}
