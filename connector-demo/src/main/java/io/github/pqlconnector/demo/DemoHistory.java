package io.github.pqlconnector.demo;

import io.github.pqlconnector.core.config.ModelConfig;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.report.Backtest;
import io.github.pqlconnector.core.spi.AnalyticsSource;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import io.github.pqlconnector.core.state.VerdictHistoryDao.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a fresh demo the verdict history of the regular runs it would have had: the model replayed point in time at
 * each date (as {@code pql backtest} does, from one read), each change of an entity's status or score recorded as
 * of its date, so {@code pql report} has months of PQLs to join to the outcomes. The rows carry run id
 * {@link #REPLAY_RUN}: no run of the sync made them.
 */
public final class DemoHistory {
  /** The run id of the replayed history's rows. */
  public static final long REPLAY_RUN = 0;

  private DemoHistory() {}

  /**
   * The dates (00:00 UTC) every {@code everyDays} before {@code today}, oldest first, each with the model's window
   * of history before it.
   */
  public static List<LocalDate> dates(LocalDate today, int historyDays, int windowDays, int everyDays) {
    List<LocalDate> dates = new ArrayList<>();
    LocalDate first = today.minusDays(historyDays - windowDays);
    for (LocalDate d = today.minusDays(everyDays); !d.isBefore(first); d = d.minusDays(everyDays)) {
      dates.add(0, d);
    }
    return dates;
  }

  /** Records the replayed changes of {@code sync}'s verdicts at {@code dates}; returns how many were recorded. */
  public static int seed(StateStore store, String sync, AnalyticsSource source, ModelConfig model,
      List<LocalDate> dates) {
    Map<EntityRef, Verdict> last = new HashMap<>();
    VerdictHistoryDao history = new VerdictHistoryDao();
    int[] recorded = {0};
    Backtest.replay(source, model, dates, (at, evaluations) -> {
      Map<EntityRef, Verdict> changed = changes(evaluations, last);
      store.write(c -> {
        history.record(c, sync, REPLAY_RUN, at, changed);
        return null;
      });
      recorded[0] += changed.size();
    });
    return recorded[0];
  }

  private static Map<EntityRef, Verdict> changes(List<Evaluation> evaluations, Map<EntityRef, Verdict> last) {
    Map<EntityRef, Verdict> changed = new HashMap<>();
    for (Evaluation e : evaluations) {
      PqlResult r = e.result();
      Verdict verdict = new Verdict(r.status(), r.score(), r.primaryType(), r.activationPct());
      Verdict before = last.put(e.entity(), verdict);
      if (before == null || before.status() != verdict.status() || before.score() != verdict.score()) {
        changed.put(e.entity(), verdict);
      }
    }
    return changed;
  }
}
