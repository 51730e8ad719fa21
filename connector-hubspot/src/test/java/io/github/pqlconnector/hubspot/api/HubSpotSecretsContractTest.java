package io.github.pqlconnector.hubspot.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.TOKEN;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.call;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.testing.SecretsContract;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** The token never reaches a log line (HTTP logging on at DEBUG), an exception message or a fixture. */
class HubSpotSecretsContractTest extends SecretsContract {
  private static final String OBJECTS = HubSpotApiVersion.V3.objectsPath();
  private static final String UPSERT = ".*/contacts/batch/upsert";

  /** One upsert that succeeds, then every error HubSpot answers with, a bare 503 and a timeout. */
  @Override
  protected void failInEveryWay(WireMockRuntimeInfo wireMock) {
    HubSpotApi api = HubSpotStubs.api(wireMock.getHttpBaseUrl(), Duration.ofMillis(2_000));
    String[] failures = {"errors/400-validation.json", "errors/401-invalid-authentication.json",
        "errors/403-missing-scopes.json", "errors/404-object-not-found.json", "errors/409-conflict.json",
        "errors/429-ten-secondly.json", "errors/429-daily.json"};
    stubFor(any(urlPathMatching(UPSERT)).willReturn(okJson(fixture("batch-upsert/response-complete.json"))));
    call(api.batchUpsert(OBJECTS, "contacts", HubSpotApiContractTest.upsertOfThreeContacts()));
    for (String failure : failures) {
      int status = Integer.parseInt(failure.substring("errors/".length(), "errors/".length() + 3));
      stubFor(any(urlPathMatching(UPSERT)).willReturn(aResponse().withStatus(status)
          .withHeader("Content-Type", "application/json").withBody(fixture(failure))));
      attemptUpsert(api);
    }
    stubFor(any(urlPathMatching(UPSERT)).willReturn(aResponse().withStatus(503)));
    attemptUpsert(api);
    stubFor(any(urlPathMatching(UPSERT))
        .willReturn(okJson(fixture("batch-upsert/response-complete.json")).withFixedDelay(4_000)));
    attemptUpsert(api);
  }

  private void attemptUpsert(HubSpotApi api) {
    attempt(() -> call(api.batchUpsert(OBJECTS, "contacts", HubSpotApiContractTest.upsertOfThreeContacts())));
  }

  @Override
  protected List<String> secrets() {
    return List.of(TOKEN);
  }

  @Override
  protected void assertWhatWasLoggedAndSaid(List<String> lines) {
    assertThat(lines).anyMatch(line -> line.contains("--> POST")).anyMatch(line -> line.contains("<-- 429"))
        .anyMatch(line -> line.contains("HubSpotApi.batchUpsert"));
    assertThat(failures).hasSize(9).allMatch(VendorException.class::isInstance)
        .map(e -> e.getMessage() + " " + e)
        .noneMatch(message -> message.contains("objectWriteTraceId") || message.contains("Authorization"));
  }

  /** The token, a bearer header, and anything shaped like a HubSpot private-app token. */
  @Override
  protected Fixtures fixtures() {
    return new Fixtures("/hubspot", 20,
        List.of(literally(TOKEN), literally("Bearer"), Pattern.compile("pat-(na|eu)\\d-")));
  }
}
