package io.github.pqlconnector.sources.posthog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.sources.posthog.PostHogContractTest.KEY;
import static io.github.pqlconnector.sources.posthog.PostHogContractTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.engine.PushedAggregates;
import io.github.pqlconnector.core.engine.Rejections;
import io.github.pqlconnector.core.engine.TraitsIndex;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.EntityMetrics;
import io.github.pqlconnector.core.spi.PushdownRequest;
import io.github.pqlconnector.core.sync.EvaluationStep;
import io.github.pqlconnector.core.sync.Progress;
import io.github.pqlconnector.core.testing.TestConfigs;
import io.github.pqlconnector.sources.http.SourceHttp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pushdown: true}: the metrics computed in HogQL, one row per entity, paged, giving the same verdicts. */
@WireMockTest
class PostHogPushdownTest {
  private static final String QUERY = "/api/projects/4242/query/";
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  @TempDir Path dir;

  @Test
  void everyMetricKindIsOneHogQlAggregateOverWholeUtcDays(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(QUERY)).willReturn(okJson(fixture("pushdown/rows.json"))));
    try (PostHogSource source = source(wm, 50)) {
      assertThat(source.pushdownEnabled()).isTrue();
      source.aggregate(request(), row -> { });
    }
    verify(postRequestedFor(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query", containing(
        "intDiv(toUnixTimestamp64Milli(timestamp), 86400000) AS pql_day"))));
    List<String> fragments = List.of(
        "countIf(pql_day > 20780 AND pql_event IN ('report_created'))",
        "sumIf(ifNull(toFloat(pql_p0), 0), pql_day > 20773 AND pql_event IN ('purchase'))",
        "uniqExactIf(pql_p1, pql_day > 20773 AND pql_event IN ('report_created') AND isNotNull(pql_p1))",
        "uniqExactIf(pql_user, pql_day > 20773 AND isNotNull(pql_user))",
        "uniqExactIf(pql_day, pql_day > 20784)",
        "if(countIf(pql_day > 20773) > 0, minIf(pql_ms, pql_day > 20773), NULL)",
        "maxIf(pql_ms, pql_day > 20773 AND pql_event IN ('report_created'))",
        "countIf(pql_day > 20773 AND pql_event IN ('contact_sales'))",
        "if(countIf(pql_event = 'project_created' AND pql_day > 20773) > 0, 1, 0) AS pql_s8",
        "countIf(pql_day > 20780 AND pql_event IN ('report_created')) AS pql_m0",
        "properties.`amount` AS pql_p0", "properties.`plan` AS pql_p1", "nullIf($group_0, '') AS pql_own",
        "timestamp >= toDateTime('2026-11-17T00:00:00Z') AND toUnixTimestamp64Milli(timestamp) <= 1796040000000",
        "coalesce(e.pql_own, nullIf(t.pql_trait, ''), nullIf(l.pql_last, ''))",
        "toString(properties.accountId) AS pql_trait FROM persons",
        "argMaxIf(pql_own, tuple(pql_ms, pql_uuid), isNotNull(pql_own))",
        " UNION ALL ", "ORDER BY pql_level, pql_entity LIMIT 50");
    fragments.forEach(f -> verify(postRequestedFor(urlEqualTo(QUERY))
        .withRequestBody(matchingJsonPath("$.query.query", containing(f)))));
  }

  @Test
  void rowsArePagedByLevelAndIdWithinThePageSize(WireMockRuntimeInfo wm) throws IOException {
    ArrayNode rows = (ArrayNode) SourceHttp.WIRE.readTree(fixture("pushdown/rows.json")).get("results");
    stubPage("LIMIT 2", "pql_entity > ", rows, 0);
    stubPage("pql_level = 'account' AND pql_entity > 'globex'", null, rows, 2);
    stubPage("pql_level = 'user' AND pql_entity > '0192c0de-aaaa-7bbb-8ccc-000000000001'", null, rows, 4);
    stubPage("pql_level = 'user' AND pql_entity > '0192c0de-aaaa-7bbb-8ccc-000000000003'", null, rows, 6);
    List<EntityMetrics> got = new ArrayList<>();

    try (PostHogSource source = source(wm, 2)) {
      source.aggregate(request(), got::add);
    }

    assertThat(got).extracting(m -> m.entity().id()).containsExactly("acme", "globex", "initech",
        "0192c0de-aaaa-7bbb-8ccc-000000000001", "0192c0de-aaaa-7bbb-8ccc-000000000002",
        "0192c0de-aaaa-7bbb-8ccc-000000000003");
    verify(4, postRequestedFor(urlEqualTo(QUERY)));
    verify(4, postRequestedFor(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.refresh",
        equalTo("force_blocking"))));
    EntityMetrics p2 = got.get(4);
    assertThat(p2.values()).containsEntry("seats", 1.0).doesNotContainKey("last_report");
    assertThat(p2.stepsDone()).containsExactlyInAnyOrder("project_created", "teammate_invited");
    assertThat(p2.accountFromEvents()).isEqualTo("globex");
    assertThat(got.get(0).accountFromEvents()).isNull();
  }

  @Test
  void pushedRowsGiveTheVerdictsOfTheRawEvents(WireMockRuntimeInfo wm) throws IOException {
    stubFor(post(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query", containing(
        "SELECT toString(id), properties FROM persons"))).willReturn(okJson(fixture("pushdown/persons.json"))));
    stubFor(post(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query", containing(
        "SELECT key, properties FROM groups"))).willReturn(okJson(fixture("pushdown/groups.json"))));
    stubFor(post(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query", containing(
        "SELECT toString(uuid), event"))).willReturn(okJson(fixture("pushdown/events.json"))));
    stubFor(post(urlEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.query.query", containing(" UNION ALL ")))
        .willReturn(okJson(fixture("pushdown/rows.json"))));
    CompiledModel model = model();

    EvaluationStep.Evaluated raw = evaluate(model, config(wm, 50, false));
    EvaluationStep.Evaluated pushed = evaluate(model, config(wm, 50, true));

    assertThat(raw.eventsRead()).isEqualTo(11);
    assertThat(pushed.eventsRead()).isZero();
    assertThat(pushed.evaluations()).hasSize(6);
    assertThat(shown(pushed)).isEqualTo(shown(raw));
  }

  @Test
  void a429IsWaitedOutAndARefusedKeyFailsWithWhatToCheck(WireMockRuntimeInfo wm) {
    stubFor(post(urlEqualTo(QUERY)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
            .withHeader("Content-Type", "application/json").withBody(fixture("429-throttled.json")))
        .willSetStateTo("waited"));
    stubFor(post(urlEqualTo(QUERY)).inScenario("limit").whenScenarioStateIs("waited")
        .willReturn(okJson(fixture("pushdown/rows.json"))).willSetStateTo("refused"));
    stubFor(post(urlEqualTo(QUERY)).inScenario("limit").whenScenarioStateIs("refused")
        .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
            .withBody(fixture("401-authentication-failed.json"))));
    List<EntityMetrics> got = new ArrayList<>();

    try (PostHogSource source = source(wm, 50)) {
      source.aggregate(request(), got::add);
      assertThat(got).hasSize(6);
      assertThatThrownBy(() -> source.aggregate(request(), row -> { }))
          .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTH))
          .hasMessageStartingWith("posthog pushdown query: posthog: PostHogApi.query: HTTP 401 AUTH")
          .hasMessageContaining("check sources.product.apiKey")
          .hasMessageNotContaining(KEY);
    }
    verify(3, postRequestedFor(urlEqualTo(QUERY)));
  }

  /** Each verdict with the traits the rules saw, in entity order. */
  private static List<String> shown(EvaluationStep.Evaluated evaluated) {
    return evaluated.evaluations().stream().map(e -> e.result() + " " + new TreeMap<>(e.traits().values()))
        .sorted().toList();
  }

  private static void stubPage(String fragment, String absent, ArrayNode rows, int from) {
    ObjectNode page = SourceHttp.WIRE.createObjectNode();
    ArrayNode results = page.putArray("results");
    for (int i = from; i < Math.min(from + 2, rows.size()); i++) {
      results.add(rows.get(i));
    }
    page.put("hasMore", false);
    var body = matchingJsonPath("$.query.query", containing(fragment));
    var request = post(urlEqualTo(QUERY)).withRequestBody(body);
    if (absent != null) {
      request = request.withRequestBody(matchingJsonPath("$.query.query",
          notContaining(absent)));
    }
    stubFor(request.willReturn(okJson(page.toString())));
  }

  private EvaluationStep.Evaluated evaluate(CompiledModel model, PostHogConfig config) {
    try (PostHogSource source = new PostHogSource(config, "product", new HttpClients())) {
      return new EvaluationStep(model).run(source, Map.of(), List.of(), NOW, null, Progress.NONE);
    }
  }

  private PushdownRequest request() {
    return new PushedAggregates(model(), new TraitsIndex(new Rejections()), NOW).request();
  }

  private CompiledModel model() {
    String yaml = fixture("pushdown/model.yaml");
    return new CompiledModel(TestConfigs.around(yaml, dir, dir, "").model());
  }

  private static PostHogConfig config(WireMockRuntimeInfo wm, int pageSize, boolean pushdown) {
    return new PostHogConfig(new Secret(KEY), "4242", null, wm.getHttpBaseUrl(), 0, pageSize, null,
        Duration.ofDays(1), pushdown);
  }

  private static PostHogSource source(WireMockRuntimeInfo wm, int pageSize) {
    return new PostHogSource(config(wm, pageSize, true), "product", new HttpClients());
  }
}
