package io.github.pqlconnector.hubspot.api;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.http.VendorApis;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.hubspot.HubSpotHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import retrofit2.Call;
import retrofit2.Response;

/** Shared pieces of the HubSpot contract tests: the fake token, fixtures, a client on WireMock, call helpers. */
final class HubSpotStubs {
  /** Not a real token: shaped like none HubSpot issues, so a leak check cannot confuse it with a fixture value. */
  static final String TOKEN = "test-token-7f3a9c2e51d8b604";
  /** One root client for the test JVM, as the application has one for the process. */
  static final HttpClients HTTP = new HttpClients();

  /** For {@code @MethodSource}: each version with the path prefixes HubSpot documents for it, spelled out. */
  static final String VERSIONS = "io.github.pqlconnector.hubspot.api.HubSpotStubs#versions";

  private HubSpotStubs() {}

  static Stream<Arguments> versions() {
    return Stream.of(
        Arguments.of(new HubSpotApiVersion("v3"), "/crm/v3/objects", "/crm/v3/properties"),
        Arguments.of(new HubSpotApiVersion("2026-09"), "/crm/objects/2026-09", "/crm/properties/2026-09"));
  }

  static HubSpotApi api(WireMockRuntimeInfo wireMock) {
    return api(wireMock.getHttpBaseUrl(), Duration.ofSeconds(5));
  }

  /** A client built now, so the HTTP logger picks up the log level in force at this moment. */
  static HubSpotApi api(String baseUrl, Duration callTimeout) {
    return HubSpotHttp.create(HTTP, baseUrl, () -> new Secret(TOKEN), callTimeout).api();
  }

  /** The text of {@code src/test/resources/hubspot/<path>}. */
  static String fixture(String path) {
    try (InputStream in = HubSpotStubs.class.getResourceAsStream("/hubspot/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture hubspot/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the call the way the destination will: a body on success, a mapped VendorException otherwise. */
  static <T> T call(Call<T> call) {
    Response<T> response = respond(call);
    if (!response.isSuccessful() || response.body() == null) {
      throw HubSpotErrors.from(response);
    }
    return response.body();
  }

  static <T> Response<T> respond(Call<T> call) {
    try {
      return call.execute();
    } catch (IOException e) {
      throw HubSpotErrors.from(e, call);
    }
  }

  /** Exactly one POST to {@code path} (no query string) with the token, our user agent and the fixture's body. */
  static void verifyPost(String path, String requestFixture) {
    verify(1, postRequestedFor(urlEqualTo(path))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withHeader("User-Agent", equalTo(VendorApis.USER_AGENT))
        .withRequestBody(equalToJson(fixture(requestFixture))));
  }

  static void verifyGet(String path) {
    verify(1, getRequestedFor(urlEqualTo(path))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withHeader("User-Agent", equalTo(VendorApis.USER_AGENT)));
  }
}
