package io.github.pqlconnector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** SOQL literals and statement splitting, domains from websites, and the Bulk CSV dialect round trip. */
class SoqlAndCsvTest {
  @Test
  void literalsEscapeQuotesBackslashesAndLikeWildcards() {
    assertThat(Soql.literal("o'brien\\x@example.com")).isEqualTo("'o\\'brien\\\\x@example.com'");
    assertThat(Soql.containsLiteral("a_b%c.com")).isEqualTo("'%a\\_b\\%c.com%'");
  }

  @Test
  void statementsStayUnderTheLimitAndKeepEveryPartOnce() {
    List<String> parts = IntStream.range(0, 500).mapToObj(i -> Soql.literal("user" + i + "@example.com")).toList();
    List<String> statements = Soql.chunked("SELECT Id FROM Contact WHERE Email IN (", parts, ",", ")", 2_000);
    assertThat(statements).hasSizeGreaterThan(5)
        .allSatisfy(s -> assertThat(Soql.encodedLength(s)).isLessThanOrEqualTo(2_000));
    String joined = String.join("", statements).replace(")", ",");
    parts.forEach(p -> assertThat(joined).containsOnlyOnce(p + ","));
  }

  @Test
  void domainsComeFromFreeTextWebsites() {
    assertThat(Domains.ofWebsite("http://www.Acme.com/about")).isEqualTo("acme.com");
    assertThat(Domains.ofWebsite("acme.com:8080?x")).isEqualTo("acme.com");
    assertThat(Domains.ofWebsite(" https://shop.acme.co.uk#top ")).isEqualTo("shop.acme.co.uk");
  }

  @Test
  void csvRoundTripsQuotesCommasAndLineBreaks() {
    String csv = BulkCsv.write(List.of("Id", "PQL_Reasons__c"), List.of(List.of("003xx1", "Sent \"2,400\"\nActivated")));
    assertThat(csv).isEqualTo("\"Id\",\"PQL_Reasons__c\"\n\"003xx1\",\"Sent \"\"2,400\"\"\nActivated\"\n");
    assertThat(BulkCsv.parse(csv)).containsExactly(Map.of("Id", "003xx1", "PQL_Reasons__c", "Sent \"2,400\"\nActivated"));
    assertThat(BulkCsv.parse("\"sf__Id\",\"sf__Created\"\r\n")).isEmpty();
  }
}
