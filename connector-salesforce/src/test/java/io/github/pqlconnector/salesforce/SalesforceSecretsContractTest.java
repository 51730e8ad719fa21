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

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.testing.SecretsContract;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * No client secret, refresh token, access token or private key in any log line (HTTP logging on at DEBUG), any
 * exception message or any fixture; the test's RSA key is generated here and never written anywhere.
 */
class SalesforceSecretsContractTest extends SecretsContract {
  private String pem;

  /** Client credentials, a refresh token and a JWT key, each grant failing or its session refused. */
  @Override
  protected void failInEveryWay(WireMockRuntimeInfo wm) throws Exception {
    pem = SalesforceAuthContractTest.pem(SalesforceAuthContractTest.rsaKeys());
    SalesforceAuthContractTest.tokenInScenario("token-client-credentials.json", "Started", "one");
    SalesforceAuthContractTest.tokenInScenario("token-second.json", "one", "two");
    stubFor(get(urlPathEqualTo(DATA + "/query")).willReturn(json(401, fixture("errors/401-invalid-session.json"))));
    attemptMatch(SalesforceStubs.destination(wm));
    attemptMatch(SalesforceStubs.destination(SalesforceStubs.config(SalesforceAuthContractTest.refreshAuth(wm), false,
        null), Clock.systemUTC()));
    attemptMatch(SalesforceStubs.destination(SalesforceStubs.config(new SalesforceAuth("jwt", wm.getHttpBaseUrl(),
        SalesforceStubs.CLIENT_ID, null, "integration@example.com", new Secret(pem), null, null, null), false, null),
        Clock.systemUTC()));
    stubFor(post(TOKEN_PATH).willReturn(json(400, fixture("oauth/invalid-grant-refresh.json"))));
    attemptMatch(SalesforceStubs.destination(SalesforceStubs.config(SalesforceAuthContractTest.refreshAuth(wm), false,
        null), Clock.systemUTC()));
  }

  private void attemptMatch(SalesforceDestination sf) {
    attempt(() -> sf.match(EntityLevel.USER, List.of(new MatchKey("email", "cleo@example.com"))));
  }

  /** The credentials, both access tokens, the key's first line and a signed JWT assertion. */
  @Override
  protected List<String> secrets() {
    String keyBody = pem.lines().skip(1).findFirst().orElseThrow();
    return List.of(CLIENT_SECRET, REFRESH_TOKEN, ACCESS_ONE, ACCESS_TWO, keyBody, "assertion=ey");
  }

  @Override
  protected void assertWhatWasLoggedAndSaid(List<String> lines) {
    assertThat(lines).anyMatch(l -> l.contains("--> POST")).anyMatch(l -> l.contains("<-- 401"));
    assertThat(messages).hasSizeGreaterThanOrEqualTo(4);
    assertThat(failures).hasSize(4).allMatch(VendorException.class::isInstance);
  }

  /** The credentials, a private key, a bearer header. */
  @Override
  protected Fixtures fixtures() {
    return new Fixtures("/salesforce", 25, List.of(literally(CLIENT_SECRET), literally(REFRESH_TOKEN),
        literally("PRIVATE KEY"), literally("Bearer ")));
  }
}
