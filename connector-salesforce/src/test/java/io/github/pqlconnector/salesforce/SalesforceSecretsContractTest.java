package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.pqlconnector.salesforce.SalesforceStubs.ACCESS_ONE;
import static io.github.pqlconnector.salesforce.SalesforceStubs.ACCESS_TWO;
import static io.github.pqlconnector.salesforce.SalesforceStubs.CLIENT_SECRET;
import static io.github.pqlconnector.salesforce.SalesforceStubs.DATA;
import static io.github.pqlconnector.salesforce.SalesforceStubs.REFRESH_TOKEN;
import static io.github.pqlconnector.salesforce.SalesforceStubs.TOKEN_PATH;
import static io.github.pqlconnector.salesforce.SalesforceStubs.fixture;
import static io.github.pqlconnector.salesforce.SalesforceStubs.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.MatchKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No client secret, refresh token, access token or private key in any log line (HTTP logging on at DEBUG), any
 * exception message or any fixture; the test's RSA key is generated here and never written anywhere.
 */
@WireMockTest
class SalesforceSecretsContractTest {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final List<String> messages = new ArrayList<>();
  private Level previous;

  @BeforeEach
  void captureEverything() {
    previous = root.getLevel();
    root.setLevel(Level.DEBUG);
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void restore() {
    root.detachAppender(captured);
    root.setLevel(previous);
  }

  @Test
  void noCredentialReachesALogLineOrAnExceptionMessage(WireMockRuntimeInfo wm) throws Exception {
    KeyPair keys = SalesforceAuthContractTest.rsaKeys();
    String pem = SalesforceAuthContractTest.pem(keys);
    SalesforceAuthContractTest.tokenInScenario("token-client-credentials.json", "Started", "one");
    SalesforceAuthContractTest.tokenInScenario("token-second.json", "one", "two");
    stubFor(get(urlPathEqualTo(DATA + "/query")).willReturn(json(401, fixture("errors/401-invalid-session.json"))));
    attempt(SalesforceStubs.destination(wm));
    attempt(SalesforceStubs.destination(SalesforceStubs.config(SalesforceAuthContractTest.refreshAuth(wm), false,
        null), Clock.systemUTC()));
    attempt(SalesforceStubs.destination(SalesforceStubs.config(new SalesforceAuth("jwt", wm.getHttpBaseUrl(),
        SalesforceStubs.CLIENT_ID, null, "integration@example.com", new Secret(pem), null, null, null), false, null),
        Clock.systemUTC()));
    stubFor(post(TOKEN_PATH).willReturn(json(400, fixture("oauth/invalid-grant-refresh.json"))));
    attempt(SalesforceStubs.destination(SalesforceStubs.config(SalesforceAuthContractTest.refreshAuth(wm), false,
        null), Clock.systemUTC()));

    List<String> lines = captured.list.stream().map(SalesforceSecretsContractTest::render).toList();
    assertThat(lines).anyMatch(l -> l.contains("--> POST")).anyMatch(l -> l.contains("<-- 401"));
    String keyBody = pem.lines().skip(1).findFirst().orElseThrow();
    for (String secret : List.of(CLIENT_SECRET, REFRESH_TOKEN, ACCESS_ONE, ACCESS_TWO, keyBody, "assertion=ey")) {
      assertThat(lines).as(secret).noneMatch(l -> l.contains(secret));
      assertThat(messages).as(secret).hasSizeGreaterThanOrEqualTo(4).noneMatch(m -> m.contains(secret));
    }
  }

  @Test
  void noFixtureHoldsACredentialOrAPrivateKey() throws Exception {
    Path fixtures = Path.of(SalesforceStubs.class.getResource("/salesforce").toURI());
    try (Stream<Path> files = Files.walk(fixtures)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).hasSizeGreaterThan(25);
      for (Path file : all) {
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).doesNotContain(CLIENT_SECRET)
            .doesNotContain(REFRESH_TOKEN).doesNotContain("PRIVATE KEY").doesNotContain("Bearer ");
      }
    }
  }

  private void attempt(SalesforceDestination sf) {
    try {
      sf.match(EntityLevel.USER, List.of(new MatchKey("email", "cleo@example.com")));
    } catch (VendorException e) {
      messages.add(e.getMessage() + " " + e);
    }
  }

  private static String render(ILoggingEvent event) {
    String throwable = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " " + throwable;
  }
}
