package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.salesforce.SalesforceStubs.ACCESS_ONE;
import static io.github.pqlconnector.salesforce.SalesforceStubs.ACCESS_TWO;
import static io.github.pqlconnector.salesforce.SalesforceStubs.CLIENT_ID;
import static io.github.pqlconnector.salesforce.SalesforceStubs.CLIENT_SECRET;
import static io.github.pqlconnector.salesforce.SalesforceStubs.DATA;
import static io.github.pqlconnector.salesforce.SalesforceStubs.REFRESH_TOKEN;
import static io.github.pqlconnector.salesforce.SalesforceStubs.TOKEN_PATH;
import static io.github.pqlconnector.salesforce.SalesforceStubs.fixture;
import static io.github.pqlconnector.salesforce.SalesforceStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.testing.MutableClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three token flows against {@code /services/oauth2/token}: their form bodies, {@code instance_url} as the
 * host of every later call, renewal after the session timeout and exactly once after a 401 INVALID_SESSION_ID,
 * and refused grants as AUTH with what to do.
 */
@WireMockTest
class SalesforceAuthContractTest {
  static final String CONTACTS = DATA + "/query";
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));

  @BeforeEach
  void contacts() {
    stubFor(get(urlPathEqualTo(CONTACTS)).willReturn(json(200, fixture("query/leads.json"))));
  }

  @Test
  void clientCredentialsPostsTheAppsIdAndSecretAndCallsTheInstanceItAnswers(WireMockRuntimeInfo wm) {
    SalesforceStubs.tokenEndpoint("token-client-credentials.json");
    match(SalesforceStubs.destination(SalesforceStubs.config(wm), clock));

    verify(postRequestedFor(urlEqualTo(TOKEN_PATH))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("grant_type=client_credentials&client_id=" + CLIENT_ID
            + "&client_secret=" + CLIENT_SECRET)));
    verify(getRequestedFor(urlPathEqualTo(CONTACTS)).withHeader("Authorization", equalTo("Bearer " + ACCESS_ONE)));
  }

  @Test
  void jwtBearerSignsAShortLivedAssertionWithTheConfiguredKey(WireMockRuntimeInfo wm) throws Exception {
    KeyPair keys = rsaKeys();
    SalesforceAuth auth = new SalesforceAuth("jwt", wm.getHttpBaseUrl(), CLIENT_ID, null, "integration@example.com",
        new Secret(pem(keys)), null, null, null);
    SalesforceStubs.tokenEndpoint("token-jwt.json");
    match(SalesforceStubs.destination(SalesforceStubs.config(auth, false, null), clock));

    LoggedRequest grant = com.github.tomakehurst.wiremock.client.WireMock.findAll(postRequestedFor(urlEqualTo(
        TOKEN_PATH))).get(0);
    String body = grant.getBodyAsString();
    assertThat(body).startsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=");
    String[] jwt = URLDecoder.decode(body.substring(body.indexOf("assertion=") + 10), StandardCharsets.UTF_8)
        .split("\\.");
    JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt[1]));
    assertThat(new String(Base64.getUrlDecoder().decode(jwt[0]), StandardCharsets.UTF_8)).isEqualTo("{\"alg\":\"RS256\"}");
    assertThat(claims.get("iss").asText()).isEqualTo(CLIENT_ID);
    assertThat(claims.get("sub").asText()).isEqualTo("integration@example.com");
    assertThat(claims.get("aud").asText()).isEqualTo("https://login.salesforce.com");
    assertThat(claims.get("exp").asLong()).isEqualTo(clock.instant().plus(Duration.ofMinutes(3)).getEpochSecond());
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(keys.getPublic());
    verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
  }

  @Test
  void refreshTokenFlowSendsTheRefreshTokenAndRenewsAfterTheSessionTimeout(WireMockRuntimeInfo wm) {
    tokenInScenario("token-client-credentials.json", Scenario.STARTED, "one");
    tokenInScenario("token-second.json", "one", "two");
    SalesforceDestination sf = SalesforceStubs.destination(SalesforceStubs.config(refreshAuth(wm), false, null), clock);
    match(sf);
    verify(postRequestedFor(urlEqualTo(TOKEN_PATH)).withRequestBody(equalTo("grant_type=refresh_token&refresh_token="
        + REFRESH_TOKEN + "&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET)));

    clock.advance(Duration.ofMinutes(100));
    match(sf);
    verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    clock.advance(Duration.ofMinutes(16));
    match(sf);
    verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    verify(getRequestedFor(urlPathEqualTo(CONTACTS)).withHeader("Authorization", equalTo("Bearer " + ACCESS_TWO)));
  }

  @Test
  void anExpiredSessionIsRenewedOnceAndTheCallRetried(WireMockRuntimeInfo wm) {
    tokenInScenario("token-client-credentials.json", Scenario.STARTED, "one");
    tokenInScenario("token-second.json", "one", "two");
    stubFor(get(urlPathEqualTo(CONTACTS)).withHeader("Authorization", equalTo("Bearer " + ACCESS_ONE))
        .willReturn(json(401, fixture("errors/401-invalid-session.json"))));

    MatchResult found = match(SalesforceStubs.destination(SalesforceStubs.config(wm), clock));

    assertThat(found.found()).containsKey("cleo@example.com");
    verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    verify(getRequestedFor(urlPathEqualTo(CONTACTS)).withHeader("Authorization", equalTo("Bearer " + ACCESS_TWO)));
  }

  @Test
  void aSessionRefusedAgainAfterRenewalIsAuthWithoutALoop(WireMockRuntimeInfo wm) {
    tokenInScenario("token-client-credentials.json", Scenario.STARTED, "one");
    tokenInScenario("token-second.json", "one", "two");
    stubFor(get(urlPathEqualTo(CONTACTS)).willReturn(json(401, fixture("errors/401-invalid-session.json"))));

    assertThatThrownBy(() -> match(SalesforceStubs.destination(SalesforceStubs.config(wm), clock)))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
          assertThat(e.getMessage()).contains("INVALID_SESSION_ID");
        });
    verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
  }

  @Test
  void aRevokedRefreshTokenEndsTheRunAsAuthSayingWhatToDo(WireMockRuntimeInfo wm) {
    stubFor(post(TOKEN_PATH).willReturn(json(400, fixture("oauth/invalid-grant-refresh.json"))));

    assertThatThrownBy(() -> match(SalesforceStubs.destination(SalesforceStubs.config(refreshAuth(wm), false, null),
        clock))).isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
          assertThat(e.getMessage()).contains("invalid_grant").contains("expired access/refresh token")
              .contains("authorize the app again and set the new refresh token in auth.refreshToken")
              .doesNotContain(REFRESH_TOKEN).doesNotContain(CLIENT_SECRET);
        });
  }

  @Test
  void wrongClientCredentialsAreAuthNamingWhatToCheck(WireMockRuntimeInfo wm) {
    stubFor(post(TOKEN_PATH).willReturn(json(400, fixture("oauth/invalid-client.json"))));
    assertThatThrownBy(() -> match(SalesforceStubs.destination(wm)))
        .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.getMessage())
            .contains("invalid_client").contains("My Domain").doesNotContain(CLIENT_SECRET));
  }

  static SalesforceAuth refreshAuth(WireMockRuntimeInfo wm) {
    return new SalesforceAuth("refreshToken", wm.getHttpBaseUrl(), CLIENT_ID, new Secret(CLIENT_SECRET), null, null,
        null, new Secret(REFRESH_TOKEN), null);
  }

  static void tokenInScenario(String fixture, String state, String next) {
    stubFor(post(TOKEN_PATH).inScenario("tokens").whenScenarioStateIs(state).willSetStateTo(next)
        .willReturn(json(200, fixture("oauth/" + fixture)).withTransformers("response-template")));
  }

  static KeyPair rsaKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** The private key as PKCS#8 PEM, generated for the test and never written to disk. */
  static String pem(KeyPair keys) {
    return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
  }

  private static MatchResult match(SalesforceDestination sf) {
    return sf.match(EntityLevel.USER, List.of(new MatchKey("email", "cleo@example.com")));
  }
}
