package io.github.pqlconnector.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.secret.Secret;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Lightning record links: on the token's instance or the My Domain login URL, the sObject from the id; no call. */
@WireMockTest
class SalesforceLinksTest {
  @Test
  void theDestinationLinksOnItsMyDomainWithoutACall(WireMockRuntimeInfo wm) {
    SalesforceDestination destination = SalesforceStubs.destination(wm);

    assertThat(destination.recordUrl(EntityLevel.USER, "003xx000004TmiQAAS"))
        .contains(wm.getHttpBaseUrl() + "/lightning/r/Contact/003xx000004TmiQAAS/view");
    assertThat(destination.recordUrl(EntityLevel.ACCOUNT, "001xx000003DGb2AAG"))
        .contains(wm.getHttpBaseUrl() + "/lightning/r/Account/001xx000003DGb2AAG/view");
    verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void theTokensInstanceWinsAndLeadsAreLinkedAsLeads() {
    SalesforceConfig config = config("https://login.salesforce.com");

    assertThat(SalesforceLinks.recordUrl(config, HttpUrl.get("https://acme.my.salesforce.com"), EntityLevel.USER,
        "00Qxx000001abcDEAQ")).contains("https://acme.my.salesforce.com/lightning/r/Lead/00Qxx000001abcDEAQ/view");
  }

  @Test
  void aGenericLoginHostBeforeAnyTokenGivesNoLink() {
    assertThat(SalesforceLinks.recordUrl(config("https://login.salesforce.com"), null, EntityLevel.USER, "003x"))
        .isEmpty();
    assertThat(SalesforceLinks.recordUrl(config("https://test.salesforce.com/"), null, EntityLevel.USER, "003x"))
        .isEmpty();
  }

  private static SalesforceConfig config(String loginUrl) {
    return SalesforceStubs.config(new SalesforceAuth(null, loginUrl, SalesforceStubs.CLIENT_ID,
        new Secret(SalesforceStubs.CLIENT_SECRET), null, null, null, null, null), false, null);
  }
}
