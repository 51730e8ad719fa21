package io.github.pqlconnector.sources.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.spi.AnalyticsSourceProvider;
import io.github.pqlconnector.core.spi.ReadRequest;
import io.github.pqlconnector.core.spi.SourceConfig;
import io.github.pqlconnector.core.spi.SourceContext;
import io.github.pqlconnector.sources.amplitude.AmplitudeConfig;
import io.github.pqlconnector.sources.amplitude.AmplitudeSourceProvider;
import io.github.pqlconnector.sources.mixpanel.MixpanelConfig;
import io.github.pqlconnector.sources.mixpanel.MixpanelSourceProvider;
import io.github.pqlconnector.sources.posthog.PostHogConfig;
import io.github.pqlconnector.sources.posthog.PostHogSourceProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * With HTTP logging at DEBUG, every source through check, traits and events, refused (401) and rate limited
 * (429 until retries are spent): no credential — nor its Basic-auth encoding — reaches a log line, an exception message or a fixture.
 */
@WireMockTest
class HttpSourcesSecretsTest {
  private static final String MP = "fake-mixpanel-secret-4242";
  private static final String AMP_KEY = "fake-amplitude-key-4242";
  private static final String AMP = "fake-amplitude-secret-4242";
  private static final String PH = "phx_fake_secret_4242";
  private static final Instant DAY = Instant.parse("2025-11-01T00:00:00Z");

  @Test
  void noCredentialInLogsOrMessages(WireMockRuntimeInfo wm) {
    List<String> messages = new ArrayList<>();
    List<String> lines;
    try (LogCapture logs = new LogCapture()) {
      for (int status : new int[] {401, 429}) {
        stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Retry-After", "0")
            .withBody("{\"error\": \"no\", \"detail\": \"no\"}")));
        for (AnalyticsSource source : sources(wm.getHttpBaseUrl())) {
          messages.add(source.check().message());
          try (source) {
            source.readTraits(EntityLevel.USER, new CollectingSink());
            source.readEvents(new ReadRequest(null, DAY, DAY.plusSeconds(3600), Set.of()), new CollectingSink());
          } catch (RuntimeException e) {
            messages.add(e.getMessage());
          }
        }
      }
      lines = logs.lines();
    }

    assertThat(lines).anyMatch(l -> l.contains("--> GET")).anyMatch(l -> l.contains("<-- 401"));
    assertThat(messages).hasSizeGreaterThanOrEqualTo(12);
    for (String secret : secrets()) {
      assertThat(lines).noneMatch(l -> l.contains(secret));
      assertThat(messages).noneMatch(m -> m.contains(secret));
    }
  }

  @Test
  void noFixtureHoldsACredential() throws IOException, URISyntaxException {
    for (String dir : new String[] {"/mixpanel", "/amplitude", "/posthog"}) {
      try (Stream<Path> files = Files.walk(Path.of(getClass().getResource(dir).toURI()))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String text = Files.readString(file, StandardCharsets.UTF_8);
          assertThat(text).as(file.toString()).doesNotContain("Basic ").doesNotContain("Bearer ")
              .doesNotContainPattern("phx_[A-Za-z0-9]{20,}");
        }
      }
    }
  }

  private static List<String> secrets() {
    return List.of(MP, AMP, AMP_KEY, PH, basic("sa.user", MP), basic(AMP_KEY, AMP));
  }

  private static String basic(String user, String secret) {
    return Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private static List<AnalyticsSource> sources(String url) {
    SourceContext context = new SourceContext("product", Clock.systemUTC());
    return List.of(
        create(new MixpanelSourceProvider(), new MixpanelConfig(1L, "sa.user", new Secret(MP), null, url, url,
            null, null, Duration.ofDays(1)), context),
        create(new AmplitudeSourceProvider(), new AmplitudeConfig(new Secret(AMP_KEY), new Secret(AMP), null, url,
            null, Duration.ofHours(1), Duration.ofHours(1)), context),
        create(new PostHogSourceProvider(), new PostHogConfig(new Secret(PH), "1", null, url, null, null, null,
            null, null), context));
  }

  private static AnalyticsSource create(AnalyticsSourceProvider provider, SourceConfig config, SourceContext context) {
    return provider.create(config, context);
  }
}
