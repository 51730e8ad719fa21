package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.DestinationContext;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.TaskPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Salesforce destinations on WireMock: config, token endpoint, fixtures and PQL updates for the tests. */
final class SalesforceStubs {
  /** Obviously fake credentials; the secrets test checks none of them reaches a log line or an exception. */
  static final String CLIENT_ID = "3MVG9test.client.id";
  static final String CLIENT_SECRET = "test-client-secret-7f3a91c2";
  static final String REFRESH_TOKEN = "test-refresh-token-2c8e55";
  static final String ACCESS_ONE = "00Dxx0000000001!AQ4AQFakeAccessTokenOne";
  static final String ACCESS_TWO = "00Dxx0000000001!AQ4AQFakeAccessTokenTwo";
  static final String TOKEN_PATH = "/services/oauth2/token";
  static final String DATA = "/services/data/v67.0";
  static final Instant EVALUATED = Instant.parse("2026-10-01T09:00:00Z");

  private SalesforceStubs() {}

  static SalesforceAuth clientCredentials(WireMockRuntimeInfo wm) {
    return new SalesforceAuth(null, wm.getHttpBaseUrl(), CLIENT_ID, new Secret(CLIENT_SECRET), null, null, null,
        null, null);
  }

  static SalesforceConfig config(SalesforceAuth auth, boolean createMissing, @Nullable TaskPolicy tasks) {
    return new SalesforceConfig(auth, null, null, null, null, createMissing, null, null, null, null, tasks);
  }

  static SalesforceConfig config(WireMockRuntimeInfo wm) {
    return new ConfigBuilder(wm).build();
  }

  static SalesforceDestination destination(SalesforceConfig config, Clock clock) {
    return SalesforceDestination.create(config, new DestinationContext("crm", clock, new SimpleMeterRegistry()),
        new HttpClients(), duration -> { });
  }

  static SalesforceDestination destination(WireMockRuntimeInfo wm) {
    return destination(config(wm), Clock.systemUTC());
  }

  /** The token endpoint answering every grant with {@code fixture}, its instance_url this WireMock. */
  static void tokenEndpoint(String fixture) {
    stubFor(post(TOKEN_PATH).willReturn(json(200, fixture("oauth/" + fixture)).withTransformers("response-template")));
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
  }

  static ResponseDefinitionBuilder csv(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/csv").withBody(body);
  }

  static PqlUpdate userUpdate(String email, @Nullable String recordId) {
    PqlFields fields = new PqlFields("pql", 87, "hand_raiser", List.of("Sent 2,400 messages", "Activated 80 %"), 80.0,
        EVALUATED, EVALUATED);
    return new PqlUpdate(EntityRef.user(email), new MatchKey("email", email), recordId, fields);
  }

  static String fixture(String path) {
    try (InputStream in = SalesforceStubs.class.getResourceAsStream("/salesforce/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture salesforce/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
