package io.github.pqlconnector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.fixture;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.CheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAuth apps: the token goes in {@code auth}, a 401 {@code expired_token} refreshes once with the refresh token kept
 * in the token file, other 401s refresh nothing, and the next process starts from the saved tokens without refreshing.
 */
@WireMockTest
class Bitrix24OAuthContractTest {
  private static final String LIST = "/rest/crm.item.list";
  private static final String TOKEN = "/oauth/token/";
  private final Bitrix24Stubs.FakeTime time = new Bitrix24Stubs.FakeTime();
  @TempDir Path dir;

  @Test
  void anExpiredTokenIsRefreshedOnceAndTheRotatedTokensAreKept(WireMockRuntimeInfo wireMock) throws IOException {
    stubFor(get(urlPathEqualTo(TOKEN)).withQueryParam("refresh_token", equalTo("test-refresh-1-5b7c"))
        .willReturn(json(200, fixture("oauth/token.json"))));
    stubFor(get(urlPathEqualTo(TOKEN)).withQueryParam("refresh_token", equalTo("test-refresh-2-8d2a7c55"))
        .willReturn(json(200, fixture("oauth/token-3.json"))));
    stubFor(post(urlPathEqualTo(LIST)).withQueryParam("auth", equalTo("test-access-2-4c1f0e9b"))
        .inScenario("expiry").willSetStateTo("expired").willReturn(json(200, fixture("items/response-owners.json"))));
    stubFor(post(urlPathEqualTo(LIST)).withQueryParam("auth", equalTo("test-access-2-4c1f0e9b"))
        .inScenario("expiry").whenScenarioStateIs("expired")
        .willReturn(json(401, fixture("errors/401-expired-token.json"))));
    stubFor(post(urlPathEqualTo(LIST)).withQueryParam("auth", equalTo("test-access-3-93d0a1e7"))
        .willReturn(json(200, fixture("items/response-owners.json"))));
    Bitrix24Config config = config(wireMock);

    Bitrix24Destination destination = Bitrix24Stubs.destination(config, time);
    assertThat(destination.check().isOk()).isTrue();
    assertThat(destination.check().isOk()).as("expired_token, refreshed, retried").isTrue();
    verify(2, getRequestedFor(urlPathEqualTo(TOKEN)));
    assertThat(Bitrix24Stubs.destination(config, time).check().isOk()).as("a new process, the saved token").isTrue();

    verify(2, getRequestedFor(urlPathEqualTo(TOKEN)));
    verify(4, postRequestedFor(urlPathEqualTo(LIST)));
    verify(getRequestedFor(urlPathEqualTo(TOKEN)).withQueryParam("grant_type", equalTo("refresh_token"))
        .withQueryParam("client_id", equalTo("app.test.1")).withQueryParam("client_secret", equalTo("test-secret-9a1d")));
    assertThat(Files.readString(dir.resolve("tokens.json"))).contains("test-refresh-3-02b6f4c9")
        .contains("test-access-3-93d0a1e7");
  }

  @Test
  void aRejectedTokenThatHasNotExpiredRefreshesNothing(WireMockRuntimeInfo wireMock) throws IOException {
    Files.writeString(dir.resolve("tokens.json"),
        "{\"access_token\":\"test-access-2-4c1f0e9b\",\"refresh_token\":\"test-refresh-2-8d2a7c55\"}");
    stubFor(post(urlPathEqualTo(LIST)).willReturn(json(401, fixture("errors/401-no-auth-found.json"))));

    CheckResult result = Bitrix24Stubs.destination(config(wireMock), time).check();

    assertThat(result.status()).isEqualTo(CheckResult.Status.AUTH);
    verify(0, getRequestedFor(urlPathEqualTo(TOKEN)));
    verify(1, postRequestedFor(urlPathEqualTo(LIST)));
  }

  @Test
  void aRefusedRefreshTokenEndsAsAuthWithWhatToDo(WireMockRuntimeInfo wireMock) {
    stubFor(get(urlPathEqualTo(TOKEN)).willReturn(json(400, fixture("oauth/invalid-grant.json"))));

    CheckResult result = Bitrix24Stubs.destination(config(wireMock), time).check();

    assertThat(result.status()).isEqualTo(CheckResult.Status.AUTH);
    assertThat(result.message()).contains("invalid_grant").contains("oauth.refreshToken")
        .doesNotContain("test-refresh-1-5b7c").doesNotContain("test-secret-9a1d");
  }

  private Bitrix24Config config(WireMockRuntimeInfo wireMock) {
    Bitrix24OAuth oauth = new Bitrix24OAuth("app.test.1", new Secret("test-secret-9a1d"),
        new Secret("test-refresh-1-5b7c"), dir.resolve("tokens.json").toString(), wireMock.getHttpBaseUrl() + TOKEN);
    return new Bitrix24Config(null, wireMock.getHttpBaseUrl() + "/rest/", oauth, null, null, false, null, null);
  }
}
