package io.github.pqlconnector.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import retrofit2.Call;
import retrofit2.http.GET;

/** What core adds to every vendor request: the versioned user agent, the operation name, one tolerant mapper. */
@WireMockTest
class VendorApisTest {
  interface ThingApi {
    @GET("things/current")
    Call<Map<String, Object>> currentThing();
  }

  @Test
  void everyRequestCarriesTheVersionedUserAgentAndItsOperationInTheMdc(WireMockRuntimeInfo wm) throws IOException {
    stubFor(get(urlEqualTo("/things/current")).willReturn(okJson("{\"id\":\"7\",\"added\":{\"by\":\"vendor\"}}")));
    AtomicReference<String> operationSeen = new AtomicReference<>();
    Interceptor spy = chain -> {
      operationSeen.set(MDC.get(VendorApis.MDC_OPERATION));
      return chain.proceed(chain.request());
    };
    OkHttpClient client = new HttpClients().forVendor("test", List.of(spy), UnaryOperator.identity(),
        Duration.ofSeconds(5));

    Map<String, Object> thing = VendorApis.create(ThingApi.class, wm.getHttpBaseUrl(), client).currentThing()
        .execute().body();

    assertThat(thing).containsEntry("id", "7");
    assertThat(operationSeen.get()).isEqualTo("ThingApi.currentThing");
    assertThat(MDC.get(VendorApis.MDC_OPERATION)).isNull();
    verify(getRequestedFor(urlEqualTo("/things/current")).withHeader("User-Agent", equalTo(VendorApis.USER_AGENT)));
  }

  @Test
  void theUserAgentNamesTheBuiltVersion() {
    assertThat(VendorApis.USER_AGENT).startsWith("pql-connector/").doesNotContain("${").isNotEqualTo(
        "pql-connector/development");
  }
}
