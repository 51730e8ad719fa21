package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.bitrix24.api.Bitrix24Api;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.http.TokenStore;
import io.github.pqlconnector.core.http.VendorApis;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The HTTP stack of one Bitrix24 destination: a client derived from core's root client (shared pool, redacting BASIC
 * logger at DEBUG under {@code pql.http.bitrix24}) and the {@link Bitrix24Api} Retrofit builds on it. Interceptors, in
 * order: core's (user agent, operation name), the {@link OperatingGate}, then auth (the webhook's path or the OAuth {@code auth} parameter), so
 * the logger, which runs last, sees the final URL and hides the webhook code through {@link #redactor()}.
 */
record Bitrix24Http(Bitrix24Api api, UnaryOperator<String> redactor) {
  static final String VENDOR = "bitrix24";
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);   // Bitrix24 cloud stops a request after 60 s

  static Bitrix24Http create(HttpClients http, Bitrix24Config config, OperatingBudget budget) {
    List<Interceptor> interceptors = new ArrayList<>(List.of(new OperatingGate(budget)));
    if (config.oauth() == null) {
      Bitrix24Webhook webhook = Bitrix24Webhook.parse(config.webhookUrl()).orElseThrow(() ->
          new IllegalArgumentException("webhookUrl does not have the documented shape"));
      interceptors.add(webhook.interceptor());
      UnaryOperator<String> redactor = webhook.redactor();
      OkHttpClient client = http.forVendor(VENDOR, interceptors, redactor, CALL_TIMEOUT);
      return new Bitrix24Http(api(client, webhook.restBase()), redactor);
    }
    OkHttpClient tokenClient = http.forVendor(VENDOR + "-oauth", List.of(), UnaryOperator.identity(),
        Duration.ofSeconds(30));
    TokenStore tokens = new TokenStore(new Bitrix24TokenRefresher(config.oauth(), tokenClient), Clock.systemUTC(),
        Duration.ZERO);
    Bitrix24OAuthAuth auth = new Bitrix24OAuthAuth(tokens);
    interceptors.add(auth.interceptor());
    OkHttpClient client = http.forVendor(VENDOR, interceptors, UnaryOperator.identity(), CALL_TIMEOUT, auth);
    return new Bitrix24Http(api(client, config.baseUrl()), UnaryOperator.identity());
  }

  private static Bitrix24Api api(OkHttpClient client, String restBase) {
    return VendorApis.create(Bitrix24Api.class, restBase, client);
  }

}
