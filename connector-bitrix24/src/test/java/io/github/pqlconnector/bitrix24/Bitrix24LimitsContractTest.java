package io.github.pqlconnector.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.fixture;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.json;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.path;
import static io.github.pqlconnector.bitrix24.Bitrix24Stubs.userUpdate;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.WriteResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The leaky bucket and the operating-time budget, on a fake clock: bursts slow down, limits wait, nothing fails. */
class Bitrix24LimitsContractTest {
  private static final Bitrix24Stubs.FakeTime TIME = new Bitrix24Stubs.FakeTime();
  private static final Bucket BUCKET = new Bucket();

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(BUCKET)).build();

  /** Bitrix24's counter on the fake clock: +1 per request, drains 2/s, refuses above 50 with QUERY_LIMIT_EXCEEDED. */
  static final class Bucket implements ResponseDefinitionTransformerV2 {
    private double level;
    private long at = TIME.nanos();
    final AtomicInteger refused = new AtomicInteger();

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
      long now = TIME.nanos();
      level = Math.max(0, level - (now - at) / 1e9 * 2);
      at = now;
      if (level + 1 > 50) {
        refused.incrementAndGet();
        return json(503, fixture("errors/503-query-limit-exceeded.json")).build();
      }
      level += 1;
      return event.getResponseDefinition();
    }

    @Override
    public String getName() {
      return "bucket";
    }
  }

  private Bitrix24Config config() {
    return new Bitrix24Config(new Secret(wm.baseUrl() + Bitrix24Stubs.PREFIX), null, null, null, null, false, null,
        null);
  }

  @Test
  void aBurstBeyondTheBucketSlowsDownInsteadOfFailing() {
    wm.stubFor(post(urlEqualTo(path("crm.item.list"))).willReturn(json(200, fixture("items/response-owners.json"))));
    TIME.clock.advance(Duration.ofMinutes(1));   // whatever other tests left in the portal's bucket has drained
    Bitrix24Destination destination = Bitrix24Stubs.destination(config(), TIME);
    TIME.sleeps.clear();

    for (int i = 0; i < 70; i++) {
      assertThat(destination.check().status()).isEqualTo(CheckResult.Status.OK);
    }

    assertThat(BUCKET.refused.get()).as("requests Bitrix24 refused").isZero();
    assertThat(TIME.sleeps).as("48 at once, then one every 500 ms").hasSize(22)
        .allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofMillis(500)));
  }

  @Test
  void aQueryLimitAnswerBacksOffAndTheCallCompletes() {
    wm.stubFor(post(urlEqualTo(path("crm.item.list"))).inScenario("503").whenScenarioStateIs(STARTED)
        .willSetStateTo("drained").willReturn(json(503, fixture("errors/503-query-limit-exceeded.json"))));
    wm.stubFor(post(urlEqualTo(path("crm.item.list"))).inScenario("503").whenScenarioStateIs("drained")
        .willReturn(json(200, fixture("items/response-owners.json"))));
    Bitrix24Destination destination = Bitrix24Stubs.destination(config(), TIME);
    TIME.sleeps.clear();

    assertThat(destination.check().status()).isEqualTo(CheckResult.Status.OK);

    wm.verify(2, postRequestedFor(urlEqualTo(path("crm.item.list"))));
    assertThat(TIME.sleeps).as("the bucket taken as full: one drain step before the retry").isNotEmpty();
  }

  @Test
  void anOperationTimeLimitWaitsUntilTheResetTimeAndCompletes() {
    String list = path("crm.item.list");
    wm.stubFor(post(urlEqualTo(list)).inScenario("busy").whenScenarioStateIs(STARTED).willSetStateTo("blocked")
        .willReturn(json(200, fixture("items/response-operating-high.json"))));
    wm.stubFor(post(urlEqualTo(list)).inScenario("busy").whenScenarioStateIs("blocked").willSetStateTo("reset")
        .willReturn(json(429, fixture("errors/429-operation-time-limit.json"))));
    wm.stubFor(post(urlEqualTo(list)).inScenario("busy").whenScenarioStateIs("reset")
        .willReturn(json(200, fixture("items/response-owners.json"))));
    Bitrix24Destination destination = Bitrix24Stubs.destination(config(), TIME);
    java.time.Instant reset = java.time.Instant.ofEpochSecond(1796040030);
    Duration before = TIME.slept();

    assertThat(destination.check().status()).isEqualTo(CheckResult.Status.OK);
    assertThat(destination.check().status()).as("slowed down at 470 of 480 s, then blocked, then through")
        .isEqualTo(CheckResult.Status.OK);

    wm.verify(3, postRequestedFor(urlEqualTo(list)));
    assertThat(TIME.clock.instant()).as("the retry waited for the reported reset").isAfterOrEqualTo(reset);
    assertThat(TIME.slept().minus(before)).isPositive();
  }

  @Test
  void aBatchCommandOverItsOperatingTimeIsSentAgainAfterTheResetAndWritten() {
    wm.stubFor(post(urlEqualTo(path("batch"))).withRequestBody(containing("userfield.list"))
        .willReturn(json(200, fixture("batch/response-enum-fields-contact.json"))));
    wm.stubFor(post(urlEqualTo(path("batch"))).withRequestBody(containing("crm.item.update")).inScenario("cmd")
        .whenScenarioStateIs(STARTED).willSetStateTo("again")
        .willReturn(json(200, fixture("batch/response-write-operating-limit.json"))));
    wm.stubFor(post(urlEqualTo(path("batch"))).withRequestBody(containing("crm.item.update")).inScenario("cmd")
        .whenScenarioStateIs("again").willReturn(json(200, fixture("batch/response-write-second.json"))));
    Bitrix24Destination destination = Bitrix24Stubs.destination(config(), TIME);

    WriteResult result = destination.upsert(EntityLevel.USER,
        List.of(userUpdate("u0@example.com", "501"), userUpdate("u1@example.com", "502")));

    assertThat(result.failed()).isEmpty();
    assertThat(result.written()).isEqualTo(Map.of(EntityRef.user("u0@example.com"), "501",
        EntityRef.user("u1@example.com"), "502"));
    assertThat(TIME.clock.instant()).isAfterOrEqualTo(java.time.Instant.ofEpochSecond(1796040045));
    wm.verify(1, postRequestedFor(urlEqualTo(path("batch"))).withRequestBody(containing("\"w1\""))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("\"w0\"")));
  }
}
