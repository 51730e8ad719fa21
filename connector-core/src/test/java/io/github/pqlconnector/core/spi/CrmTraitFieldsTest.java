package io.github.pqlconnector.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.LineIndex;
import io.github.pqlconnector.core.problem.Problems;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A destination's traits: block, owned by core: the fields read, the mapping back, the defaults and the checks. */
class CrmTraitFieldsTest {
  private final CrmTraitFields fields = new CrmTraitFields(
      Map.of("employees", "numberofemployees", "size", "numberofemployees", "industry", "industry"), null, null);

  @Test
  void eachFieldIsReadOnceInOrderAndRefreshDefaultsToADay() {
    assertThat(fields.fieldsToRead(EntityLevel.ACCOUNT)).containsExactly("industry", "numberofemployees");
    assertThat(fields.fieldsToRead(EntityLevel.USER)).isEmpty();
    assertThat(fields.refresh()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void valuesMapBackToEveryTraitNamingTheirFieldAndEmptyOnesAreLeftOut() {
    Map<String, String> record = Map.of("numberofemployees", "120", "industry", " ");

    assertThat(fields.traitsOf(EntityLevel.ACCOUNT, field -> Optional.ofNullable(record.get(field))))
        .containsExactlyInAnyOrderEntriesOf(Map.of("employees", "120", "size", "120"));
  }

  @Test
  void noFieldABlankFieldAndAZeroRefreshAreProblems() throws java.io.IOException {
    Problems problems = new Problems(LineIndex.of(""));
    new CrmTraitFields(null, null, Duration.ZERO).validate(ConfigPath.of("destinations", "crm").child("traits"),
        problems);
    new CrmTraitFields(null, Map.of("lifecycle", " "), null).validate(ConfigPath.of("t"), problems);

    assertThat(problems.list()).extracting(p -> p.path() + ": " + p.message()).containsExactly(
        "destinations.crm.traits: names no field: give account: and/or user: as trait name: CRM field",
        "destinations.crm.traits.refresh: must be longer than 0",
        "t.user.lifecycle: needs the CRM field to read");
  }
}
