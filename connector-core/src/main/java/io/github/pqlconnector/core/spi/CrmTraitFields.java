package io.github.pqlconnector.core.spi;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A destination's {@code traits:} block: which CRM fields of the records it matched are read as traits, by trait name
 * ({@code account: { employees: numberofemployees }}), and how long a record's values are kept before they are read
 * again ({@code refresh}, default 1d). A sync lists the destination under its {@code traits:} to use them.
 */
public record CrmTraitFields(
    @JsonPropertyDescription("Account traits read from the matched account records: trait name to CRM field,"
        + " e.g. employees: numberofemployees. Give account and/or user.")
    @Nullable Map<String, String> account,
    @JsonPropertyDescription("User traits read from the matched user records: trait name to CRM field, e.g."
        + " lifecycle: lifecyclestage. Give account and/or user.")
    @Nullable Map<String, String> user,
    @JsonPropertyDescription("How long a record's values are kept before they are read again, a duration longer"
        + " than 0.")
    @Nullable Duration refresh) {

  public CrmTraitFields {
    account = account == null ? Map.of() : Map.copyOf(account);
    user = user == null ? Map.of() : Map.copyOf(user);
    refresh = refresh == null ? Duration.ofDays(1) : refresh;
  }

  /** Trait name → CRM field of {@code level}'s records. */
  public Map<String, String> of(EntityLevel level) {
    return level == EntityLevel.ACCOUNT ? account : user;
  }

  /** The distinct CRM fields to read for {@code level}, sorted (two traits may name one field). */
  public List<String> fieldsToRead(EntityLevel level) {
    return List.copyOf(new TreeSet<>(of(level).values()));
  }

  /**
   * One record's traits: for each trait of {@code level}, the text of the field it maps to as {@code valueOf} reads
   * it (empty when the record has none); empty values are left out, so they never hide another source's.
   */
  public Map<String, String> traitsOf(EntityLevel level, Function<String, Optional<String>> valueOf) {
    Map<String, String> traits = new LinkedHashMap<>();
    of(level).forEach((trait, field) -> valueOf.apply(field).filter(v -> !v.isBlank()).ifPresent(v -> traits.put(trait, v)));
    return traits;
  }

  public void validate(ConfigPath at, Problems problems) {
    if (account.isEmpty() && user.isEmpty()) {
      problems.add(at, "names no field: give account: and/or user: as trait name: CRM field");
    }
    for (EntityLevel level : EntityLevel.values()) {
      of(level).forEach((trait, field) -> {
        if (field == null || field.isBlank()) {
          problems.add(at.child(level.id()).child(trait), "needs the CRM field to read");
        }
      });
    }
    if (refresh.isNegative() || refresh.isZero()) {
      problems.add(at.child("refresh"), "must be longer than 0");
    }
  }
}
