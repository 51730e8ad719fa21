package io.github.pqlconnector.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.MDC;
import retrofit2.Invocation;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * What every vendor client has in common besides the root client: the {@code User-Agent} with the connector's
 * version, the Retrofit operation name ({@code HubSpotApi.batchUpsert}) in the MDC key {@value #MDC_OPERATION} while
 * a request runs (never its arguments), and Retrofit APIs on the one tolerant {@link WireJson} mapper, validated
 * eagerly so a broken interface fails at start-up.
 */
public final class VendorApis {
  public static final String MDC_OPERATION = "operation";
  public static final String USER_AGENT = "pql-connector/" + version();

  private VendorApis() {}

  /** A Retrofit API on {@code baseUrl} (a trailing / is added when missing). */
  public static <T> T create(Class<T> service, String baseUrl, OkHttpClient client) {
    return new Retrofit.Builder()
        .baseUrl(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/")
        .client(client)
        .addConverterFactory(JacksonConverterFactory.create(WireJson.create()))
        .validateEagerly(true)
        .build()
        .create(service);
  }

  /** {@code Service.method} of the Retrofit call behind {@code request}, else {@code fallback}. */
  public static String operation(Request request, String fallback) {
    Invocation invocation = request.tag(Invocation.class);
    return invocation == null ? fallback : invocation.service().getSimpleName() + "." + invocation.method().getName();
  }

  static Interceptor userAgent() {
    return chain -> chain.proceed(chain.request().newBuilder().header("User-Agent", USER_AGENT).build());
  }

  static Interceptor operationInMdc(String vendor) {
    return chain -> {
      String previous = MDC.get(MDC_OPERATION);
      MDC.put(MDC_OPERATION, operation(chain.request(), vendor));
      try {
        return chain.proceed(chain.request());
      } finally {
        if (previous == null) {
          MDC.remove(MDC_OPERATION);
        } else {
          MDC.put(MDC_OPERATION, previous);
        }
      }
    };
  }

  private static String version() {
    try (InputStream in = VendorApis.class.getResourceAsStream("build.properties")) {
      Properties build = new Properties();
      if (in != null) {
        build.load(in);
      }
      String version = build.getProperty("version", "development");
      return version.startsWith("${") ? "development" : version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the connector's build.properties", e);
    }
  }
}
