package io.github.pqlconnector.hubspot.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.http.VendorCall;
import io.github.pqlconnector.core.resilience.ResilienceSettings;
import io.github.pqlconnector.core.resilience.VendorResilience;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HubSpotErrors#MAPPER} under core's VendorCall: HubSpot's waits drive the retry, permanent errors do not. */
@WireMockTest
class HubSpotVendorCallContractTest {
  private static final String PATH = "/crm/v3/objects/contacts/batch/upsert";
  private HubSpotApi api;
  private VendorCall vendorCall;

  @BeforeEach
  void connect(WireMockRuntimeInfo wireMock) {
    api = HubSpotStubs.api(wireMock);
    vendorCall = new VendorCall(HubSpotErrors.MAPPER, new VendorResilience("hubspot/test", ResilienceSettings.builder()
        .requests(100, Duration.ofSeconds(10)).searches(4, Duration.ofSeconds(1))
        .attempts(3, Duration.ofMillis(10)).maxRetryAfter(Duration.ofSeconds(5)).build()));
  }

  @Test
  void rateLimitedBatchIsRetriedAfterRetryAfterSeconds() {
    stubFor(post(urlPathEqualTo(PATH)).inScenario("burst").whenScenarioStateIs(STARTED).willSetStateTo("cooled")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
            .withHeader("Content-Type", "application/json").withBody(fixture("errors/429-ten-secondly.json"))));
    stubFor(post(urlPathEqualTo(PATH)).inScenario("burst").whenScenarioStateIs("cooled")
        .willReturn(okJson(fixture("batch-upsert/response-complete.json"))));
    long started = System.nanoTime();

    BatchResponse batch = vendorCall.execute(api.batchUpsert(HubSpotApiVersion.V3.objectsPath(), "contacts",
        HubSpotApiContractTest.upsertOfThreeContacts()));

    assertThat(batch.results()).hasSize(3);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void validationErrorIsNotRetried() {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody(fixture("errors/400-validation.json"))));

    VendorException e = catchThrowableOfType(VendorException.class, () -> vendorCall.execute(api.batchUpsert(
        HubSpotApiVersion.V3.objectsPath(), "contacts", HubSpotApiContractTest.upsertOfThreeContacts())));

    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(e.getMessage()).startsWith("hubspot: HubSpotApi.batchUpsert: HTTP 400 INVALID_REQUEST (request ");
    verify(1, postRequestedFor(urlEqualTo(PATH)));
  }
}
