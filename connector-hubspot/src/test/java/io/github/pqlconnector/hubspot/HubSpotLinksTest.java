package io.github.pqlconnector.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.LineIndex;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import org.junit.jupiter.api.Test;

/** Record links in HubSpot's UI from the configured portal id: contacts 0-1, companies 0-2, nothing else. */
class HubSpotLinksTest {
  @Test
  void contactsAndCompaniesOfTheConfiguredPortal() {
    HubSpotDestination destination = HubSpotDestinations.destination(config("123456", null));

    assertThat(destination.recordUrl(EntityLevel.USER, "501"))
        .contains("https://app.hubspot.com/contacts/123456/record/0-1/501");
    assertThat(destination.recordUrl(EntityLevel.ACCOUNT, "77"))
        .contains("https://app.hubspot.com/contacts/123456/record/0-2/77");
  }

  @Test
  void withoutAPortalIdOrOnACustomObjectThereIsNoLink() {
    assertThat(HubSpotLinks.recordUrl(config(null, null), EntityLevel.USER, "501")).isEmpty();
    assertThat(HubSpotLinks.recordUrl(config("1", new HubSpotConfig.ObjectTypes("2-999", null)),
        EntityLevel.ACCOUNT, "9")).isEmpty();
  }

  @Test
  void aPortalIdIsDigits() {
    Problems problems = new Problems(LineIndex.empty());
    config("acme", null).validate(ConfigPath.of("destinations", "crm"), problems);

    assertThat(problems.list()).singleElement().satisfies(p -> {
      assertThat(p.path().toString()).isEqualTo("destinations.crm.portalId");
      assertThat(p.message()).contains("digits only");
    });
  }

  private static HubSpotConfig config(String portalId, HubSpotConfig.ObjectTypes objects) {
    return new HubSpotConfig(new Secret("t"), null, null, objects, null, null, null, null, null, null, null, portalId);
  }
}
