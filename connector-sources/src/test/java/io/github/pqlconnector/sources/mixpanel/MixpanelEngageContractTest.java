package io.github.pqlconnector.sources.mixpanel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.pqlconnector.sources.mixpanel.MixpanelStubs.BASIC;
import static io.github.pqlconnector.sources.mixpanel.MixpanelStubs.SECRET;
import static io.github.pqlconnector.sources.mixpanel.MixpanelStubs.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.sources.http.CollectingSink;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Engage as Mixpanel documents it: form POST /api/query/engage, pages with session_id, data_group_id for groups. */
@WireMockTest
class MixpanelEngageContractTest {
  private static final String ENGAGE = "/api/query/engage";

  @Test
  void userProfilesArePagedWithTheSessionIdUntilAPageIsNotFull(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(ENGAGE)).withRequestBody(notContaining("page=1"))
        .willReturn(okJson(fixture("engage-users-page-0.json"))));
    stubFor(post(urlPathEqualTo(ENGAGE)).withRequestBody(containing("page=1"))
        .willReturn(okJson(fixture("engage-users-page-1.json"))));
    CollectingSink sink = new CollectingSink();

    try (MixpanelSource source = MixpanelStubs.source(wm.getHttpBaseUrl())) {
      source.readTraits(EntityLevel.USER, sink);
    }

    verify(postRequestedFor(urlPathEqualTo(ENGAGE)).withQueryParam("project_id", equalTo("12345"))
        .withHeader("Authorization", equalTo(BASIC))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(equalTo("page=1&session_id=1234567890-EXAMPL")));
    assertThat(sink.traits).extracting(t -> t.entity().id()).containsExactly("u-1", "u-2", "u-3");
    assertThat(sink.traits.get(0).values()).containsEntry("email", "ana@example.com")
        .containsEntry("$email", "ana@example.com").containsEntry("accountId", "acme").containsEntry("title", "CTO");
    assertThat(sink.traits.get(1).values()).containsEntry("accountId", "globex").containsEntry("seats", "12");
    assertThat(sink.traits.get(2).values()).containsEntry("name", "Cy").doesNotContainKey("accountId");
  }

  @Test
  void groupProfilesAreTheAccountsTraits(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(ENGAGE)).withRequestBody(equalTo("data_group_id=g-7"))
        .willReturn(okJson(fixture("engage-groups.json"))));
    CollectingSink sink = new CollectingSink();

    try (MixpanelSource source = MixpanelStubs.source(wm.getHttpBaseUrl())) {
      source.readTraits(EntityLevel.ACCOUNT, sink);
    }

    assertThat(sink.traits).containsExactly(new Traits(new EntityRef(EntityLevel.ACCOUNT, "acme"), Map.of(
        "$name", "Acme Inc", "name", "Acme Inc", "domain", "acme.example.com", "employees", "250",
        "industries", "SaaS, Retail")));
  }

  @Test
  void checkAsksForOneProfileAndNamesWhatIsWrong(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(ENGAGE)).willReturn(okJson(
        "{\"page\":0,\"page_size\":1000,\"session_id\":\"1\",\"status\":\"ok\",\"total\":0,\"results\":[]}")));
    try (MixpanelSource source = MixpanelStubs.source(wm.getHttpBaseUrl())) {
      assertThat(source.check()).isEqualTo(CheckResult.ok("Mixpanel project 12345 (eu) accepts the service account"));
    }
    verify(postRequestedFor(urlPathEqualTo(ENGAGE)).withRequestBody(
        equalTo("distinct_ids=%5B%22pql-connector-check%22%5D")));

    stubFor(post(urlPathEqualTo(ENGAGE)).willReturn(aResponse().withStatus(403).withHeader("Content-Type",
        "application/json").withBody("{\"error\": \"service account does not have access to project 12345\"}")));
    try (MixpanelSource source = MixpanelStubs.source(wm.getHttpBaseUrl())) {
      CheckResult result = source.check();
      assertThat(result.status()).isEqualTo(CheckResult.Status.AUTH);
      assertThat(result.message()).startsWith("mixpanel: MixpanelQueryApi.engage: HTTP 403 PERMISSION: service "
          + "account does not have access to project 12345 — check sources.product.username").doesNotContain(SECRET);
    }
  }

  @Test
  void anUnreachableHostIsUnreachable() {
    try (MixpanelSource source = MixpanelStubs.source("http://127.0.0.1:9/")) {
      CheckResult result = source.check();
      assertThat(result.status()).isEqualTo(CheckResult.Status.UNREACHABLE);
      assertThat(result.message()).contains("connection failed").contains("check the network path to");
    }
  }
}
