package io.github.pqlconnector.bitrix24;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.secret.Secret;
import org.junit.jupiter.api.Test;

/** Record links in the portal's UI, from the config's portal address and without the webhook's secret path. */
class Bitrix24LinksTest {
  @Test
  void aWebhookPortalLinksContactsAndCompaniesWithoutItsSecret() {
    Bitrix24Config config = new Bitrix24Config(new Secret("https://acme.bitrix24.com/rest/1/s3cr3t/"), null, null,
        null, null, false, null, null);

    assertThat(Bitrix24Links.recordUrl(config, EntityLevel.USER, "42"))
        .contains("https://acme.bitrix24.com/crm/contact/details/42/");
    assertThat(Bitrix24Links.recordUrl(config, EntityLevel.ACCOUNT, "7"))
        .contains("https://acme.bitrix24.com/crm/company/details/7/");
  }

  @Test
  void leadsAndAnOAuthBaseUrlWithItsPort() {
    Bitrix24Config config = new Bitrix24Config(null, "http://portal.local:8443/rest/", null,
        new Bitrix24Config.Entities("lead", null), null, false, null, null);

    assertThat(Bitrix24Links.recordUrl(config, EntityLevel.USER, "5"))
        .contains("http://portal.local:8443/crm/lead/details/5/");
  }

  @Test
  void noPortalAddressNoLink() {
    assertThat(Bitrix24Links.recordUrl(null, BitrixEntity.CONTACT, "1")).isEmpty();
    assertThat(Bitrix24Links.recordUrl("not a url", BitrixEntity.CONTACT, "1")).isEmpty();
  }
}
