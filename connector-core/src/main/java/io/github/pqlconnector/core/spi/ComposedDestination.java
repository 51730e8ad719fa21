package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.EntityLevel;
import java.util.List;
import java.util.Map;

/**
 * A {@link CrmDestination} made of a module's {@link CrmParts}: the module adds only what is its vendor's own, its
 * {@link #capabilities()}, its {@link #check()} and, where they differ from the defaults, how it stores fields
 * ({@link #asStored}), how many ids one read takes and what the run report should say. Every input and result
 * passes through unchanged: the parts own the vendor calls, the sync engine owns the mechanics around them.
 */
public abstract class ComposedDestination implements CrmDestination {
  private final CrmParts parts;

  protected ComposedDestination(CrmParts parts) {
    this.parts = parts;
  }

  @Override
  public final SetupReport ensureFields(boolean dryRun) {
    return parts.setup().ensureFields(dryRun);
  }

  @Override
  public final MatchResult match(EntityLevel level, List<MatchKey> keys) {
    return parts.matcher().match(level, keys);
  }

  @Override
  public final WriteResult upsert(EntityLevel level, List<PqlUpdate> batch) {
    return parts.writer().upsert(level, batch);
  }

  @Override
  public final Map<String, PqlFields> readFields(EntityLevel level, List<String> recordIds) {
    return parts.reader().readFields(level, recordIds);
  }

  @Override
  public final Map<String, String> findTasks(List<TaskRequest> requests) {
    return parts.tasks().findTasks(requests);
  }

  @Override
  public final TaskBatchResult createTasks(List<TaskRequest> requests) {
    return parts.tasks().createTasks(requests);
  }

  /** Nothing to release by default: the HTTP pool belongs to the process (the context's {@code HttpClients}). */
  @Override
  public void close() {}
}
