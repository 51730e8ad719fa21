package io.github.pqlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.TraitReader;
import io.github.pqlconnector.core.state.EntityStateDao;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The destination as a source of traits: CRM fields of the records the sync wrote, and of those it has not written
 * yet (found by email), read in batches, kept in the state store until the refresh, and used before the event
 * source's traits (the sync lists the destination first).
 */
abstract class CrmTraitsContract extends SyncFixture {
  private final List<List<String>> reads = new CopyOnWriteArrayList<>();
  private volatile VendorException failWith;

  @BeforeEach
  void fitNeedsEmployeesFromTheCrm() {
    String yaml = YAML.formatted(dir.toString().replace("\\", "/"))
        .replace("  hysteresis: 1d", "  fit:\n    user: [ { trait: employees, gte: 10 } ]\n  hysteresis: 1d")
        .replace("destination: crm }", "destination: crm, traits: [crm, src] }");
    config = new ConfigLoader(plugins(), Map.<String, String>of()::get).parse(yaml);
    crm.traitReader = new TraitReader() {
      @Override
      public CrmTraitFields fields() {
        return new CrmTraitFields(null, Map.of("employees", "NumberOfEmployees"), Duration.ofDays(1));
      }

      @Override
      public Map<String, Map<String, String>> read(EntityLevel level, List<String> recordIds) {
        if (failWith != null) {
          throw failWith;
        }
        reads.add(recordIds);
        Map<String, Map<String, String>> values = new HashMap<>();
        recordIds.stream().filter(id -> !id.equals("crm-u150@example.com")).forEach(id ->
            values.put(id, Map.of("employees", id.equals("crm-u001@example.com") ? "5" : "50")));
        return values;
      }
    };
  }

  @Test
  void recordsGetTheirCrmFieldsAsTraitsFromTheFirstRun() {
    crm.missingKeys.add("u149@example.com");
    run();
    assertThat(reads).as("150 users found by email, read in batches of the CRM's 100").extracting(List::size)
        .containsExactly(100, 49);
    assertThat(status("u002")).as("50 employees in the CRM before its record was ever written")
        .isEqualTo(PqlStatus.PQL);
    assertThat(status("u001")).as("5 employees in the CRM").isEqualTo(PqlStatus.NOT_FIT);
    assertThat(status("u150")).as("a record without the field").isEqualTo(PqlStatus.NOT_FIT);
    assertThat(status("u149")).as("no record in the CRM").isEqualTo(PqlStatus.NOT_FIT);
    int matches = crm.matchCalls.get();

    clock.advance(Duration.ofHours(1));
    run();
    assertThat(reads).as("the records written are the ones read: nothing to read again before the refresh")
        .hasSize(2);
    assertThat(crm.matchCalls.get()).as("a record not found is not looked up again before the refresh")
        .isEqualTo(matches);
    assertThat(status("u002")).isEqualTo(PqlStatus.PQL);
  }

  @Test
  void valuesAreKeptUntilTheRefreshAndStaleOnesServeWhenTheCrmFails() {
    run();
    clock.advance(Duration.ofHours(1));
    run();
    reads.clear();

    clock.advance(Duration.ofHours(2));
    run();
    assertThat(reads).as("read an hour ago: kept").isEmpty();

    clock.advance(Duration.ofDays(2));
    failWith = new VendorException("crm", ErrorCategory.TRANSIENT, 503, "503 from the CRM", null);
    run();
    assertThat(status("u002")).as("stale values rather than none").isEqualTo(PqlStatus.PQL);

    failWith = null;
    run();
    assertThat(reads).extracting(List::size).containsExactly(100, 50);
  }

  @Test
  void aCrmThatFailsBeforeAnyValueWasStoredFailsTheRun() {
    failWith = new VendorException("crm", ErrorCategory.AUTH, 401, "401 from the CRM", null);

    assertThatThrownBy(this::run).isInstanceOf(VendorException.class).hasMessageContaining("401");
  }

  private PqlStatus status(String user) {
    return store.read(c -> new EntityStateDao().load(c, "s")).get(EntityRef.user(user)).status();
  }
}
