package io.github.pqlconnector.hubspot;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code outcomes:} block of a HubSpot destination: what counts as a conversion. {@code deals} (on unless set to
 * false): closed-won deals, for the companies and contacts associated with them; {@code pipelines}: only deals in
 * these pipelines (ids, {@code default} for the default pipeline), all when absent; {@code lifecycleCustomer}:
 * contacts and companies whose lifecycle stage is {@code customer}, dated by when they became one.
 */
public record HubSpotOutcomesConfig(
    @JsonPropertyDescription("Closed-won deals count as conversions, for the companies and contacts associated"
        + " with them, dated by their close date.")
    @Nullable Boolean deals,
    @JsonPropertyDescription("Only deals in these pipelines count: pipeline ids, or default for the default"
        + " pipeline; all pipelines when absent.")
    @Nullable List<@Nullable String> pipelines,
    @JsonPropertyDescription("true: contacts and companies whose lifecycle stage is customer count too, dated by"
        + " when they became one.")
    @Nullable Boolean lifecycleCustomer) {

  public HubSpotOutcomesConfig {
    deals = deals == null || deals;
    pipelines = pipelines == null ? List.of() : pipelines.stream().filter(Objects::nonNull).toList();
    lifecycleCustomer = lifecycleCustomer != null && lifecycleCustomer;
  }

  void validate(ConfigPath at, Problems problems) {
    if (!deals && !lifecycleCustomer) {
      problems.add(at, "counts nothing: set deals or lifecycleCustomer to true");
    }
    for (int i = 0; i < pipelines.size(); i++) {
      if (pipelines.get(i).isBlank()) {
        problems.add(at.child("pipelines").index(i), "must not be blank (a pipeline id, or default)");
      }
    }
    if (!deals && !pipelines.isEmpty()) {
      problems.add(at.child("pipelines"), "filters deals, but deals is false");
    }
  }
}
