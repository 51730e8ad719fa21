package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.state.EntityDirectoryDao;
import io.github.pqlconnector.core.state.StateStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The entities one run newly qualified (status {@code pql} now, not before): how many, and the strongest
 * {@link #TOP} of them by score with the owner and record link the destination knows.
 */
public record NewPqls(int total, List<Qualified> top) {
  public static final int TOP = 10;
  public static final NewPqls NONE = new NewPqls(0, List.of());

  /** One new PQL: its score, strongest reason, the CRM record's owner and a link to it where the CRM has URLs. */
  public record Qualified(EntityRef entity, int score, @Nullable String topReason, @Nullable String owner,
      @Nullable String url) {}

  public NewPqls {
    top = List.copyOf(top);
  }

  /** Reads the owners and record ids of the strongest new PQLs after the run's drain; no CRM call. */
  static NewPqls of(List<Evaluation> evaluations, Map<EntityRef, EntityState> prior, StateStore store, String sync,
      CrmDestination destination) {
    List<PqlResult> qualified = evaluations.stream().map(Evaluation::result)
        .filter(r -> r.status() == PqlStatus.PQL)
        .filter(r -> prior.get(r.entity()) == null || prior.get(r.entity()).status() != PqlStatus.PQL)
        .sorted(Comparator.comparingInt(PqlResult::score).reversed().thenComparing(PqlResult::entity))
        .toList();
    if (qualified.isEmpty()) {
      return NONE;
    }
    List<PqlResult> strongest = qualified.subList(0, Math.min(TOP, qualified.size()));
    List<Qualified> top = store.read(c -> {
      EntityDirectoryDao directory = new EntityDirectoryDao();
      List<Qualified> rows = new ArrayList<>();
      for (PqlResult r : strongest) {
        Optional<EntityDirectoryDao.Row> row = directory.of(c, sync, r.entity());
        String owner = row.map(EntityDirectoryDao.Row::owner).orElse(null);
        String recordId = row.map(EntityDirectoryDao.Row::recordId).orElse(null);
        String url = recordId == null ? null : destination.recordUrl(r.entity().level(), recordId).orElse(null);
        rows.add(new Qualified(r.entity(), r.score(), r.reasons().isEmpty() ? null : r.reasons().get(0), owner, url));
      }
      return rows;
    });
    return new NewPqls(qualified.size(), top);
  }
}
