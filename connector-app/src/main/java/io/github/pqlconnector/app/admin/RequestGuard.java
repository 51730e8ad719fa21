package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.config.AdminConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Refuses what no legitimate client sends, before anyone is authenticated. A {@code Host} that is not the bind
 * address, a loopback name, an IP address or one of {@code admin.allowedHosts} (DNS rebinding: a foreign page whose
 * name now points here); an {@code Origin} of another site (a foreign page submitting a form or a script's
 * fetch); a state-changing request the browser itself marks cross-site.
 */
final class RequestGuard {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private final Set<String> hosts = new HashSet<>();

  RequestGuard(AdminConfig config) {
    hosts.addAll(Set.of("localhost", "127.0.0.1", "[::1]"));
    String bind = config.bind().toLowerCase(Locale.ROOT);
    if (!bind.equals("0.0.0.0") && !bind.equals("::") && !bind.equals("[::]")) {
      hosts.add(bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind);
    }
    config.allowedHosts().forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
  }

  /** Why the request is refused, or empty when it may go on. */
  Optional<String> refusal(Exchange exchange) {
    String host = exchange.header("Host");
    if (host != null && !allowedHost(hostName(host))) {
      return Optional.of("this server does not answer to the host name in the request;"
          + " add it to admin.allowedHosts if it is yours");
    }
    String origin = exchange.header("Origin");
    if (origin != null && !sameSiteOrigin(origin)) {
      return Optional.of("cross-origin requests are refused");
    }
    if (exchange.changesState() && "cross-site".equals(exchange.header("Sec-Fetch-Site"))) {
      return Optional.of("cross-site requests are refused");
    }
    return Optional.empty();
  }

  private boolean sameSiteOrigin(String origin) {
    try {
      URI uri = new URI(origin);
      return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && allowedHost(uri.getHost().toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** An IP literal cannot be rebound to another site, so it is always allowed; names must be known. */
  private boolean allowedHost(String name) {
    return hosts.contains(name) || IPV4.matcher(name).matches() || name.startsWith("[");
  }

  /** The host of a {@code Host} header, lower case, without its port. */
  static String hostName(@Nullable String header) {
    String value = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? value : value.substring(0, end + 1);
    }
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }
}
