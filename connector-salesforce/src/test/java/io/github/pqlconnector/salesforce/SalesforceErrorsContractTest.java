package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.salesforce.SalesforceStubs.DATA;
import static io.github.pqlconnector.salesforce.SalesforceStubs.fixture;
import static io.github.pqlconnector.salesforce.SalesforceStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.salesforce.api.LimitInfo;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every documented REST error (errorcodes page: JSON arrays of {@code {message, errorCode}}) mapped to its category
 * with Salesforce's code in the message; only server errors and network failures are retried, the daily limit never.
 */
@WireMockTest
class SalesforceErrorsContractTest {
  static final String QUERY = DATA + "/query";

  @BeforeEach
  void token() {
    SalesforceStubs.tokenEndpoint("token-client-credentials.json");
  }

  @ParameterizedTest
  @CsvSource({
      "400, errors/400-malformed-query.json, INVALID_REQUEST, INVALID_FIELD",
      "400, errors/400-json-parser.json, INVALID_REQUEST, JSON_PARSER_ERROR",
      "403, errors/403-request-limit-exceeded.json, QUOTA_EXHAUSTED, REQUEST_LIMIT_EXCEEDED",
      "403, errors/403-insufficient-access.json, PERMISSION, INSUFFICIENT_ACCESS_OR_READONLY",
      "404, errors/404-not-found.json, NOT_FOUND, NOT_FOUND",
      "300, errors/300-multiple-choices.json, CONFLICT, ''"})
  void aFailedCallIsMappedByStatusAndCodeAndNotRetried(int status, String body, ErrorCategory category, String code,
      WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(status, fixture(body))));

    assertThatThrownBy(() -> match(SalesforceStubs.destination(wm)))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.category()).isEqualTo(category);
          assertThat(e.httpStatus()).isEqualTo(status);
          assertThat(e.getMessage()).startsWith("salesforce: SalesforceApi.query: HTTP " + status + " " + category)
              .contains(code);
        });
    verify(1, getRequestedFor(urlPathEqualTo(QUERY)));
  }

  @Test
  void theDailyLimitSpentIsQuotaExhaustedAndNotRetried(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).willReturn(json(403, fixture("errors/403-request-limit-exceeded.json"))
        .withHeader(LimitInfo.HEADER, "api-usage=100000/100000")));

    assertThatThrownBy(() -> match(SalesforceStubs.destination(wm))).isInstanceOfSatisfying(VendorException.class,
        e -> assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXHAUSTED));
    verify(1, getRequestedFor(urlPathEqualTo(QUERY)));
  }

  @Test
  void theConcurrencyLimitWithCallsLeftTodayIsRateLimitedAndRetried(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("free").willReturn(json(403, fixture("errors/403-concurrent-limit-exceeded.json"))
            .withHeader(LimitInfo.HEADER, "api-usage=5230/100000")));
    stubFor(get(urlPathEqualTo(QUERY)).inScenario("busy").whenScenarioStateIs("free")
        .willReturn(json(200, fixture("query/leads.json"))));

    assertThat(match(SalesforceStubs.destination(wm)).found()).containsKey("cleo@example.com");
    verify(2, getRequestedFor(urlPathEqualTo(QUERY)));
  }

  @ParameterizedTest
  @CsvSource({"500, errors/500-unknown.json", "503, errors/503-unavailable.html"})
  void aServerErrorIsRetriedAndTheCallThenSucceeds(int status, String body, WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("up").willReturn(aResponse().withStatus(status).withBody(fixture(body))));
    stubFor(get(urlPathEqualTo(QUERY)).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(json(200, fixture("query/leads.json"))));

    assertThat(match(SalesforceStubs.destination(wm)).found()).containsKey("cleo@example.com");
    verify(2, getRequestedFor(urlPathEqualTo(QUERY)));
  }

  @Test
  void aBodyThatIsNotJsonIsTransientWithoutQuotingIt(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(502).withBody(
        fixture("errors/503-unavailable.html"))));
    VendorException e = failure(wm);
    assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT);
    assertThat(e.getMessage()).contains("HTTP 502 TRANSIENT").doesNotContain("<html>");
  }

  private static VendorException failure(WireMockRuntimeInfo wm) {
    try {
      match(SalesforceStubs.destination(wm));
    } catch (VendorException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  static MatchResult match(SalesforceDestination sf) {
    return sf.match(EntityLevel.USER, List.of(new MatchKey("email", "cleo@example.com")));
  }
}
