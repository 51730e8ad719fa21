package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.state.ReconciliationDao;
import io.github.pqlconnector.core.state.RunDao;
import java.util.List;
import java.util.Optional;

/** One run with its per-record errors (each with the vendor's code and message) and its reconciliation, if any. */
public record RunDetail(RunDao.RunRow run, List<RecordError> errors,
    Optional<ReconciliationDao.Row> reconciliation) {
  public RunDetail {
    errors = List.copyOf(errors);
  }

  public RunDetail(RunDao.RunRow run, List<RecordError> errors) {
    this(run, errors, Optional.empty());
  }
}
