package io.github.pqlconnector.sources.mixpanel;

import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A Mixpanel source pointed at WireMock, with obviously fake credentials. */
final class MixpanelStubs {
  static final String USER = "pql-test.a1b2c3.mp-service-account";
  static final String SECRET = "fake-mixpanel-secret-0000";
  static final long PROJECT = 12345;
  static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + SECRET)
      .getBytes(StandardCharsets.UTF_8));

  private MixpanelStubs() {}

  static MixpanelConfig config(String baseUrl, String accountGroupId) {
    return new MixpanelConfig(PROJECT, USER, new Secret(SECRET), "eu", baseUrl, baseUrl, "company_id",
        accountGroupId, Duration.ofDays(5));
  }

  static MixpanelSource source(String baseUrl) {
    return new MixpanelSource(config(baseUrl, "g-7"), "product", new HttpClients());
  }

  static String fixture(String name) {
    try (InputStream in = MixpanelStubs.class.getResourceAsStream("/mixpanel/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
