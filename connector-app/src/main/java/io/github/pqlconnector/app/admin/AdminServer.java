package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.config.AdminConfig;
import io.github.pqlconnector.core.error.ConfigException;
import io.github.pqlconnector.core.secret.Secret;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin console and JSON API of {@code pql serve} on embedded Jetty, hardened against slow and hostile
 * clients: headers are parsed without holding a thread, a connection must send its first request within
 * {@link #HEADER_DEADLINE} and is closed after {@link #IDLE_TIMEOUT} of silence, requests are capped at
 * {@link #MAX_REQUEST_BYTES} (headers at 8 KiB), threads at {@link #MAX_THREADS} and connections at
 * {@link #MAX_CONNECTIONS}. Without a token or users it only ever listens on a loopback address. Start once.
 */
public final class AdminServer implements AutoCloseable {
  static final int MAX_REQUEST_BYTES = 64 * 1024;
  static final int MAX_THREADS = 16;
  static final int MAX_CONNECTIONS = 512;
  static final Duration HEADER_DEADLINE = Duration.ofSeconds(10);
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
  private static final Duration DRAIN = Duration.ofMillis(1500);
  private static final Duration STOP_TIMEOUT = Duration.ofMillis(300);

  private final AdminBackend backend;
  private final AdminConfig config;
  private final PrometheusMeterRegistry metrics;
  private final Duration headerDeadline;
  private final InFlight inFlight = new InFlight();
  private @Nullable Server server;
  private @Nullable ServerConnector connector;
  private boolean started;

  public AdminServer(AdminBackend backend, AdminConfig config, PrometheusMeterRegistry metrics) {
    this(backend, config, metrics, HEADER_DEADLINE);
  }

  /** With another deadline for a connection's first request (tests). */
  AdminServer(AdminBackend backend, AdminConfig config, PrometheusMeterRegistry metrics, Duration headerDeadline) {
    this.backend = backend;
    this.config = config;
    this.metrics = metrics;
    this.headerDeadline = headerDeadline;
  }

  /**
   * Binds {@code bind:port} (port 0: any free port) and starts serving. Throws {@link ConfigException} naming
   * {@code admin.*} when the bind address is not loopback and nothing protects it (nothing is bound then), and when
   * the address cannot be resolved or bound (a port in use); {@link IllegalStateException} when started twice.
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("the admin server was already started");
    }
    refuseUnprotected(config.token());
    started = true;
    InetSocketAddress address = new InetSocketAddress(config.bind(), config.port());
    if (address.isUnresolved()) {
      throw ConfigException.of("admin.bind", "cannot resolve the admin bind address " + config.bind());
    }
    Server jetty = new Server(threads());
    jetty.setStopTimeout(STOP_TIMEOUT.toMillis());
    ServerConnector http = connector(jetty);
    JsonResponses json = new JsonResponses();
    jetty.setErrorHandler(new JsonErrorHandler(json));
    SizeLimitHandler limit = new SizeLimitHandler(MAX_REQUEST_BYTES, -1);
    limit.setHandler(handler(json));
    jetty.setHandler(limit);
    jetty.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, http));
    startOrExplain(jetty);
    server = jetty;
    connector = http;
    log.info("admin console listening on {}:{}{}", config.bind(), http.getLocalPort(),
        config.isProtected() ? "" : " (no token or users: loopback only, no sign-in)");
  }

  private AdminHandler handler(JsonResponses json) {
    BearerAuth bearer = new BearerAuth(config.token());
    Sessions sessions = new Sessions(config.sessionTimeout(), Clock.systemUTC());
    Access access = new Access(config, bearer, new SignInThrottle(Clock.systemUTC()));
    AdminRoutes api = new AdminRoutes(new AdminEndpoints(backend, metrics, json), json);
    Console console = new Console(backend, sessions, access);
    Gate gate = new Gate(new RequestGuard(config), sessions, access, api, console, json);
    return new AdminHandler(gate, bearer, json, inFlight);
  }

  private static QueuedThreadPool threads() {
    QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2);
    pool.setName("pql-admin");
    pool.setDaemon(true);
    pool.setStopTimeout(STOP_TIMEOUT.toMillis());
    return pool;
  }

  private ServerConnector connector(Server jetty) {
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(8 * 1024);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    // Paths are split and decoded by Paths, so an encoded slash in a sync name is a name, not a separator.
    http.setUriCompliance(UriCompliance.DEFAULT.with("pql", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
    ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(config.bind());
    connector.setPort(config.port());
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    connector.addBean(new HeaderDeadline(jetty.getScheduler(), headerDeadline));
    jetty.addConnector(connector);
    return connector;
  }

  private void startOrExplain(Server jetty) {
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly(jetty);
      if (e instanceof BindException || e.getCause() instanceof BindException) {
        throw ConfigException.of("admin.port", config.bind() + ":" + config.port() + " is already in use or not"
            + " allowed (" + e.getMessage() + "); is another pql serve running? Choose another admin.port or pass --port");
      }
      throw ConfigException.of("admin.port", "cannot listen on " + config.bind() + ":" + config.port() + ": "
          + e.getMessage());
    }
  }

  /** The port bound; useful with port 0. */
  public synchronized int port() {
    if (connector == null) {
      throw new IllegalStateException("the admin server is not running");
    }
    return connector.getLocalPort();
  }

  /** Stops taking requests, lets the ones in progress finish (about 2 s at most), and frees the port. */
  @Override
  public synchronized void close() {
    Server jetty = server;
    if (jetty == null) {
      return;
    }
    server = null;
    connector = null;
    try {
      if (!inFlight.awaitIdle(DRAIN)) {
        log.warn("admin API stopping with requests still in progress");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stopQuietly(jetty);
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception e) {
      log.warn("admin server did not stop cleanly: {}", e.getMessage());
    }
  }

  private void refuseUnprotected(@Nullable Secret token) {
    if (!config.isLoopback() && !config.isProtected()) {
      throw ConfigException.of("admin.token", "refusing to serve the admin API on " + config.bind()
          + " without a token or users; set admin.token or admin.users, or bind to 127.0.0.1");
    }
    if (token != null && token.reveal().isBlank()) {
      throw ConfigException.of("admin.token", "refusing to serve the admin API with a blank token");
    }
  }
}
