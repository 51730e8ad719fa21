package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchKeysTest {
  @ParameterizedTest
  @CsvSource({
      "https://www.acme.io/, acme.io",
      "ACME.io:443/path, acme.io",
      "http://WWW.Acme.IO:8080/a/b?x=1#top, acme.io",
      "acme.io?ref=ad, acme.io",
      "//www.acme.io, acme.io",
      "' acme.io. ', acme.io",
      "https://user@acme.io/, acme.io",
      "shop.acme.io, shop.acme.io",
      "'', ''"
  })
  void aDomainLosesSchemeWwwPortPathQueryAndCase(String website, String domain) {
    assertThat(MatchKeys.domain(website)).isEqualTo(domain);
  }
}
