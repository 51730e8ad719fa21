package io.github.pqlconnector.core.http;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one root OkHttp client (one connection pool and dispatcher for the process) and the per-vendor clients
 * derived from it, each with its own interceptors, a redacting logger last, and a call timeout.
 */
public final class HttpClients {
  /** Query parameters that carry credentials in some vendors' URLs. */
  static final Pattern SECRET_PARAMS =
      Pattern.compile("(?i)\\b(access_token|auth|client_secret|refresh_token|hapikey|code)=[^&\\s]*");

  private final OkHttpClient root = new OkHttpClient();

  /**
   * A client for one vendor instance. Every request first gets the {@code User-Agent} with the version and its
   * operation name in the MDC ({@link VendorApis}); then {@code interceptors} run in order (auth…); the logger runs
   * last so it sees the final headers, and hides {@code Authorization} and cookies. {@code redactUrl} hides
   * secrets in URLs (Bitrix24 webhooks carry theirs in the path). OkHttp's own silent retry after a connection
   * failure is off: it would send a create again whose response was lost (on a host with several addresses), while
   * {@link VendorCall} decides what may be repeated.
   */
  public OkHttpClient forVendor(String vendor, List<Interceptor> interceptors, UnaryOperator<String> redactUrl,
      Duration callTimeout) {
    OkHttpClient.Builder builder = root.newBuilder().callTimeout(callTimeout)
        .retryOnConnectionFailure(false)
        .addInterceptor(VendorApis.userAgent())
        .addInterceptor(VendorApis.operationInMdc(vendor));
    interceptors.forEach(builder::addInterceptor);
    builder.addInterceptor(redactingLogger(vendor, redactUrl));
    return builder.build();
  }

  /** As {@link #forVendor}, with an authenticator that answers a 401 (an OAuth refresh). */
  public OkHttpClient forVendor(String vendor, List<Interceptor> interceptors, UnaryOperator<String> redactUrl,
      Duration callTimeout, okhttp3.Authenticator authenticator) {
    return forVendor(vendor, interceptors, redactUrl, callTimeout).newBuilder().authenticator(authenticator).build();
  }

  /** BASIC request/response lines at DEBUG under {@code pql.http.<vendor>}, with secrets redacted. */
  static HttpLoggingInterceptor redactingLogger(String vendor, UnaryOperator<String> redactUrl) {
    Logger log = LoggerFactory.getLogger("pql.http." + vendor);
    HttpLoggingInterceptor logging = new HttpLoggingInterceptor(
        message -> log.debug(redactUrl.apply(SECRET_PARAMS.matcher(message).replaceAll("$1=██"))));
    logging.setLevel(log.isDebugEnabled() ? HttpLoggingInterceptor.Level.BASIC : HttpLoggingInterceptor.Level.NONE);
    logging.redactHeader("Authorization");
    logging.redactHeader("Cookie");
    logging.redactHeader("Set-Cookie");
    return logging;
  }

  /** Closes the shared pool; call once when the process stops. */
  public void shutdown() {
    root.dispatcher().executorService().shutdown();
    root.connectionPool().evictAll();
  }
}
