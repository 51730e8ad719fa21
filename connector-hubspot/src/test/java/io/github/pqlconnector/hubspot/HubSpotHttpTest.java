package io.github.pqlconnector.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.hubspot.api.HubSpotApiVersion;
import io.github.pqlconnector.hubspot.api.HubSpotRateLimit;
import io.github.pqlconnector.hubspot.api.PropertyGroupResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/** The HubSpot client stack: token read per request, call timeout, rate-limit headers. */
@WireMockTest
class HubSpotHttpTest {
  private static final HttpClients HTTP = new HttpClients();
  private static final String GROUP = "{\"name\":\"pql\",\"label\":\"PQL\",\"archived\":false}";

  @Test
  void readsTheTokenPerRequestSoARotatedSecretIsUsed(WireMockRuntimeInfo wireMock) throws IOException {
    stubFor(get(urlEqualTo("/crm/v3/properties/contacts/groups/pql")).willReturn(okJson(GROUP)));
    AtomicReference<Secret> token = new AtomicReference<>(new Secret("first-test-token"));
    HubSpotHttp http = HubSpotHttp.create(HTTP, wireMock.getHttpBaseUrl(), token::get);
    String properties = HubSpotApiVersion.V3.propertiesPath();

    http.api().readPropertyGroup(properties, "contacts", "pql").execute();
    token.set(new Secret("second-test-token"));
    http.api().readPropertyGroup(properties, "contacts", "pql").execute();

    verify(1, getRequestedFor(urlEqualTo("/crm/v3/properties/contacts/groups/pql"))
        .withHeader("Authorization", equalTo("Bearer first-test-token")));
    verify(1, getRequestedFor(urlEqualTo("/crm/v3/properties/contacts/groups/pql"))
        .withHeader("Authorization", equalTo("Bearer second-test-token")));
  }

  @Test
  void readsRateLimitHeadersOfASuccessfulCall(WireMockRuntimeInfo wireMock) throws IOException {
    stubFor(get(urlEqualTo("/crm/properties/2026-09/companies/groups/pql")).willReturn(okJson(GROUP)
        .withHeader("X-HubSpot-RateLimit-Max", "190").withHeader("X-HubSpot-RateLimit-Remaining", "188")
        .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
        .withHeader("X-HubSpot-RateLimit-Daily", "625000")
        .withHeader("X-HubSpot-RateLimit-Daily-Remaining", "624100")));
    String baseUrlWithoutSlash = wireMock.getHttpBaseUrl();
    HubSpotHttp http = HubSpotHttp.create(HTTP, baseUrlWithoutSlash, () -> new Secret("test-token"));

    Response<PropertyGroupResponse> response = http.api()
        .readPropertyGroup(new HubSpotApiVersion("2026-09").propertiesPath(), "companies", "pql").execute();

    assertThat(http.client().callTimeoutMillis()).isEqualTo(60_000);
    HubSpotRateLimit limits = HubSpotRateLimit.from(response.headers());
    assertThat(limits).isEqualTo(new HubSpotRateLimit(625_000L, 624_100L, 10_000L, 190L, 188L));
    assertThat(limits.interval()).contains(Duration.ofSeconds(10));
    assertThat(limits.dailyExhausted()).isFalse();
  }

  @Test
  void secondlyHeadersOfOlderResponsesReadAsAOneSecondWindow() {
    Headers headers = Headers.of("X-HubSpot-RateLimit-Secondly", "10", "X-HubSpot-RateLimit-Secondly-Remaining", "0");
    assertThat(HubSpotRateLimit.from(headers)).isEqualTo(new HubSpotRateLimit(null, null, 1000L, 10L, 0L));
  }

  @Test
  void aNonPositiveCallTimeoutIsRefused() {
    assertThatThrownBy(() -> HubSpotHttp.create(HTTP, "http://localhost/", () -> new Secret("t"), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
