package io.github.pqlconnector.bitrix24.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.http.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/** Every documented Bitrix24 error (b24restdocs _includes/system-errors.md and the method pages) maps to a category. */
@WireMockTest
class Bitrix24ErrorsContractTest {
  private final AtomicInteger queryLimits = new AtomicInteger();
  private final Bitrix24Errors errors = new Bitrix24Errors(text -> text, queryLimits::incrementAndGet);

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "401, 401-no-auth-found.json, AUTH, NO_AUTH_FOUND",
      "401, 401-expired-token.json, AUTH, expired_token",
      "401, 401-invalid-credentials.json, AUTH, INVALID_CREDENTIALS",
      "401, 401-insufficient-scope.json, PERMISSION, insufficient_scope",
      "401, 401-access-denied.json, PERMISSION, ACCESS_DENIED",
      "401, 401-user-access-error.json, PERMISSION, user_access_error",
      "401, 401-invalid-request.json, INVALID_REQUEST, INVALID_REQUEST",
      "401, 401-overload-limit.json, QUOTA_EXHAUSTED, OVERLOAD_LIMIT",
      "403, 403-portal-deleted.json, PERMISSION, PORTAL_DELETED",
      "404, 404-method-not-found.json, INVALID_REQUEST, ERROR_METHOD_NOT_FOUND",
      "400, 400-batch-length-exceeded.json, INVALID_REQUEST, ERROR_BATCH_LENGTH_EXCEEDED",
      "405, 405-batch-method-not-allowed.json, INVALID_REQUEST, ERROR_BATCH_METHOD_NOT_ALLOWED",
      "400, 400-item-list-invalid-filter.json, INVALID_REQUEST, INVALID_ARG_VALUE",
      "400, 400-userfield-add-empty-code.json, INVALID_REQUEST, ''",
      "400, 400-todo-not-found.json, NOT_FOUND, NOT_FOUND",
      "503, 503-query-limit-exceeded.json, RATE_LIMITED, QUERY_LIMIT_EXCEEDED",
      "429, 429-operation-time-limit.json, RATE_LIMITED, OPERATION_TIME_LIMIT",
      "500, 500-internal-server-error.json, TRANSIENT, INTERNAL_SERVER_ERROR",
      "500, 500-unexpected-answer.json, TRANSIENT, ERROR_UNEXPECTED_ANSWER",
      "502, 502-bad-gateway.html, TRANSIENT, ''"})
  void eachDocumentedErrorHasItsCategory(int status, String fixture, ErrorCategory category, String code,
      WireMockRuntimeInfo wireMock) throws IOException {
    stubFor(post(urlEqualTo("/rest/crm.item.list")).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", fixture.endsWith(".html") ? "text/html" : "application/json")
        .withBody(fixture(fixture))));

    Response<ItemListResponse> response = api(wireMock).listItems(ItemListRequest.of(3, List.of("id"), Map.of()))
        .execute();
    VendorException e = errors.fromResponse(response, "Bitrix24Api.listItems");

    assertThat(e.category()).isEqualTo(category);
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.getMessage()).startsWith("bitrix24: Bitrix24Api.listItems: HTTP " + status + " " + category)
        .contains(code).doesNotContain("\n");
    assertThat(e.retryAfter().isPresent()).isEqualTo("OPERATION_TIME_LIMIT".equals(code));
    assertThat(queryLimits.get()).isEqualTo("QUERY_LIMIT_EXCEEDED".equals(code) ? 1 : 0);
  }

  @ParameterizedTest
  @CsvSource({"ACCESS_DENIED, PERMISSION", "CRM_FIELD_ERROR_VALUE_NOT_VALID, INVALID_REQUEST",
      "NOT_FOUND, NOT_FOUND", "OPERATION_TIME_LIMIT, RATE_LIMITED", "100, INVALID_REQUEST",
      "insufficient_scope, PERMISSION"})
  void aBatchCommandsErrorHasTheSameCategoriesWithoutAStatus(String code, ErrorCategory category) {
    VendorException e = errors.fromCommand(new BatchResponse.CommandError(code, "text"), "batch crm.item.update");
    assertThat(e.category()).isEqualTo(category);
    assertThat(e.httpStatus()).isZero();
  }

  private static Bitrix24Api api(WireMockRuntimeInfo wireMock) {
    return new Retrofit.Builder().baseUrl(wireMock.getHttpBaseUrl() + "/rest/")
        .client(new okhttp3.OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build())
        .addConverterFactory(JacksonConverterFactory.create(WireJson.create())).build().create(Bitrix24Api.class);
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = Bitrix24ErrorsContractTest.class.getResourceAsStream("/bitrix24/errors/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
