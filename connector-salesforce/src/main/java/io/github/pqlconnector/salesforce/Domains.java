package io.github.pqlconnector.salesforce;

import java.util.Locale;

/** The domain in a free-text Account {@code Website}: {@code http://www.Acme.com/about} → {@code acme.com}. */
final class Domains {
  private Domains() {}

  static String ofWebsite(String website) {
    String host = website.trim().toLowerCase(Locale.ROOT).replaceFirst("^[a-z][a-z0-9+.-]*://", "");
    int end = host.length();
    for (char stop : new char[] {'/', '?', '#', ':'}) {
      int at = host.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    host = host.substring(0, end);
    return host.startsWith("www.") ? host.substring(4) : host;
  }
}
