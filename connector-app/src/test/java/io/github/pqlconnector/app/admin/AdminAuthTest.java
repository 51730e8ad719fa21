package io.github.pqlconnector.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.github.pqlconnector.core.config.AdminConfig;
import io.github.pqlconnector.core.secret.Secret;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** With a token: every path needs it, a 401 reveals nothing, and the token shows up in no log line or body. */
class AdminAuthTest {
  static final String TOKEN = "tok-Zq9-admin-4471-xv";
  static final String UNAUTHORIZED = "{\"error\":\"unauthorized\"}";

  final FakeBackend backend = FakeBackend.withTwoSyncs();
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  final List<Logger> debugLoggers = List.of(context.getLogger(Logger.ROOT_LOGGER_NAME),
      context.getLogger("io.github.pqlconnector"));
  List<Level> previousLevels;
  AdminServer server;
  AdminHttp http;

  @BeforeEach
  void start() {
    previousLevels = debugLoggers.stream().map(Logger::getLevel).toList();
    debugLoggers.forEach(logger -> logger.setLevel(Level.DEBUG));
    logs.start();
    debugLoggers.get(0).addAppender(logs);
    server = new AdminServer(backend, new AdminConfig("127.0.0.1", 0, new Secret(TOKEN)), registry);
    server.start();
    http = new AdminHttp(server.port(), TOKEN);
  }

  @AfterEach
  void stop() {
    server.close();
    debugLoggers.get(0).detachAppender(logs);
    for (int i = 0; i < debugLoggers.size(); i++) {
      debugLoggers.get(i).setLevel(previousLevels.get(i));
    }
  }

  @Test
  void missingTokenIs401OnEveryPathWithoutHintingWhatExists() {
    List<String[]> calls = List.of(new String[] {"GET", "/api/health"}, new String[] {"GET", "/metrics"},
        new String[] {"GET", "/api/syncs"}, new String[] {"POST", "/api/syncs/csv-export/run"},
        new String[] {"POST", "/api/reload"}, new String[] {"GET", "/api/runs/7"},
        new String[] {"GET", "/api/nothing-here"}, new String[] {"DELETE", "/api/syncs"});
    for (String[] call : calls) {
      assertUnauthorized(http.send(call[0], call[1], null), call[1]);
    }
    assertThat(backend.started()).isEmpty();
  }

  @Test
  void wrongTokenIs401() {
    for (String wrong : List.of("nope", TOKEN + "x", TOKEN.substring(1), TOKEN.toUpperCase(), "")) {
      assertUnauthorized(http.send("GET", "/api/health", wrong), wrong);
      assertUnauthorized(http.send("GET", "/metrics", wrong), wrong);
    }
  }

  @Test
  void rightTokenIsServed() {
    assertThat(http.get("/api/health").statusCode()).isEqualTo(200);
    assertThat(http.get("/api/syncs").statusCode()).isEqualTo(200);
    assertThat(http.get("/metrics").statusCode()).isEqualTo(200);
    assertThat(http.post("/api/syncs/csv-export/run").statusCode()).isEqualTo(202);
    assertThat(http.get("/api/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void tokenAppearsInNoLogLineAndNoResponseBody() {
    http.get("/api/health");
    http.get("/api/syncs");
    http.get("/api/runs?limit=5");
    http.get("/api/runs/7");
    http.post("/api/syncs/product-to-hubspot/pause");
    http.post("/api/reload");
    http.get("/metrics");
    http.get("/api/" + TOKEN);
    http.get("/api/runs?sync=" + TOKEN);
    http.send("GET", "/api/syncs", "wrong-" + TOKEN);
    http.send("GET", "/api/syncs", null);
    backend.failure = new IllegalStateException("backend down");
    http.get("/api/syncs");
    server.close();

    assertThat(http.bodies).hasSize(12).allSatisfy(body -> assertThat(body).doesNotContain(TOKEN));
    assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(line -> assertThat(line).matches("GET /api/health 200 \\d+ ms"))
        .anySatisfy(line -> assertThat(line).startsWith("POST /api/syncs/product-to-hubspot/pause 200 "))
        .anySatisfy(line -> assertThat(line).startsWith("GET /api/****** 404 "))
        .anySatisfy(line -> assertThat(line).startsWith("GET /api/syncs 401 "))
        .allSatisfy(line -> assertThat(line).doesNotContain(TOKEN).doesNotContainIgnoringCase("authorization"));
    assertThat(logs.list).filteredOn(event -> event.getLevel() == Level.ERROR).hasSize(1);
    assertThat(logs.list).allSatisfy(event -> assertThat(throwableText(event.getThrowableProxy()))
        .doesNotContain(TOKEN));
  }

  private static void assertUnauthorized(HttpResponse<String> response, String what) {
    assertThat(response.statusCode()).as(what).isEqualTo(401);
    assertThat(response.body()).as(what).isEqualTo(UNAUTHORIZED);
    assertThat(response.headers().firstValue("WWW-Authenticate")).as(what).hasValue("Bearer");
    assertThat(response.headers().firstValue("Allow")).as(what).isEmpty();
  }

  private static String throwableText(IThrowableProxy proxy) {
    return proxy == null ? "" : proxy.getClassName() + ": " + proxy.getMessage() + throwableText(proxy.getCause());
  }
}
