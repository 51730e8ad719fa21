package io.github.pqlconnector.hubspot;

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

/** Builds HubSpot destinations on WireMock, fixtures and PQL updates for the destination tests. */
final class HubSpotDestinations {
  /** Not a real token, shaped like none HubSpot issues. */
  static final String TOKEN = "test-token-5b1e8d0c3a9f7e26";
  static final Instant EVALUATED = Instant.parse("2026-10-01T09:00:00Z");

  private HubSpotDestinations() {}

  static HubSpotConfig config(WireMockRuntimeInfo wireMock, boolean createMissing, @Nullable TaskPolicy tasks) {
    return new HubSpotConfig(new Secret(TOKEN), wireMock.getHttpBaseUrl() + "/", null, null, null, createMissing,
        tasks, null, null);
  }

  static HubSpotDestination destination(WireMockRuntimeInfo wireMock) {
    return destination(config(wireMock, false, new TaskPolicy(null, null, null, null)));
  }

  static HubSpotDestination destination(HubSpotConfig config) {
    return HubSpotDestination.create(config, new DestinationContext("crm", Clock.systemUTC(), new SimpleMeterRegistry()),
        new HttpClients());
  }

  /** An update of user {@code email} whose HubSpot record id is {@code recordId} (null: not found). */
  static PqlUpdate userUpdate(String email, @Nullable String recordId) {
    PqlFields fields = new PqlFields("pql", 87, "hand_raiser", List.of("Sent 2,400 messages", "Activated 80 %"), 80.0,
        EVALUATED, EVALUATED);
    return new PqlUpdate(EntityRef.user(email), new MatchKey("email", email), recordId, fields);
  }

  static String fixture(String path) {
    try (InputStream in = HubSpotDestinations.class.getResourceAsStream("/hubspot/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture hubspot/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
