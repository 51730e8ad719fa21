package io.github.pqlconnector.core.spi;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.OneOf;
import io.github.pqlconnector.core.problem.ConfigLists;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When to open a follow-up task in the CRM: {@code on} lists {@code pql} (the record entered PQL status)
 * and/or signal types ({@code hand_raiser}: a signal of that type started firing). One task per episode.
 * {@code owner: record} assigns the record's owner, falling back to {@code defaultOwnerId}.
 */
public record TaskPolicy(
    @JsonPropertyDescription("What opens a follow-up task: pql (the record entered PQL status) and/or signal types"
        + " such as hand_raiser (a signal of that type started firing). One task per record per episode.")
    @Nullable List<String> on,
    @JsonPropertyDescription("How long after it is opened the task is due, a duration such as 1d.")
    @Nullable Duration dueIn,
    @OneOf({"record", "default"})
    @JsonPropertyDescription("Who the task is assigned to: record (the record's owner, else defaultOwnerId) or"
        + " default (always defaultOwnerId).")
    @Nullable String owner,
    @JsonPropertyDescription("The CRM user id tasks go to when the record has no owner, or always with owner:"
        + " default (then required).")
    @Nullable String defaultOwnerId) {

  public static final String ON_PQL = "pql";

  public TaskPolicy {
    on = on == null ? List.of(ON_PQL) : ConfigLists.copy(on);
    dueIn = dueIn == null ? Duration.ofDays(1) : dueIn;
    owner = owner == null ? "record" : owner;
  }

  public static TaskPolicy none() {
    return new TaskPolicy(List.of(), null, null, null);
  }

  public void validate(ConfigPath at, Problems problems) {
    if (!owner.equals("record") && !owner.equals("default")) {
      problems.add(at.child("owner"), "must be 'record' or 'default', was '" + owner + "'");
    }
    if (owner.equals("default") && defaultOwnerId == null) {
      problems.add(at.child("defaultOwnerId"), "is required when owner is 'default'");
    }
  }
}
