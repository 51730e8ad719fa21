package io.github.pqlconnector.hubspot.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.call;
import static io.github.pqlconnector.hubspot.api.HubSpotStubs.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every documented way a HubSpot call fails, mapped to a category, a wait and a message without secrets. */
@WireMockTest
class HubSpotErrorsContractTest {
  private static final String OBJECTS = HubSpotApiVersion.V3.objectsPath();
  private static final String PROPERTIES = HubSpotApiVersion.V3.propertiesPath();
  private WireMockRuntimeInfo wireMock;
  private HubSpotApi api;

  @BeforeEach
  void connect(WireMockRuntimeInfo wireMock) {
    this.wireMock = wireMock;
    api = HubSpotStubs.api(wireMock);
  }

  @Test
  void validationErrorIsAnInvalidRequestWithHubSpotsMessageAndCorrelationId() {
    VendorException e = failingUpsert(json(400, "errors/400-validation.json"));

    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.retryable()).isFalse();
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("hubspot: HubSpotApi.batchUpsert: HTTP 400 INVALID_REQUEST"
        + " (request aeb5f871-7f07-4993-9211-075dc63e7cbf): Property values were not valid: [{\"isValid\":false,"
        + "\"message\":\"Property \\\"pql_scor\\\" does not exist\",\"error\":\"PROPERTY_DOESNT_EXIST\","
        + "\"name\":\"pql_scor\"}]");
  }

  @Test
  void invalidTokenIsAnAuthFailure() {
    VendorException e = failingUpsert(json(401, "errors/401-invalid-authentication.json"));

    assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
    assertThat(e.getMessage()).startsWith("hubspot: HubSpotApi.batchUpsert: HTTP 401 AUTH (request "
        + "6b3c1f0e-1a2b-4c3d-8e9f-000000000401): Authentication credentials not found.");
  }

  @Test
  void missingScopesAreAPermissionFailureNamingTheScopes() {
    VendorException e = failingUpsert(json(403, "errors/403-missing-scopes.json"));

    assertThat(e.category()).isEqualTo(ErrorCategory.PERMISSION);
    assertThat(e.getMessage())
        .endsWith("(missing scopes: crm.objects.contacts.write, crm.schemas.contacts.write)");
  }

  @Test
  void missingPropertyGroupIsNotFound() {
    stubFor(any(anyUrl()).willReturn(json(404, "errors/404-object-not-found.json")));

    VendorException e = catchThrowableOfType(VendorException.class,
        () -> call(api.readPropertyGroup(PROPERTIES, "contacts", "pql")));

    assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND);
    assertThat(e.getMessage()).contains("HubSpotApi.readPropertyGroup: HTTP 404 NOT_FOUND");
  }

  @Test
  void existingPropertyIsAConflict() {
    stubFor(any(anyUrl()).willReturn(json(409, "errors/409-conflict.json")));

    VendorException e = catchThrowableOfType(VendorException.class, () -> call(api.createProperty(PROPERTIES,
        "contacts", PropertyCreateRequest.number("pql_score", "PQL score", "pql"))));

    assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT);
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void tenSecondlyLimitWaitsForRetryAfter() {
    VendorException e = failingUpsert(json(429, "errors/429-ten-secondly.json").withHeader("Retry-After", "3")
        .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000"));

    assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(HubSpotErrors.isDailyLimit(e)).isFalse();
    assertThat(e.getMessage()).isEqualTo("hubspot: HubSpotApi.batchUpsert: HTTP 429 RATE_LIMITED"
        + " (request c93e06a4-7d61-4c3e-b63f-edf486fc6e90): You have reached your ten_secondly_rolling limit.");
  }

  @Test
  void tenSecondlyLimitWithoutRetryAfterWaitsOneWindow() {
    VendorException e = failingUpsert(json(429, "errors/429-ten-secondly.json")
        .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
        .withHeader("X-HubSpot-RateLimit-Max", "190").withHeader("X-HubSpot-RateLimit-Remaining", "0"));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
    assertThat(HubSpotErrors.isDailyLimit(e)).isFalse();
  }

  @Test
  void dailyLimitIsAnExhaustedQuotaThatIsNeverRetried() {
    VendorException e = failingUpsert(json(429, "errors/429-daily.json"));

    assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED);
    assertThat(e.retryable()).isFalse();
    assertThat(e.retryAfter()).isEmpty();
    assertThat(HubSpotErrors.isDailyLimit(e)).isTrue();
    assertThat(e.getMessage()).contains("HTTP 429 QUOTA_EXHAUSTED (request c033cdaa-2c40-40d1-9ad5-000000000429)");
  }

  @Test
  void exhaustedDailyHeaderMarksABareTooManyRequestsAsTheDailyLimit() {
    VendorException e = failingUpsert(aResponse().withStatus(429).withHeader("Retry-After", "10")
        .withHeader("X-HubSpot-RateLimit-Daily", "250000").withHeader("X-HubSpot-RateLimit-Daily-Remaining", "0"));

    assertThat(HubSpotErrors.isDailyLimit(e)).isTrue();
  }

  @Test
  void serverErrorsAreTransientEvenWithAnHtmlBody() {
    VendorException e = failingUpsert(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
        .withBody(fixture("errors/502-bad-gateway.html")));

    assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).isEqualTo("hubspot: HubSpotApi.batchUpsert: HTTP 502 TRANSIENT: Bad Gateway");
  }

  @Test
  void unavailableHonoursAnHttpDateRetryAfterAgainstTheServersClock() {
    VendorException e = failingUpsert(aResponse().withStatus(503)
        .withHeader("Date", "Thu, 01 Oct 2026 09:00:00 GMT")
        .withHeader("Retry-After", "Thu, 01 Oct 2026 09:02:00 GMT"));

    assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(e.retryAfter()).contains(Duration.ofMinutes(2));
  }

  @Test
  void lockedRecordsWaitTwoSecondsAndMigrationWaitsAsTold() {
    assertThat(failingUpsert(aResponse().withStatus(423)).retryAfter()).contains(Duration.ofSeconds(2));
    VendorException migrating = failingUpsert(aResponse().withStatus(477).withHeader("Retry-After", "3600"));
    assertThat(migrating.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(migrating.retryAfter()).contains(Duration.ofHours(1));
  }

  @Test
  void noAnswerWithinTheCallTimeoutIsTransientWithoutStatus() {
    stubFor(any(anyUrl()).willReturn(okJson(fixture("batch-upsert/response-complete.json")).withFixedDelay(1500)));
    HubSpotApi impatient = HubSpotStubs.api(wireMock.getHttpBaseUrl(), Duration.ofMillis(300));

    VendorException e = catchThrowableOfType(VendorException.class,
        () -> call(impatient.batchUpsert(OBJECTS, "contacts", HubSpotApiContractTest.upsertOfThreeContacts())));

    assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(e.httpStatus()).isZero();
    assertThat(e.getMessage()).isEqualTo(
        "hubspot: HubSpotApi.batchUpsert: TRANSIENT: no response in time (InterruptedIOException)");
  }

  @Test
  void malformedJsonInASuccessBodyIsTransient() {
    stubFor(any(anyUrl()).willReturn(okJson(fixture("errors/200-malformed.txt"))));

    VendorException e = catchThrowableOfType(VendorException.class,
        () -> call(api.batchRead(OBJECTS, "contacts", BatchReadRequest.byProperty("email", List.of("a@b.c"),
            List.of()))));

    assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(e.getMessage()).startsWith("hubspot: HubSpotApi.batchRead: TRANSIENT: response body is not the"
        + " expected JSON (");
  }

  @Test
  void refusedConnectionIsTransient() {
    HubSpotApi unreachable = HubSpotStubs.api("http://127.0.0.1:1", Duration.ofSeconds(5));

    VendorException e = catchThrowableOfType(VendorException.class,
        () -> call(unreachable.readProperty(PROPERTIES, "contacts", "pql_status")));

    assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(e.getMessage()).startsWith("hubspot: HubSpotApi.readProperty: TRANSIENT: connection failed (");
  }

  @Test
  void aSuccessfulResponseIsNotAnError() {
    stubFor(any(anyUrl()).willReturn(okJson(fixture("property-groups/response-pql.json"))));

    var response = HubSpotStubs.respond(api.readPropertyGroup(PROPERTIES, "contacts", "pql"));

    assertThatThrownBy(() -> HubSpotErrors.from(response)).isInstanceOf(IllegalArgumentException.class);
  }

  private VendorException failingUpsert(ResponseDefinitionBuilder response) {
    stubFor(any(anyUrl()).willReturn(response));
    return catchThrowableOfType(VendorException.class,
        () -> call(api.batchUpsert(OBJECTS, "contacts", HubSpotApiContractTest.upsertOfThreeContacts())));
  }

  private static ResponseDefinitionBuilder json(int status, String fixture) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(fixture(fixture));
  }
}
