package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.Capabilities;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmTraitFields;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.spi.OutcomeReader;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.SetupReport;
import io.github.pqlconnector.core.spi.TaskBatchResult;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.core.spi.TraitReader;
import io.github.pqlconnector.core.spi.WriteResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Counts every call the sync engine makes to a destination ({@code pql.destination.calls}, by destination,
 * operation and outcome) and every call refused for rate limits ({@code pql.destination.throttles}), so
 * {@code /metrics} shows them for any CRM without the adapter doing anything.
 */
final class MeteredDestination implements CrmDestination {
  private final CrmDestination delegate;
  private final String name;
  private final MeterRegistry metrics;

  MeteredDestination(CrmDestination delegate, String name, MeterRegistry metrics) {
    this.delegate = delegate;
    this.name = name;
    this.metrics = metrics;
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public CheckResult check() {
    return delegate.check();
  }

  @Override
  public SetupReport ensureFields(boolean dryRun) {
    return counted("setup", () -> delegate.ensureFields(dryRun));
  }

  @Override
  public MatchResult match(EntityLevel level, List<MatchKey> keys) {
    return counted("match", () -> delegate.match(level, keys));
  }

  @Override
  public WriteResult upsert(EntityLevel level, List<PqlUpdate> batch) {
    return counted("upsert", () -> delegate.upsert(level, batch));
  }

  @Override
  public Map<String, PqlFields> readFields(EntityLevel level, List<String> recordIds) {
    return counted("readFields", () -> delegate.readFields(level, recordIds));
  }

  @Override
  public int readBatchSize() {
    return delegate.readBatchSize();
  }

  @Override
  public PqlFields asStored(PqlFields written) {
    return delegate.asStored(written);
  }

  @Override
  public Map<String, String> findTasks(List<TaskRequest> requests) {
    return counted("findTasks", () -> delegate.findTasks(requests));
  }

  @Override
  public TaskBatchResult createTasks(List<TaskRequest> requests) {
    return counted("createTasks", () -> delegate.createTasks(requests));
  }

  private <T> T counted(String operation, Supplier<T> call) {
    try {
      T result = call.get();
      metrics.counter("pql.destination.calls", "destination", name, "operation", operation, "outcome", "ok").increment();
      return result;
    } catch (VendorException e) {
      metrics.counter("pql.destination.calls", "destination", name, "operation", operation, "outcome", "error").increment();
      if (e.category() == ErrorCategory.RATE_LIMITED) {
        metrics.counter("pql.destination.throttles", "destination", name).increment();
        RecentThrottles.ofThisProcess().record(name);
      }
      throw e;
    }
  }

  @Override
  public List<String> notes() {
    return delegate.notes();
  }

  @Override
  public List<String> limitsHit() {
    return delegate.limitsHit();
  }

  @Override
  public Optional<TraitReader> traitReader() {
    return delegate.traitReader().map(reader -> new TraitReader() {
      @Override
      public CrmTraitFields fields() {
        return reader.fields();
      }

      @Override
      public Map<String, Map<String, String>> read(EntityLevel level, List<String> recordIds) {
        return counted("traits", () -> reader.read(level, recordIds));
      }
    });
  }

  @Override
  public Optional<String> recordUrl(EntityLevel level, String recordId) {
    return delegate.recordUrl(level, recordId);
  }

  @Override
  public Optional<OutcomeReader> outcomes() {
    return delegate.outcomes().map(reader -> (cursor, from) -> counted("outcomes", () -> reader.read(cursor, from)));
  }

  @Override
  public void close() {
    delegate.close();
  }
}
