package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.state.RunDao;
import java.util.List;

/** One run with its per-record errors (each with the vendor's code and message). */
public record RunDetail(RunDao.RunRow run, List<RecordError> errors) {
  public RunDetail {
    errors = List.copyOf(errors);
  }
}
