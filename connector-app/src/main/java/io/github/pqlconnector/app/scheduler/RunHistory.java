package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.app.admin.RunDetail;
import io.github.pqlconnector.app.admin.RunFilter;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.state.ReconciliationDao;
import io.github.pqlconnector.core.state.RunDao;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import java.util.List;
import java.util.Optional;

/** What the state database remembers of runs and verdicts, read for the console and the API. */
final class RunHistory {
  private final StateStore store;
  private final RunDao runs = new RunDao();

  RunHistory(StateStore store) {
    this.store = store;
  }

  List<RunDao.RunRow> runs(String sync, int limit) {
    return store.read(c -> runs.list(c, sync, limit));
  }

  List<RunDao.RunRow> runs(RunFilter filter) {
    return store.read(c -> runs.list(c, filter.toDao()));
  }

  Optional<RunDetail> run(long id) {
    return store.read(c -> {
      Optional<RunDao.RunRow> run = runs.get(c, id);
      return run.isEmpty() ? Optional.<RunDetail>empty() : Optional.of(new RunDetail(run.get(), runs.errors(c, id),
          new ReconciliationDao().ofRun(c, id)));
    });
  }

  List<VerdictHistoryDao.Change> verdicts(String sync, EntityRef entity) {
    return store.read(c -> new VerdictHistoryDao().of(c, sync, entity));
  }
}
