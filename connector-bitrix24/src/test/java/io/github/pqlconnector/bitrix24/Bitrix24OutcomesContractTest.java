package io.github.pqlconnector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.fixture;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.json;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.Outcome;
import io.github.pqlconnector.core.spi.OutcomeBatch;
import io.github.pqlconnector.core.spi.OutcomeReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outcomes read back from a portal: won deals (crm.deal.list, their contacts through batch) and converted leads
 * (crm.lead.list), paged by ID with start = -1, from a cursor of DATE_MODIFY per kind, on the writes' guarded path.
 */
class Bitrix24OutcomesContractTest {
  private static final String DEALS = path("crm.deal.list");
  private static final String LEADS = path("crm.lead.list");
  private static final String BATCH = path("batch");
  private static final Instant FIRST_READ_FROM = Instant.parse("2026-09-01T00:00:00Z");
  private static final String ACCESS_TOKEN = "test-access-2-4c1f0e9b";
  private static final Bitrix24Config.Outcomes DEALS_ONLY = new Bitrix24Config.Outcomes(null, null, null);

  @RegisterExtension
  static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final Bitrix24Stubs.FakeTime time = new Bitrix24Stubs.FakeTime();
  @TempDir Path dir;

  @Test
  void aFirstReadCountsEachWonDealForItsCompanyAndEveryContactOnIt() {
    wireMock.stubFor(post(urlEqualTo(DEALS)).willReturn(json(200, fixture("outcomes/deals-page.json"))));
    wireMock.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, fixture("outcomes/deal-contacts-batch.json"))));

    OutcomeBatch batch = reader(webhook(DEALS_ONLY, null)).read(null, FIRST_READ_FROM);

    assertThat(batch.outcomes()).containsExactly(
        outcome("deal 8812", EntityLevel.ACCOUNT, "7", "2026-11-20T00:00:00Z", 15000.0),
        outcome("deal 8812", EntityLevel.USER, "55", "2026-11-20T00:00:00Z", 15000.0),
        outcome("deal 8812", EntityLevel.USER, "54", "2026-11-20T00:00:00Z", 15000.0),
        outcome("deal 8813", EntityLevel.USER, "56", "2026-11-28T00:00:00Z", null),
        outcome("deal 8820", EntityLevel.ACCOUNT, "12", "2026-11-30T00:00:00Z", 0.0));
    assertThat(batch.rejected()).isZero();
    assertThat(batch.cursor()).isEqualTo("deals=2026-11-30T14:55:00+03:00");
    wireMock.verify(1, postRequestedFor(urlEqualTo(DEALS)).withRequestBody(equalToJson("""
        {"select": ["ID", "COMPANY_ID", "CONTACT_ID", "LEAD_ID", "CLOSEDATE", "OPPORTUNITY", "DATE_MODIFY"],
         "order": {"ID": "ASC"},
         "filter": {"STAGE_SEMANTIC_ID": "S", ">=DATE_MODIFY": "2026-09-01T00:00:00+00:00", ">ID": 0},
         "start": -1}""")));
    wireMock.verify(1, postRequestedFor(urlEqualTo(BATCH)).withRequestBody(equalToJson("""
        {"halt": 0, "cmd": {"c8812": "crm.deal.contact.items.get?id=8812",
         "c8813": "crm.deal.contact.items.get?id=8813", "c8820": "crm.deal.contact.items.get?id=8820"}}""")));
  }

  @Test
  void aLaterReadAsksFromTheCursorLessTheLookbackInThePipelinesGiven() {
    wireMock.stubFor(post(urlEqualTo(DEALS)).willReturn(json(200, fixture("outcomes/empty-page.json"))));

    OutcomeBatch batch = reader(webhook(new Bitrix24Config.Outcomes(true, List.of(0, 4), null), null))
        .read("deals=2026-11-30T14:55:00+03:00", FIRST_READ_FROM);

    assertThat(batch.outcomes()).isEmpty();
    assertThat(batch.cursor()).as("nothing changed: the portal's time when asked").isEqualTo(
        "deals=2026-11-30T15:00:01+03:00");
    wireMock.verify(1, postRequestedFor(urlEqualTo(DEALS)).withRequestBody(equalToJson("""
        {"filter": {"STAGE_SEMANTIC_ID": "S", ">=DATE_MODIFY": "2026-11-30T14:53:00+03:00", "@CATEGORY_ID": [0, 4],
         ">ID": 0}}""", true, true)));
    wireMock.verify(0, postRequestedFor(urlEqualTo(BATCH)));
  }

  @Test
  void aModificationTimeAheadOfThePortalsClockMovesTheCursorOnlyToThePortalsTime() {
    wireMock.stubFor(post(urlEqualTo(DEALS)).willReturn(json(200, fixture("outcomes/deals-page.json")
        .replace("2026-11-30T14:55:00+03:00", "2026-11-30T16:10:00+03:00"))));
    wireMock.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, fixture("outcomes/deal-contacts-batch.json"))));

    OutcomeBatch batch = reader(webhook(DEALS_ONLY, null)).read("deals=2026-11-29T00:00:00+03:00", FIRST_READ_FROM);

    assertThat(batch.cursor()).isEqualTo("deals=2026-11-30T15:00:01+03:00");
  }

  @Test
  void sixtyWonDealsAreTwoPagesByIdWithoutCountingAndTheirContactsTwoBatches() {
    wireMock.stubFor(post(urlEqualTo(DEALS)).withRequestBody(matchingJsonPath("$.filter['>ID']", equalTo("0")))
        .willReturn(json(200, dealsPage(1, 50))));
    wireMock.stubFor(post(urlEqualTo(DEALS)).withRequestBody(matchingJsonPath("$.filter['>ID']", equalTo("50")))
        .willReturn(json(200, dealsPage(51, 60))));
    wireMock.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, contactsBatch(1, 60))));

    OutcomeBatch batch = reader(webhook(DEALS_ONLY, null)).read(null, FIRST_READ_FROM);

    assertThat(batch.outcomes()).hasSize(120);
    assertThat(batch.outcomes()).filteredOn(o -> o.level() == EntityLevel.USER).extracting(Outcome::recordId)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 60).mapToObj(i -> "" + (1000 + i)).toList());
    assertThat(batch.cursor()).isEqualTo("deals=2026-11-30T14:00:00+03:00");
    wireMock.verify(2, postRequestedFor(urlEqualTo(DEALS)).withRequestBody(matchingJsonPath("$.start", equalTo("-1"))));
    assertThat(wireMock.findAll(postRequestedFor(urlEqualTo(BATCH))))
        .extracting(Bitrix24OutcomesContractTest::commands).containsExactly(50, 10);
  }

  @Test
  void aWonDealWithoutACloseDateIsRejectedAndCountedAndTheOthersAreRead() {
    wireMock.stubFor(post(urlEqualTo(DEALS)).willReturn(json(200, fixture("outcomes/deals-page.json")
        .replace("\"CLOSEDATE\": \"2026-11-28T03:00:00+03:00\"", "\"CLOSEDATE\": \"\""))));
    wireMock.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, fixture("outcomes/deal-contacts-batch.json"))));

    OutcomeBatch batch = reader(webhook(DEALS_ONLY, null)).read(null, FIRST_READ_FROM);

    assertThat(batch.rejected()).isEqualTo(1);
    assertThat(batch.rejectedSamples()).containsExactly("deal 8813: won but has no CLOSEDATE");
    assertThat(batch.outcomes()).extracting(Outcome::source).containsOnly("deal 8812", "deal 8820");
    wireMock.verify(postRequestedFor(urlEqualTo(BATCH)).withRequestBody(notContaining("id=8813")));
  }

  @Test
  void aDealWhoseContactsCannotBeReadIsRejectedWithTheReason() {
    wireMock.stubFor(post(urlEqualTo(DEALS)).willReturn(json(200, fixture("outcomes/deals-page.json"))));
    wireMock.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, fixture("outcomes/deal-contacts-batch.json")
        .replace("\"result_error\": []", "\"result_error\": {\"c8813\": {\"error\": \"\", \"error_description\": "
            + "\"Not found.\"}}").replace("\"c8813\": [\n        {\"CONTACT_ID\": 56, \"SORT\": 10, \"ROLE_ID\": 0, "
            + "\"IS_PRIMARY\": \"Y\"}\n      ],", ""))));

    OutcomeBatch batch = reader(webhook(DEALS_ONLY, null)).read(null, FIRST_READ_FROM);

    assertThat(batch.rejectedSamples()).containsExactly("deal 8813: its contacts could not be read (Not found.)");
    assertThat(batch.outcomes()).extracting(Outcome::source).doesNotContain("deal 8813");
  }

  @Test
  void contactCommandsStillOverTheLimitAfterTheResendsFailTheReadSoTheCursorStays() {
    wireMock.stubFor(post(urlEqualTo(DEALS)).willReturn(json(200, fixture("outcomes/deals-page.json"))));
    wireMock.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, """
        {"result": {"result": [], "result_error": {
           "c8812": {"error": "QUERY_LIMIT_EXCEEDED", "error_description": "Too many requests"},
           "c8813": {"error": "QUERY_LIMIT_EXCEEDED", "error_description": "Too many requests"},
           "c8820": {"error": "QUERY_LIMIT_EXCEEDED", "error_description": "Too many requests"}},
         "result_total": [], "result_next": [], "result_time": []},
         "time": {"date_start": "2026-11-30T15:00:02+03:00", "operating": 0}}""")));
    OutcomeReader reader = reader(webhook(DEALS_ONLY, null));

    assertThatThrownBy(() -> reader.read(null, FIRST_READ_FROM)).isInstanceOf(VendorException.class)
        .satisfies(e -> assertThat(((VendorException) e).category()).isEqualTo(ErrorCategory.RATE_LIMITED));
    wireMock.verify(Bitrix24Calls.LIMIT_ROUNDS, postRequestedFor(urlEqualTo(BATCH)));
  }

  @Test
  void withUsersInLeadsAWonDealCountsForTheLeadItCameFromAndNoContactsAreRead() {
    wireMock.stubFor(post(urlEqualTo(DEALS)).willReturn(json(200, fixture("outcomes/deals-page.json"))));

    OutcomeBatch batch = reader(webhook(DEALS_ONLY, "lead")).read(null, FIRST_READ_FROM);

    assertThat(batch.outcomes()).filteredOn(o -> o.level() == EntityLevel.USER)
        .containsExactly(outcome("deal 8813", EntityLevel.USER, "140", "2026-11-28T00:00:00Z", null));
    wireMock.verify(0, postRequestedFor(urlEqualTo(BATCH)));
  }

  @Test
  void convertedLeadsCountForTheirContactAndCompanyAtTheirCloseDateElseTheirLastChange() {
    wireMock.stubFor(post(urlEqualTo(LEADS)).willReturn(json(200, fixture("outcomes/leads-page.json"))));

    OutcomeBatch batch = reader(webhook(new Bitrix24Config.Outcomes(false, null, true), null))
        .read("deals=2026-11-01T00:00:00+03:00;leads=2026-11-20T10:00:00+02:00", FIRST_READ_FROM);

    assertThat(batch.outcomes()).containsExactly(
        outcome("lead 5", EntityLevel.USER, "2069", "2026-11-16T14:43:44Z", null),
        outcome("lead 6", EntityLevel.USER, "2070", "2026-11-27T07:00:00Z", null),
        outcome("lead 6", EntityLevel.ACCOUNT, "31", "2026-11-27T07:00:00Z", null));
    assertThat(batch.rejectedSamples())
        .containsExactly("lead 7: converted but has neither DATE_CLOSED nor DATE_MODIFY");
    assertThat(batch.cursor()).isEqualTo("deals=2026-11-01T00:00:00+03:00;leads=2026-11-27T09:00:00+02:00");
    wireMock.verify(1, postRequestedFor(urlEqualTo(LEADS)).withRequestBody(equalToJson("""
        {"select": ["ID", "CONTACT_ID", "COMPANY_ID", "DATE_CLOSED", "DATE_MODIFY"], "order": {"ID": "ASC"},
         "filter": {"STATUS_SEMANTIC_ID": "S", ">=DATE_MODIFY": "2026-11-20T09:58:00+02:00", ">ID": 0},
         "start": -1}""")));
    wireMock.verify(0, postRequestedFor(urlEqualTo(DEALS)));
  }

  @Test
  void withUsersInLeadsAConvertedLeadCountsForTheLeadItself() {
    wireMock.stubFor(post(urlEqualTo(LEADS)).willReturn(json(200, fixture("outcomes/leads-page.json"))));

    OutcomeBatch batch = reader(webhook(new Bitrix24Config.Outcomes(false, null, true), "lead"))
        .read(null, FIRST_READ_FROM);

    assertThat(batch.outcomes()).filteredOn(o -> o.level() == EntityLevel.USER).extracting(Outcome::recordId)
        .containsExactly("5", "6");
  }

  @Test
  void aQueryLimitAnswerWaitsAndTheReadCompletes() {
    wireMock.stubFor(post(urlEqualTo(DEALS)).inScenario("limit").whenScenarioStateIs(STARTED).willSetStateTo("ok")
        .willReturn(json(503, fixture("errors/503-query-limit-exceeded.json"))));
    wireMock.stubFor(post(urlEqualTo(DEALS)).inScenario("limit").whenScenarioStateIs("ok")
        .willReturn(json(200, fixture("outcomes/deals-page.json"))));
    wireMock.stubFor(post(urlEqualTo(BATCH)).willReturn(json(200, fixture("outcomes/deal-contacts-batch.json"))));

    OutcomeBatch batch = reader(webhook(DEALS_ONLY, null)).read(null, FIRST_READ_FROM);

    assertThat(batch.outcomes()).hasSize(5);
    wireMock.verify(2, postRequestedFor(urlEqualTo(DEALS)));
    assertThat(time.slept()).as("backed off before the second ask").isPositive();
  }

  @Test
  void withOAuthTheTokenGoesInAuthAndAMissingScopeFailsTheReadAsAVendorError() throws IOException {
    wireMock.stubFor(post(urlPathEqualTo("/rest/crm.deal.list")).withQueryParam("auth", equalTo(ACCESS_TOKEN))
        .willReturn(json(401, fixture("errors/401-insufficient-scope.json"))));
    OutcomeReader reader = reader(oauth());

    assertThatThrownBy(() -> reader.read(null, FIRST_READ_FROM)).isInstanceOf(VendorException.class)
        .satisfies(e -> assertThat(((VendorException) e).category()).isEqualTo(ErrorCategory.PERMISSION))
        .hasMessageContaining("insufficient_scope");
    wireMock.verify(1, postRequestedFor(urlPathEqualTo("/rest/crm.deal.list")));
  }

  @Test
  void withOAuthAWonDealIsRead() throws IOException {
    wireMock.stubFor(post(urlPathEqualTo("/rest/crm.deal.list")).withQueryParam("auth", equalTo(ACCESS_TOKEN))
        .willReturn(json(200, fixture("outcomes/deals-page.json"))));
    wireMock.stubFor(post(urlPathEqualTo("/rest/batch")).withQueryParam("auth", equalTo(ACCESS_TOKEN))
        .willReturn(json(200, fixture("outcomes/deal-contacts-batch.json"))));

    OutcomeBatch batch = reader(oauth()).read(null, FIRST_READ_FROM);

    assertThat(batch.outcomes()).hasSize(5);
    assertThat(batch.cursor()).isEqualTo("deals=2026-11-30T14:55:00+03:00");
  }

  @Test
  void withoutAnOutcomesBlockNothingIsRead() {
    assertThat(Bitrix24Stubs.destination(webhook(null, null), time).outcomes()).isEmpty();
  }

  private OutcomeReader reader(Bitrix24Config config) {
    return Bitrix24Stubs.destination(config, time).outcomes().orElseThrow();
  }

  private static Bitrix24Config webhook(Bitrix24Config.@Nullable Outcomes outcomes, @Nullable String users) {
    return new Bitrix24Config(new Secret(wireMock.baseUrl() + Bitrix24Stubs.PREFIX), null, null,
        new Bitrix24Config.Entities(users, null), null, false, null, null, outcomes);
  }

  /** OAuth from saved tokens (no refresh needed), reading won deals. */
  private Bitrix24Config oauth() throws IOException {
    Files.writeString(dir.resolve("tokens.json"),
        "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"refresh_token\":\"test-refresh-2-8d2a7c55\"}");
    Bitrix24OAuth oauth = new Bitrix24OAuth("app.test.1", new Secret("test-secret-9a1d"),
        new Secret("test-refresh-1-5b7c"), dir.resolve("tokens.json").toString(), wireMock.baseUrl() + "/oauth/token/");
    return new Bitrix24Config(null, wireMock.baseUrl() + "/rest/", oauth, null, null, false, null, null, DEALS_ONLY);
  }

  private static Outcome outcome(String source, EntityLevel level, String id, String at, @Nullable Double amount) {
    return Outcome.ofRecord(source, level, id, Instant.parse(at), amount);
  }

  /** Won deals {@code from}..{@code to}, each with company {@code 500+i}, the last modified 14:00 portal time. */
  private static String dealsPage(int from, int to) {
    String rows = IntStream.rangeClosed(from, to).mapToObj(i -> """
        {"ID": "%d", "COMPANY_ID": "%d", "CONTACT_ID": "%d", "LEAD_ID": "0", "CLOSEDATE": "2026-11-20T03:00:00+03:00",
         "OPPORTUNITY": "%d.00", "DATE_MODIFY": "2026-11-30T%02d:00:00+03:00"}""".formatted(i, 500 + i, 1000 + i,
        100 * i, i == 60 ? 14 : 10)).collect(Collectors.joining(","));
    return """
        {"result": [%s], "total": 0, "time": {"start": 1796040001.21, "finish": 1796040001.40, "duration": 0.19,
         "processing": 0.12, "date_start": "2026-11-30T15:00:01+03:00", "date_finish": "2026-11-30T15:00:01+03:00",
         "operating_reset_at": 1796040601, "operating": 0.1}}""".formatted(rows);
  }

  /** crm.deal.contact.items.get answers for deals {@code from}..{@code to}: one primary contact {@code 1000+i}. */
  private static String contactsBatch(int from, int to) {
    String results = IntStream.rangeClosed(from, to).mapToObj(i -> """
        "c%d": [{"CONTACT_ID": %d, "SORT": 10, "ROLE_ID": 0, "IS_PRIMARY": "Y"}]""".formatted(i, 1000 + i))
        .collect(Collectors.joining(","));
    return """
        {"result": {"result": {%s}, "result_error": [], "result_total": [], "result_next": [], "result_time": []},
         "time": {"start": 1796040002.00, "finish": 1796040002.10, "duration": 0.1, "processing": 0.09,
         "date_start": "2026-11-30T15:00:02+03:00", "date_finish": "2026-11-30T15:00:02+03:00",
         "operating_reset_at": 1796040602, "operating": 0}}""".formatted(results);
  }

  private static int commands(LoggedRequest request) {
    try {
      return new ObjectMapper().readTree(request.getBodyAsString()).get("cmd").size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
