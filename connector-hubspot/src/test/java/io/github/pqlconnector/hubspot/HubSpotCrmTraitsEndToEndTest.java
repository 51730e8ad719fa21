package io.github.pqlconnector.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.state.EntityStateDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.testing.EndToEndSync;
import io.github.pqlconnector.core.testing.MutableClock;
import io.github.pqlconnector.hubspot.fake.HubSpotFake;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contact property in HubSpot decides fit, read back over HTTP from the stateful fake: the sync lists its
 * destination under traits:, so the contacts' company_size counts from the first run, before the connector ever
 * wrote them (found by email, then read).
 */
class HubSpotCrmTraitsEndToEndTest {
  private static final String YAML = EndToEndSync.yaml(10, "%s")
      .replace("  signals:", "  fit:\n    user: [ { trait: employees, gte: 10 } ]\n  signals:")
      .replace("destination: crm }", "destination: crm, traits: [crm, src] }");

  @TempDir Path dir;

  @Test
  void aContactPropertyReadFromHubSpotDecidesFitFromTheFirstRun() {
    try (HubSpotFake hubspot = new HubSpotFake()) {
      EndToEndSync sync = new EndToEndSync(dir, hubspot.provider(), hubspot.env());
      hubspot.seed(List.of("u1@example.com", "u2@example.com"), List.of());
      hubspot.overwrite("u1@example.com", "company_size", "50");
      hubspot.overwrite("u2@example.com", "company_size", "3");
      sync.writeUsers(2, 12);
      String crm = hubspot.destinationYaml().replaceFirst(" }$",
          ", traits: { user: { employees: company_size }, refresh: 1d } }");
      PqlConfig config = sync.config(YAML, crm);
      MutableClock clock = new MutableClock(EndToEndSync.NOW);

      try (StateStore store = sync.openStore()) {
        sync.run(config, store, clock);
        assertThat(status(store, "u1")).as("50 employees in HubSpot, record not written yet").isEqualTo(PqlStatus.PQL);
        assertThat(status(store, "u2")).as("3 employees in HubSpot").isEqualTo(PqlStatus.NOT_FIT);
        assertThat(hubspot.records().get("u1@example.com")).containsEntry("pql_status", "pql");
        assertThat(hubspot.records().get("u2@example.com")).containsEntry("pql_status", "not_fit");

        clock.advance(Duration.ofMinutes(30));
        sync.run(config, store, clock);
        assertThat(status(store, "u1")).isEqualTo(PqlStatus.PQL);
      }
    }
  }

  private static PqlStatus status(StateStore store, String user) {
    return store.read(c -> new EntityStateDao().load(c, "s")).get(EntityRef.user(user)).status();
  }
}
