package io.github.pqlconnector.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** URL checks of alert receivers: HTTPS, or plain HTTP to this machine only (a local test receiver). */
final class AlertUrls {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private AlertUrls() {}

  static boolean secureOrLoopback(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      return !host.isEmpty() && ("https".equals(scheme) || "http".equals(scheme) && LOOPBACK.contains(host));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The URL without query and fragment, where a receiver might carry a token. */
  static String withoutQuery(String url) {
    int cut = url.indexOf('?');
    int hash = url.indexOf('#');
    int end = cut < 0 ? hash : hash < 0 ? cut : Math.min(cut, hash);
    return end < 0 ? url : url.substring(0, end);
  }
}
