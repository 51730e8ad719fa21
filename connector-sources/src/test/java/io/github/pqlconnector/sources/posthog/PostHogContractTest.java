package io.github.pqlconnector.sources.posthog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.sources.http.CollectingSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PostHog's query API as documented: POST /api/projects/:id/query/ with HogQL, Bearer key, columns/results rows. */
@WireMockTest
class PostHogContractTest {
  static final String KEY = "phx_fake_personal_api_key_0000";
  private static final String QUERY = "/api/projects/4242/query/";
  private static final Instant DAY = Instant.parse("2025-11-01T00:00:00Z");
  private static final ReadRequest ONE_DAY = new ReadRequest(null, DAY, DAY.plusSeconds(86_400), Set.of("plan"));

  @Test
  void eventsArePagedByTimeAndUuidWithTheDocumentedRequest(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query", notContaining("uuid) > ")))
        .willReturn(okJson(fixture("events-page-1.json"))));
    stubFor(post(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query", containing(
        "toUnixTimestamp64Milli(timestamp) = 1761998400000 AND toString(uuid) > '01932f5e-0000-7000-8000-000000000002'")))
        .willReturn(okJson(fixture("events-page-2.json"))));
    CollectingSink sink = new CollectingSink();

    try (PostHogSource source = source(wm.getHttpBaseUrl())) {
      assertThat(source.readEvents(ONE_DAY, sink).eventsRead()).isEqualTo(2);
    }

    verify(postRequestedFor(urlEqualTo(QUERY)).withHeader("Authorization", equalTo("Bearer " + KEY))
        .withRequestBody(matchingJsonPath("$.query.kind", equalTo("HogQLQuery")))
        .withRequestBody(matchingJsonPath("$.refresh", equalTo("force_blocking")))
        .withRequestBody(matchingJsonPath("$.query.query", equalTo("SELECT toString(uuid), event, "
            + "toUnixTimestamp64Milli(timestamp), toString(person_id), $group_0, properties FROM events WHERE "
            + "timestamp >= toDateTime('2025-11-01T00:00:00Z') AND timestamp < toDateTime('2025-11-02T00:00:00Z') "
            + "ORDER BY toUnixTimestamp64Milli(timestamp), toString(uuid) LIMIT 2"))));
    assertThat(sink.events).containsExactly(
        new Event("report_created", 1761998400000L, "0192c0de-aaaa-7bbb-8ccc-000000000001", "acme", null,
            Map.of("plan", "pro")),
        new Event("$pageview", 1761998400000L, "0192c0de-aaaa-7bbb-8ccc-000000000002", null, null,
            Map.of("plan", "trial")));
    assertThat(sink.rejects).containsExactly(
        "posthog events event 01932f5e-0000-7000-8000-000000000003: missing uuid or event name");
  }

  @Test
  void personsAndGroupsAreTraits(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query", equalTo(
        "SELECT toString(id), properties FROM persons WHERE toString(id) > '' ORDER BY toString(id) LIMIT 2")))
        .willReturn(okJson(fixture("persons.json"))));
    stubFor(post(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query", containing(
        "WHERE toString(id) > '0192c0de-aaaa-7bbb-8ccc-000000000002'")))
        .willReturn(okJson("{\"columns\":[\"toString(id)\",\"properties\"],\"results\":[],\"hasMore\":false}")));
    stubFor(post(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query", equalTo(
        "SELECT key, properties FROM groups WHERE index = 0 AND key > '' ORDER BY key LIMIT 2")))
        .willReturn(okJson(fixture("groups.json"))));
    CollectingSink sink = new CollectingSink();

    try (PostHogSource source = source(wm.getHttpBaseUrl())) {
      source.readTraits(EntityLevel.USER, sink);
      source.readTraits(EntityLevel.ACCOUNT, sink);
    }

    assertThat(sink.traits).extracting(t -> t.entity().id()).containsExactly(
        "0192c0de-aaaa-7bbb-8ccc-000000000001", "0192c0de-aaaa-7bbb-8ccc-000000000002", "acme");
    assertThat(sink.traits.get(0).values()).containsEntry("email", "ana@example.com");
    assertThat(sink.traits.get(2).values()).containsEntry("team_size", "42").containsEntry("industry", "SaaS");
  }

  /** The traits queries repeat their text every run; "blocking" would let PostHog answer them from its cache. */
  @Test
  void everyRunAsksForFreshTraitsNotPostHogsCachedAnswer(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query", containing("FROM persons")))
        .willReturn(okJson("{\"columns\":[\"toString(id)\",\"properties\"],\"results\":[],\"hasMore\":false}")));
    stubFor(post(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query", containing("FROM groups")))
        .willReturn(okJson("{\"columns\":[\"key\",\"properties\"],\"results\":[],\"hasMore\":false}")));

    for (int run = 0; run < 2; run++) {
      try (PostHogSource source = source(wm.getHttpBaseUrl())) {
        source.readTraits(EntityLevel.USER, new CollectingSink());
        source.readTraits(EntityLevel.ACCOUNT, new CollectingSink());
      }
    }

    verify(4, postRequestedFor(urlEqualTo(QUERY)));
    verify(4, postRequestedFor(urlEqualTo(QUERY)).withRequestBody(equalToJson(
        "{\"query\":{\"kind\":\"HogQLQuery\"},\"refresh\":\"force_blocking\"}", true, true)));
    verify(2, postRequestedFor(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.name",
        equalTo("pql-connector persons"))));
  }

  @Test
  void a429IsWaitedOutAfterRetryAfter(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(QUERY)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
            .withHeader("Content-Type", "application/json").withBody(fixture("429-throttled.json")))
        .willSetStateTo("waited"));
    stubFor(post(urlEqualTo(QUERY)).inScenario("limit").whenScenarioStateIs("waited")
        .willReturn(okJson(fixture("groups.json"))));
    CollectingSink sink = new CollectingSink();

    try (PostHogSource source = source(wm.getHttpBaseUrl())) {
      source.readTraits(EntityLevel.ACCOUNT, sink);
    }

    assertThat(sink.traits).hasSize(1);
    verify(2, postRequestedFor(urlEqualTo(QUERY)));
  }

  @Test
  void aCutOffAnswerFailsTheRead(WireMockRuntimeInfo wm) {
    String page = fixture("events-page-1.json");
    stubFor(post(urlEqualTo(QUERY)).willReturn(okJson(page.substring(0, page.indexOf("\"$pageview\"")))));

    try (PostHogSource source = source(wm.getHttpBaseUrl())) {
      assertThatThrownBy(() -> source.readEvents(ONE_DAY, new CollectingSink()))
          .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.TRANSIENT))
          .hasMessage("posthog events query: the export stream broke off (JsonParseException: Unexpected "
              + "end-of-input within/between Array entries); nothing from this window was kept, it is read again "
              + "on the next run");
    }
  }

  @Test
  void refusedKeyFailsWithWhatToCheck(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(QUERY)).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody(fixture("401-authentication-failed.json"))));

    try (PostHogSource source = source(wm.getHttpBaseUrl())) {
      assertThatThrownBy(() -> source.readEvents(ONE_DAY, new CollectingSink()))
          .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH))
          .hasMessage("posthog events query: posthog: PostHogApi.query: HTTP 401 AUTH: Incorrect authentication "
              + "credentials. — check sources.product.apiKey: a personal API key with the query:read scope and "
              + "access to project 4242")
          .hasMessageNotContaining(KEY);
      CheckResult check = source.check();
      assertThat(check.status()).isEqualTo(CheckResult.Status.AUTH);
    }
  }

  @Test
  void checkRunsATrivialQuery(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query", equalTo("SELECT 1")))
        .willReturn(okJson("{\"columns\":[\"1\"],\"results\":[[1]],\"hasMore\":false,\"types\":[[\"1\",\"UInt8\"]]}")));
    stubFor(post(urlEqualTo("/api/projects/999/query/")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"type\":\"invalid_request\",\"code\":\"not_found\",\"detail\":\"Not found.\",\"attr\":null}")));

    try (PostHogSource source = source(wm.getHttpBaseUrl())) {
      assertThat(source.check().isOk()).isTrue();
    }
    try (PostHogSource source = new PostHogSource(config(wm.getHttpBaseUrl(), "999"), "product", new HttpClients())) {
      CheckResult check = source.check();
      assertThat(check.status()).isEqualTo(CheckResult.Status.INVALID);
      assertThat(check.message()).contains("HTTP 404 NOT_FOUND: Not found. — check sources.product.projectId (999)");
    }
  }

  static PostHogConfig config(String baseUrl, String project) {
    return new PostHogConfig(new Secret(KEY), project, null, baseUrl, 0, 2, null, Duration.ofDays(1), false);
  }

  static PostHogSource source(String baseUrl) {
    return new PostHogSource(config(baseUrl, "4242"), "product", new HttpClients());
  }

  static String fixture(String name) {
    try (InputStream in = PostHogContractTest.class.getResourceAsStream("/posthog/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
