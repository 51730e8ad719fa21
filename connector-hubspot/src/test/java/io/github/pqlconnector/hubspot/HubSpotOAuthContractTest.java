package io.github.pqlconnector.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.hubspot.HubSpotDestinations.fixture;
import static io.github.pqlconnector.hubspot.HubSpotMatchAndTasksContractTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.DestinationContext;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth refresh tokens: a token before the first call, a new one before expiry, one refresh after a 401. */
@WireMockTest
class HubSpotOAuthContractTest {
  static final String READ = "/crm/v3/objects/contacts/batch/read";
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
  HubSpotDestination hubspot;

  @BeforeEach
  void destination(WireMockRuntimeInfo wm) {
    HubSpotOAuth oauth = new HubSpotOAuth("client-7", new Secret("client-secret-fixture"),
        new Secret("refresh-fixture-0001"), wm.getHttpBaseUrl() + "/oauth/v1/token");
    HubSpotConfig config = new HubSpotConfig(null, wm.getHttpBaseUrl() + "/", null, null, null, null, null, null, oauth);
    hubspot = HubSpotDestination.create(config, new DestinationContext("crm", clock, new SimpleMeterRegistry()),
        new HttpClients());
    stubFor(post(READ).willReturn(json(200, fixture("batch-read/response-contacts.json"))));
  }

  @Test
  void fetchesATokenWithTheRefreshGrantAndRefreshesItBeforeItExpires() {
    tokenEndpoint("token-1.json", Scenario.STARTED, "issued-1");
    tokenEndpoint("token-2.json", "issued-1", "issued-2");
    match();
    verify(postRequestedFor(urlEqualTo("/oauth/v1/token"))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(containing("grant_type=refresh_token")).withRequestBody(containing("client_id=client-7"))
        .withRequestBody(containing("refresh_token=refresh-fixture-0001")));
    verify(postRequestedFor(urlEqualTo(READ)).withHeader("Authorization", equalTo("Bearer access-fixture-0001")));

    clock.advance(Duration.ofMinutes(10));
    match();
    verify(1, postRequestedFor(urlEqualTo("/oauth/v1/token")));

    clock.advance(Duration.ofMinutes(19));
    match();
    verify(2, postRequestedFor(urlEqualTo("/oauth/v1/token")));
    verify(postRequestedFor(urlEqualTo(READ)).withHeader("Authorization", equalTo("Bearer access-fixture-0002")));
  }

  @Test
  void aRejectedTokenIsRefreshedOnceAndTheRequestRetried() {
    tokenEndpoint("token-1.json", Scenario.STARTED, "issued-1");
    tokenEndpoint("token-2.json", "issued-1", "issued-2");
    stubFor(post(READ).withHeader("Authorization", equalTo("Bearer access-fixture-0001"))
        .willReturn(json(401, fixture("errors/401-invalid-authentication.json"))));
    assertThat(match()).isNotEmpty();
    verify(2, postRequestedFor(urlEqualTo("/oauth/v1/token")));
    verify(postRequestedFor(urlEqualTo(READ)).withHeader("Authorization", equalTo("Bearer access-fixture-0002")));
  }

  @Test
  void aRevokedRefreshTokenEndsTheRunAsAuthWithWhatToDo() {
    stubFor(post("/oauth/v1/token").willReturn(json(400, fixture("oauth/bad-refresh-token.json"))));
    assertThatThrownBy(this::match).isInstanceOfSatisfying(VendorException.class, e -> {
      assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
      assertThat(e.getMessage()).contains("reinstall the app").doesNotContain("refresh-fixture-0001")
          .doesNotContain("client-secret-fixture");
    });
  }

  @Test
  void noTokenOrClientSecretReachesTheLogs() {
    ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
        org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    ch.qos.logback.classic.Level level = root.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    logs.start();
    root.addAppender(logs);
    try {
      tokenEndpoint("token-1.json", Scenario.STARTED, "issued-1");
      tokenEndpoint("token-2.json", "issued-1", "issued-2");
      stubFor(post(READ).withHeader("Authorization", equalTo("Bearer access-fixture-0001"))
          .willReturn(json(401, fixture("errors/401-invalid-authentication.json"))));
      match();
    } finally {
      root.detachAppender(logs);
      root.setLevel(level);
    }
    assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
        .doesNotContain("access-fixture").doesNotContain("refresh-fixture").doesNotContain("client-secret-fixture"));
  }

  private java.util.Map<String, ?> match() {
    return hubspot.match(EntityLevel.USER, List.of(new MatchKey("email", "ana@example.com"))).found();
  }

  private static void tokenEndpoint(String body, String state, String next) {
    stubFor(post("/oauth/v1/token").inScenario("tokens").whenScenarioStateIs(state).willSetStateTo(next)
        .willReturn(json(200, fixture("oauth/" + body))));
  }
}
