package io.github.pqlconnector.bitrix24;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.resilience.Sleeper;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.DestinationContext;
import io.github.pqlconnector.core.spi.DestinationStore;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.TaskPolicy;
import io.github.pqlconnector.core.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds Bitrix24 destinations on WireMock with a fake clock, plus fixtures and updates for the tests. */
final class Bitrix24Stubs {
  /** Not a real webhook code; shaped so a leak check finds it anywhere. */
  static final String CODE = "pqltest0c4e9a7b2f61d853";
  static final String PREFIX = "/rest/1/" + CODE + "/";
  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final Instant EVALUATED = Instant.parse("2026-11-30T12:00:00Z");

  private Bitrix24Stubs() {}

  /** A clock whose sleeper moves it, so pacing is measured without waiting. */
  static final class FakeTime implements Sleeper {
    final MutableClock clock = new MutableClock(NOW);
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(Duration duration) {
      sleeps.add(duration);
      clock.advance(duration);
    }

    long nanos() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    Duration slept() {
      synchronized (sleeps) {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
      }
    }

    Bitrix24Timing timing() {
      return new Bitrix24Timing(clock, this::nanos, this, Duration.ofMillis(10));
    }
  }

  static String webhookUrl(WireMockRuntimeInfo wireMock) {
    return wireMock.getHttpBaseUrl() + PREFIX;
  }

  static String path(String method) {
    return PREFIX + method;
  }

  static Bitrix24Config config(WireMockRuntimeInfo wireMock, boolean createMissing, @Nullable TaskPolicy tasks) {
    return new Bitrix24Config(new Secret(webhookUrl(wireMock)), null, null, null, null, createMissing, tasks, null);
  }

  /** Accounts matched on a company field instead of the websites. */
  static Bitrix24Config fieldConfig(WireMockRuntimeInfo wireMock, String accountField) {
    return new Bitrix24Config(new Secret(webhookUrl(wireMock)), null, null, null, accountField, false, null, null);
  }

  static Bitrix24Destination destination(Bitrix24Config config, FakeTime time) {
    return destination(config, time, DestinationStore.inMemory());
  }

  /** A destination keeping its company index in {@code store}, as consecutive runs share the state store. */
  static Bitrix24Destination destination(Bitrix24Config config, FakeTime time, DestinationStore store) {
    return Bitrix24Destination.create(config,
        new DestinationContext("crm", time.clock, new SimpleMeterRegistry(), new HttpClients(), store), new HttpClients(),
        time.timing());
  }

  static Bitrix24Destination destination(WireMockRuntimeInfo wireMock, FakeTime time) {
    return destination(config(wireMock, false, new TaskPolicy(null, null, null, null)), time);
  }

  static PqlUpdate userUpdate(String email, @Nullable String recordId) {
    PqlFields fields = new PqlFields("pql", 87, "hand_raiser", List.of("Sent 2,400 messages", "Activated 80 %"), 80.0,
        EVALUATED, EVALUATED);
    return new PqlUpdate(EntityRef.user(email), new MatchKey("email", email), recordId, fields);
  }

  static ResponseDefinitionBuilder json(int status, String body) {
    return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  static String fixture(String path) {
    try (InputStream in = Bitrix24Stubs.class.getResourceAsStream("/bitrix24/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture bitrix24/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
