package io.github.pqlconnector.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.AdminConfig;
import io.github.pqlconnector.core.config.AdminUser;
import io.github.pqlconnector.core.secret.Secret;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Signing in to the console as a browser does, byte for byte: the cookie's attributes, a new session at sign-in,
 * the token as a password, the login form's CSRF token, where {@code next} may lead, the throttle, roles.
 */
class ConsoleSignInTest {
  static final String TOKEN = "tok-console-Vx81-q";
  static final String ALICE_PASSWORD = "alice-pw-Kd92";
  static final String BOB_PASSWORD = "bob-pw-Zr44";
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  static final List<AdminUser> USERS = List.of(
      new AdminUser("alice", Passwords.hash(ALICE_PASSWORD), AdminUser.OPERATOR),
      new AdminUser("bob", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(BOB_PASSWORD), null));

  final FakeBackend backend = FakeBackend.withTwoSyncs();
  AdminServer server;
  int port;

  @BeforeEach   // a server each: every browser here comes from 127.0.0.1, and the throttle counts per address
  void start() {
    server = new AdminServer(backend, new AdminConfig("127.0.0.1", 0, new Secret(TOKEN), USERS, null, null),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    server.start();
    port = server.port();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theCookieIsHttpOnlyAndStrictAndSecureBehindTls() {
    assertThat(RawHttp.get(port, "/login").header("Set-Cookie"))
        .matches("pql_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict");
    assertThat(RawHttp.get(port, "/login", "X-Forwarded-Proto: https").header("Set-Cookie"))
        .endsWith("; Path=/; HttpOnly; SameSite=Strict; Secure");
  }

  @Test
  void signingInOpensANewSessionAndTheOldIdIsWorthless() {
    Browser browser = new Browser();
    String before = browser.cookie;
    RawHttp.Answer signedIn = browser.signIn("alice", ALICE_PASSWORD, "/runs?sync=csv-export");
    assertThat(signedIn.status()).isEqualTo(303);
    assertThat(signedIn.header("Location")).isEqualTo("/runs?sync=csv-export");
    assertThat(browser.cookie).isNotEqualTo(before);
    assertThat(browser.get("/").status()).isEqualTo(200);
    assertThat(RawHttp.get(port, "/", "Cookie: pql_session=" + before).header("Location")).startsWith("/login");
  }

  @Test
  void theAdminTokenSignsInWithAnEmptyName() {
    Browser browser = new Browser();
    assertThat(browser.signIn("", TOKEN, "/").status()).isEqualTo(303);
    assertThat(browser.get("/").body()).contains("admin (operator)");
    assertThat(new Browser().signIn("", TOKEN + "x", "/").status()).isEqualTo(401);
  }

  @Test
  void aSignInWithoutTheFormsCsrfTokenIsRefused() {
    Browser browser = new Browser();
    browser.csrf = "forged";
    RawHttp.Answer answer = browser.signIn("alice", ALICE_PASSWORD, "/");
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body()).contains("The form had expired");
    assertThat(browser.get("/").header("Location")).startsWith("/login");
  }

  @Test
  void nextNeverLeadsToAnotherSite() {
    for (String next : List.of("//evil.example/x", "https://evil.example", "/\\evil.example", "evil", "/login")) {
      Browser browser = new Browser();
      assertThat(browser.signIn("alice", ALICE_PASSWORD, next).header("Location")).as(next).isEqualTo("/");
    }
  }

  @Test
  void repeatedFailuresAreThrottledEvenWhenThePasswordIsThenRight() {
    Browser browser = new Browser();
    for (int i = 0; i < SignInThrottle.MAX_FAILURES; i++) {
      assertThat(browser.signIn("alice", "guess-" + i, "/").status()).isEqualTo(401);
    }
    RawHttp.Answer refused = browser.signIn("alice", ALICE_PASSWORD, "/");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L + 1);
    assertThat(refused.body()).contains("Too many failed sign-ins").doesNotContain(ALICE_PASSWORD);
    assertThat(new Browser().signIn("", TOKEN, "/").status()).as("and so is this address").isEqualTo(429);
  }

  @Test
  void anArgon2ViewerSignsInButChangesNothingWhileAnOperatorMay() {
    Browser viewer = new Browser();
    assertThat(viewer.signIn("bob", BOB_PASSWORD, "/").status()).isEqualTo(303);
    assertThat(viewer.post("/syncs/csv-export/pause").status()).isEqualTo(403);
    assertThat(backend.sync("csv-export").orElseThrow().paused()).isFalse();
    Browser operator = new Browser();
    operator.signIn("alice", ALICE_PASSWORD, "/");
    assertThat(operator.post("/syncs/csv-export/pause").status()).isEqualTo(303);
    assertThat(backend.sync("csv-export").orElseThrow().paused()).isTrue();
    operator.post("/syncs/csv-export/resume");
  }

  @Test
  void signingOutEndsTheSession() {
    Browser browser = new Browser();
    browser.signIn("alice", ALICE_PASSWORD, "/");
    String session = browser.cookie;
    RawHttp.Answer out = browser.post("/logout");
    assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
    assertThat(RawHttp.get(port, "/", "Cookie: pql_session=" + session).header("Location")).startsWith("/login");
  }

  /** One browser: its cookie and the CSRF token of the last page it was given. */
  final class Browser {
    String cookie;
    String csrf;

    Browser() {
      remember(RawHttp.get(port, "/login"));
    }

    RawHttp.Answer signIn(String name, String password, String next) {
      return submit("/login", "name=" + encode(name) + "&password=" + encode(password) + "&next=" + encode(next));
    }

    RawHttp.Answer post(String path) {
      remember(get("/"));
      return submit(path, "");
    }

    RawHttp.Answer get(String path) {
      return RawHttp.send(port, "GET", path, headers(), "");
    }

    private RawHttp.Answer submit(String path, String form) {
      List<String> headers = headers();
      headers.add("Origin: http://127.0.0.1:" + port);
      headers.add("Content-Type: application/x-www-form-urlencoded");
      RawHttp.Answer answer = RawHttp.send(port, "POST", path, headers, "_csrf=" + encode(csrf) + "&" + form);
      String set = answer.header("Set-Cookie");
      if (set != null) {
        cookie = set.substring(set.indexOf('=') + 1, set.indexOf(';'));
      }
      return answer;
    }

    private List<String> headers() {
      return new ArrayList<>(List.of("Cookie: pql_session=" + cookie));
    }

    private void remember(RawHttp.Answer page) {
      String set = page.header("Set-Cookie");
      if (set != null) {
        cookie = set.substring(set.indexOf('=') + 1, set.indexOf(';'));
      }
      Matcher matcher = CSRF.matcher(page.body());
      if (matcher.find()) {
        csrf = matcher.group(1);
      }
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
