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
 * name now points here; an IP address cannot be rebound); an {@code Origin} other than this server's (a foreign
 * page submitting a form or a script's fetch); a state-changing request the browser itself marks cross-site.
 */
final class RequestGuard {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private final Set<String> hosts = new HashSet<>();
  private final Set<String> proxied = new HashSet<>();

  RequestGuard(AdminConfig config) {
    hosts.addAll(Set.of("localhost", "127.0.0.1", "[::1]"));
    String bind = config.bind().toLowerCase(Locale.ROOT);
    if (!bind.equals("0.0.0.0") && !bind.equals("::") && !bind.equals("[::]")) {
      hosts.add(bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind);
    }
    config.allowedHosts().forEach(h -> proxied.add(h.toLowerCase(Locale.ROOT)));
    hosts.addAll(proxied);
  }

  /** Why the request is refused, or empty when it may go on. */
  Optional<String> refusal(Exchange exchange) {
    String host = exchange.header("Host");
    if (host != null && !allowedHost(hostName(host))) {
      return Optional.of("this server does not answer to the host name in the request;"
          + " add it to admin.allowedHosts if it is yours");
    }
    String origin = exchange.header("Origin");
    if (origin != null && !sameOrigin(origin, host)) {
      return Optional.of("cross-origin requests are refused");
    }
    if (exchange.changesState() && "cross-site".equals(exchange.header("Sec-Fetch-Site"))) {
      return Optional.of("cross-site requests are refused");
    }
    return Optional.empty();
  }

  /**
   * The page that sent the request was served by this server: its origin names the host and port the request went
   * to (another local service on another port is another origin), or one of {@code admin.allowedHosts}, since a
   * proxy in front may rewrite {@code Host}.
   */
  private boolean sameOrigin(String origin, @Nullable String host) {
    try {
      URI uri = new URI(origin);
      String scheme = uri.getScheme();
      if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
        return false;
      }
      String name = uri.getHost().toLowerCase(Locale.ROOT);
      int port = uri.getPort() < 0 ? ("https".equals(scheme) ? 443 : 80) : uri.getPort();
      return proxied.contains(name) || host != null && name.equals(hostName(host)) && port == port(host, scheme);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int port(String host, String scheme) {
    int close = host.lastIndexOf(']');
    int colon = host.lastIndexOf(':');
    if (colon > close) {
      try {
        return Integer.parseInt(host.substring(colon + 1).strip());
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return "https".equals(scheme) ? 443 : 80;
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
