package io.github.pqlconnector.core.alert;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One alert as it is queued, and as the webhook receives it (JSON, field names as here): its {@code kind} (the
 * config's spelling), the sync, the run it is about (null for {@code stalled}), when it was raised, a one-line
 * {@code title}, {@code details} lines, and for {@code new_pqls} the digest.
 */
public record Alert(String kind, String sync, @Nullable Long runId, Instant at, String title, List<String> details,
    @Nullable Digest newPqls) {

  /** The new PQLs of a run: how many, the strongest ones, and how many of them the digest leaves out. */
  public record Digest(int total, List<Pql> top, int more) {
    public Digest {
      top = List.copyOf(top);
    }
  }

  /** One new PQL: {@code entity} as {@code level:id}; owner, reason and url are null when unknown. */
  public record Pql(String entity, int score, @Nullable String owner, @Nullable String reason,
      @Nullable String url) {}

  public Alert {
    details = List.copyOf(details);
  }
}
