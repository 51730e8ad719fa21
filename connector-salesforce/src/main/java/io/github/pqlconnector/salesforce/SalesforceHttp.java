package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.http.BearerToken;
import io.github.pqlconnector.core.http.HttpClients;
import io.github.pqlconnector.core.http.RefreshOnUnauthorized;
import io.github.pqlconnector.core.http.TokenStore;
import io.github.pqlconnector.core.http.VendorApis;
import io.github.pqlconnector.salesforce.api.LimitInfo;
import io.github.pqlconnector.salesforce.api.SalesforceApi;
import io.github.pqlconnector.salesforce.api.SalesforceErrors;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import retrofit2.Retrofit;

/**
 * The HTTP stack of one Salesforce destination, derived from core's root client (user agent and operation name added there): the bearer
 * token from the {@link TokenStore} (fetched before the first call, renewed once after a 401), every request sent to
 * the {@code instance_url} of the current token, and each response's {@code Sforce-Limit-Info} recorded in the
 * {@link DailyAllocation}. Requests are logged at DEBUG by core's redacting logger, without {@code Authorization}.
 */
final class SalesforceHttp {
  /** Retrofit needs a base URL; the real host is the token's {@code instance_url}, set per request. */
  static final String PLACEHOLDER_BASE = "https://instance.invalid/";
  static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

  private SalesforceHttp() {}

  static OkHttpClient tokenClient(HttpClients http) {
    return http.forVendor("salesforce-oauth", List.of(), UnaryOperator.identity(), Duration.ofSeconds(30));
  }

  static SalesforceApi api(HttpClients http, TokenStore tokens, SalesforceTokens grants, DailyAllocation daily) {
    OkHttpClient client = http.forVendor(SalesforceErrors.VENDOR, List.of(
        new BearerToken(tokens::current), toInstance(grants), recordLimits(daily)), UnaryOperator.identity(),
        CALL_TIMEOUT, new RefreshOnUnauthorized(tokens));
    return VendorApis.create(SalesforceApi.class, PLACEHOLDER_BASE, client);
  }

  /** Runs after the bearer interceptor, which fetched a token (and so the instance) if there was none. */
  private static Interceptor toInstance(SalesforceTokens grants) {
    return chain -> {
      HttpUrl instance = grants.instanceUrl();
      if (instance == null) {
        throw new VendorException(SalesforceErrors.VENDOR, ErrorCategory.AUTH, 0, "no instance_url yet", null);
      }
      Request request = chain.request();
      HttpUrl url = request.url().newBuilder().scheme(instance.scheme()).host(instance.host())
          .port(instance.port()).build();
      return chain.proceed(request.newBuilder().url(url).build());
    };
  }

  private static Interceptor recordLimits(DailyAllocation daily) {
    return chain -> {
      okhttp3.Response response = chain.proceed(chain.request());
      LimitInfo.parse(response.header(LimitInfo.HEADER)).ifPresent(daily::record);
      return response;
    };
  }
}
