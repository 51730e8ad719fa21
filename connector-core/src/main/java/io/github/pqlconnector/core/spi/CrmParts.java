package io.github.pqlconnector.core.spi;

import io.github.pqlconnector.core.model.EntityLevel;
import java.util.List;
import java.util.Map;

/**
 * What a CRM module writes for its vendor, one part per concern: how it sets up its fields, matches records, writes
 * them, reads them back and finds and creates tasks. A {@link ComposedDestination} puts them together into a
 * {@link CrmDestination}; the contracts of each method are those of {@link CrmDestination}.
 */
public record CrmParts(Setup setup, Matcher matcher, Writer writer, Reader reader, Tasks tasks) {

  /** {@link CrmDestination#ensureFields}. */
  @FunctionalInterface
  public interface Setup {
    SetupReport ensureFields(boolean dryRun);
  }

  /** {@link CrmDestination#match}. */
  @FunctionalInterface
  public interface Matcher {
    MatchResult match(EntityLevel level, List<MatchKey> keys);
  }

  /** {@link CrmDestination#upsert}. */
  @FunctionalInterface
  public interface Writer {
    WriteResult upsert(EntityLevel level, List<PqlUpdate> batch);
  }

  /** {@link CrmDestination#readFields}. */
  @FunctionalInterface
  public interface Reader {
    Map<String, PqlFields> readFields(EntityLevel level, List<String> recordIds);
  }

  /** {@link CrmDestination#findTasks} and {@link CrmDestination#createTasks}. */
  public interface Tasks {
    Map<String, String> findTasks(List<TaskRequest> requests);

    TaskBatchResult createTasks(List<TaskRequest> requests);
  }
}
