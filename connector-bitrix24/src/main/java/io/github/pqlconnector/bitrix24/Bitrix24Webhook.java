package io.github.pqlconnector.bitrix24;

import io.github.pqlconnector.core.secret.Secret;
import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * An inbound webhook, {@code https://<portal>/rest/<user id>/<code>/} (b24restdocs local-integrations/local-webhooks.md).
 * The code is the secret, in the URL path. Retrofit only ever sees the REST base ({@code https://<portal>/rest/});
 * {@link #interceptor()} inserts {@code <user id>/<code>/} into each request's path just before it goes out, and
 * {@link #redactor()} replaces the code with {@code ██} wherever a URL or message could show it.
 */
final class Bitrix24Webhook {
  private static final Pattern SHAPE = Pattern.compile("(https?://[^/?#]+(?:/[^?#]*)?/rest/)(\\d+)/([^/?#]+)/?");
  static final String HIDDEN = "██";

  private final String restBase;
  private final String userId;
  private final Secret code;

  private Bitrix24Webhook(String restBase, String userId, Secret code) {
    this.restBase = restBase;
    this.userId = userId;
    this.code = code;
  }

  /** The webhook in {@code url}, or empty when it does not have the documented shape. */
  static Optional<Bitrix24Webhook> parse(Secret url) {
    Matcher m = SHAPE.matcher(url.reveal().trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Bitrix24Webhook(m.group(1), m.group(2), new Secret(m.group(3))));
  }

  /** The portal's REST base, without user id and code: Retrofit's base URL. */
  String restBase() {
    return restBase;
  }

  /** Rewrites {@code …/rest/<method>} to {@code …/rest/<user id>/<code>/<method>}. */
  Interceptor interceptor() {
    return chain -> {
      HttpUrl url = chain.request().url();
      String path = url.encodedPath();
      int rest = path.lastIndexOf("/rest/") + "/rest/".length();
      String withSecret = path.substring(0, rest) + userId + "/" + code.reveal() + "/" + path.substring(rest);
      return proceed(chain, url.newBuilder().encodedPath(withSecret).build());
    };
  }

  /** Hides the code in any text: URLs in HTTP log lines, exception messages. */
  UnaryOperator<String> redactor() {
    String secret = code.reveal();
    return text -> text == null ? null : text.replace(secret, HIDDEN);
  }

  private static Response proceed(Interceptor.Chain chain, HttpUrl url) throws IOException {
    return chain.proceed(chain.request().newBuilder().url(url).build());
  }
}
