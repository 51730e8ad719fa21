package io.github.pqlconnector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.CODE;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.fixture;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.json;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.path;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.userUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.testing.SecretsContract;
import java.util.List;
import java.util.regex.Pattern;

/** The webhook code never reaches a log line (HTTP logging at DEBUG), an exception message or a fixture. */
class Bitrix24SecretsContractTest extends SecretsContract {
  private final Bitrix24Stubs.FakeTime time = new Bitrix24Stubs.FakeTime();

  @Override
  protected void failInEveryWay(WireMockRuntimeInfo wireMock) {
    Bitrix24Destination destination = Bitrix24Stubs.destination(Bitrix24Stubs.config(wireMock, false, null), time);
    stubFor(post(urlEqualTo(path("crm.item.list"))).willReturn(json(401, fixture("errors/401-no-auth-found.json"))));
    stubFor(post(urlEqualTo(path("batch"))).withRequestBody(containing("findbycomm"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    stubFor(post(urlEqualTo(path("batch"))).withRequestBody(containing("userfield.list"))
        .willReturn(json(200, "{\"result\": not json")));

    messages.add(destination.check().message());
    attempt(() -> destination.match(EntityLevel.USER, List.of(new MatchKey("email", "ana@example.com"))));
    attempt(() -> destination.upsert(EntityLevel.USER, List.of(userUpdate("ana@example.com", "501"))));
    attempt(() -> destination.match(EntityLevel.ACCOUNT, List.of(new MatchKey("domain", "acme.example"))));
    Bitrix24Destination unreachable = Bitrix24Stubs.destination(new Bitrix24Config(
        new Secret("http://127.0.0.1:1/rest/1/" + CODE + "/"), null, null, null, null, false, null, null), time);
    messages.add(unreachable.check().message());
  }

  @Override
  protected List<String> secrets() {
    return List.of(CODE);
  }

  @Override
  protected void assertWhatWasLoggedAndSaid(List<String> lines) {
    assertThat(lines).anyMatch(line -> line.contains("--> POST") && line.contains("/rest/1/██/batch"))
        .anyMatch(line -> line.contains("<-- 401"));
    assertThat(messages).hasSize(5).allSatisfy(m -> assertThat(m).isNotBlank());
  }

  /** The code, and anything shaped like a webhook URL. */
  @Override
  protected Fixtures fixtures() {
    return new Fixtures("/bitrix24", 30, List.of(literally(CODE), Pattern.compile("/rest/\\d+/[A-Za-z0-9]{8,}")));
  }
}
