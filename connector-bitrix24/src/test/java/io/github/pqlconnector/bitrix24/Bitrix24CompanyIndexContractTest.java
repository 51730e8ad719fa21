package io.github.pqlconnector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.DestinationStore;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.TaskPolicy;
import io.github.pqlconnector.core.spi.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Companies matched by the websites in their WEB multi-field, through the index built from crm.company.list. */
class Bitrix24CompanyIndexContractTest {
  private static final FakePortal PORTAL = new FakePortal();
  private static final String LIST = path("crm.company.list");
  private static final String BATCH = path("batch");

  @RegisterExtension
  static WireMockExtension wireMock = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(PORTAL)).build();

  private final Bitrix24Stubs.FakeTime time = new Bitrix24Stubs.FakeTime();
  private final DestinationStore store = DestinationStore.inMemory();

  @BeforeEach
  void portalAnswersEverything() {
    PORTAL.companies.clear();
    PORTAL.companies.at(Bitrix24Stubs.NOW);
    wireMock.stubFor(post(urlMatching(Bitrix24Stubs.PREFIX + ".*"))
        .willReturn(aResponse().withTransformers(FakePortal.NAME)));
  }

  @Test
  void websitesAreNormalisedAndASharedDomainMatchesTheLowestCompanyId() {
    PORTAL.companies.put(9, "ACME.io:443/path");
    PORTAL.companies.put(7, "https://www.acme.io/");
    PORTAL.companies.put(12, "globex.com", "http://WWW.Initech.example/about?x=1");
    PORTAL.companies.put(15);

    Bitrix24Destination destination = destination();
    MatchResult result = destination.match(EntityLevel.ACCOUNT,
        keys("acme.io", "globex.com", "initech.example", "hooli.xyz"));

    assertThat(result.found()).containsOnly(Map.entry("acme.io", new CrmRecord("7", null)),
        Map.entry("globex.com", new CrmRecord("12", null)), Map.entry("initech.example", new CrmRecord("12", null)));
    wireMock.verify(1, postRequestedFor(urlEqualTo(LIST)).withRequestBody(equalToJson(
        "{\"select\":[\"ID\",\"WEB\",\"DATE_MODIFY\"],\"order\":{\"ID\":\"ASC\"},\"filter\":{},\"start\":0}")));
    assertThat(destination.notes()).containsExactly(
        "Bitrix24 company index (WEB): 3 companies indexed; 4 read this run (full read)",
        "1 domain is on several companies, each matched to the lowest company id: acme.io → 7 (also 9)");
  }

  @Test
  void theIndexIsReadOncePerRunAndOnlyChangedCompaniesAfterwards() {
    PORTAL.companies.put(12, "globex.com");
    PORTAL.companies.put(20, "umbrella.example");
    Bitrix24Destination firstRun = destination();
    firstRun.match(EntityLevel.ACCOUNT, keys("globex.com"));
    firstRun.match(EntityLevel.ACCOUNT, keys("umbrella.example"));
    wireMock.verify(1, postRequestedFor(urlEqualTo(LIST)));

    PORTAL.companies.at(Bitrix24Stubs.NOW.plus(Duration.ofHours(1)));
    PORTAL.companies.put(12, "globex.net");
    MatchResult second = destination().match(EntityLevel.ACCOUNT, keys("globex.com", "globex.net", "umbrella.example"));

    assertThat(second.found()).containsOnly(Map.entry("globex.net", new CrmRecord("12", null)),
        Map.entry("umbrella.example", new CrmRecord("20", null)));
    wireMock.verify(1, postRequestedFor(urlEqualTo(LIST)).withRequestBody(matchingJsonPath("$.filter['>=DATE_MODIFY']",
        equalTo("2026-11-30T15:00:00+03:00"))));
    assertThat(destination().notes()).isEmpty();
  }

  @Test
  void threeThousandCompaniesAreOnePlainPageAndTwoBatchesOfListCommands() {
    IntStream.rangeClosed(1, 3000).forEach(i -> PORTAL.companies.put(i, "https://c" + i + ".example/"));

    MatchResult result = destination().match(EntityLevel.ACCOUNT, keys("c1.example", "c2500.example", "c3000.example"));

    assertThat(result.found()).containsOnlyKeys("c1.example", "c2500.example", "c3000.example");
    assertThat(result.found().get("c3000.example").id()).isEqualTo("3000");
    wireMock.verify(1, postRequestedFor(urlEqualTo(LIST)));
    List<LoggedRequest> batches = wireMock.findAll(postRequestedFor(urlEqualTo(BATCH)));
    assertThat(batches).extracting(Bitrix24CompanyIndexContractTest::commands).containsExactly(50, 9);
    assertThat(batches.get(0).getBodyAsString()).contains(
        "crm.company.list?select[0]=ID&select[1]=WEB&select[2]=DATE_MODIFY&order[ID]=ASC&start=50\"");
  }

  @Test
  void aCompanyDeletedOnThePortalLeavesTheIndexAndTheDomainGoesToTheNextCompany() {
    PORTAL.companies.put(7, "acme.io");
    PORTAL.companies.put(9, "www.acme.io");
    Bitrix24Destination firstRun = destination();
    firstRun.ensureFields(false);
    assertThat(firstRun.match(EntityLevel.ACCOUNT, keys("acme.io")).found().get("acme.io").id()).isEqualTo("7");
    PORTAL.companies.delete(7);

    WriteResult write = firstRun.upsert(EntityLevel.ACCOUNT, List.of(accountUpdate("acme.io", "7")));

    assertThat(write.failed()).singleElement()
        .satisfies(e -> assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND));
    assertThat(firstRun.match(EntityLevel.ACCOUNT, keys("acme.io")).found().get("acme.io").id()).isEqualTo("9");
    assertThat(destination().match(EntityLevel.ACCOUNT, keys("acme.io")).found().get("acme.io").id()).isEqualTo("9");
  }

  @Test
  void aCreatedCompanyCarriesItsDomainInWebAndIsFoundAtOnce() {
    Bitrix24Destination destination = Bitrix24Stubs.destination(new Bitrix24Config(
        new Secret(wireMock.baseUrl() + Bitrix24Stubs.PREFIX), null, null, null, null, true, null, null), time, store);
    destination.ensureFields(false);
    destination.match(EntityLevel.ACCOUNT, keys("new.example"));

    WriteResult write = destination.upsert(EntityLevel.ACCOUNT, List.of(accountUpdate("new.example", null)));

    String id = write.written().get(EntityRef.account("new.example"));
    wireMock.verify(1, postRequestedFor(urlEqualTo(BATCH)).withRequestBody(containing("crm.item.add?entityTypeId=4")
        .and(containing("&fields[title]=new.example&fields[fm][0][typeId]=WEB&fields[fm][0][valueType]=WORK"
            + "&fields[fm][0][value]=new.example"))));
    assertThat(destination.match(EntityLevel.ACCOUNT, keys("new.example")).found())
        .containsOnly(Map.entry("new.example", new CrmRecord(id, null)));
  }

  @Test
  void withOwnerTasksTheMatchedCompaniesOwnersAreReadInOneList() {
    PORTAL.companies.put(7, "acme.io");
    PORTAL.companies.put(12, "globex.com");
    wireMock.stubFor(post(urlEqualTo(path("crm.item.list"))).willReturn(Bitrix24Stubs.json(200, """
        {"result": {"items": [{"id": 7, "assignedById": 6}, {"id": 12, "assignedById": 1}]}, "total": 2,
         "time": {"date_start": "2026-11-30T15:00:01+03:00", "operating": 0}}""")));
    Bitrix24Destination destination = Bitrix24Stubs.destination(new Bitrix24Config(
        new Secret(wireMock.baseUrl() + Bitrix24Stubs.PREFIX), null, null, null, null, false,
        new TaskPolicy(List.of("pql"), null, "record", "1"), null), time, store);

    MatchResult result = destination.match(EntityLevel.ACCOUNT, keys("acme.io", "globex.com"));

    assertThat(result.found()).containsOnly(Map.entry("acme.io", new CrmRecord("7", "6")),
        Map.entry("globex.com", new CrmRecord("12", "1")));
    wireMock.verify(1, postRequestedFor(urlEqualTo(path("crm.item.list"))).withRequestBody(equalToJson(
        "{\"entityTypeId\":4,\"select\":[\"id\",\"assignedById\"],\"filter\":{\"@id\":[7,12]},"
        + "\"order\":{\"id\":\"ASC\"},\"useOriginalUfNames\":\"Y\"}")));
  }

  private Bitrix24Destination destination() {
    return Bitrix24Stubs.destination(new Bitrix24Config(new Secret(wireMock.baseUrl() + Bitrix24Stubs.PREFIX), null,
        null, null, null, false, null, null), time, store);
  }

  private static List<MatchKey> keys(String... domains) {
    return Arrays.stream(domains).map(d -> new MatchKey("domain", d)).toList();
  }

  private static PqlUpdate accountUpdate(String domain, String recordId) {
    PqlFields fields = new PqlFields("pql", 87, "usage", List.of("Sent 2,400 messages"), 80.0, Bitrix24Stubs.EVALUATED,
        Bitrix24Stubs.EVALUATED);
    return new PqlUpdate(EntityRef.account(domain), new MatchKey("domain", domain), recordId, fields);
  }

  private static int commands(LoggedRequest request) {
    try {
      return new ObjectMapper().readTree(request.getBodyAsString()).get("cmd").size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
