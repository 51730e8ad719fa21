package io.github.pqlconnector.core.testing;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.Capabilities;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.CrmDestinationProvider;
import io.github.pqlconnector.core.spi.DestinationConfig;
import io.github.pqlconnector.core.spi.DestinationContext;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import io.github.pqlconnector.core.spi.PqlFields;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.SetupReport;
import io.github.pqlconnector.core.spi.TaskBatchResult;
import io.github.pqlconnector.core.spi.TaskRequest;
import io.github.pqlconnector.core.spi.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Wraps a real destination provider so that the process "dies" right after the CRM answered its n-th write (record
 * write or task create): the answer is dropped and the run ends as a crash would end it, before the state database
 * records what the CRM did.
 */
final class CrashingDestinationProvider implements CrmDestinationProvider {
  private CrmDestinationProvider delegate;
  private final AtomicInteger writesLeft = new AtomicInteger(-1);
  private final AtomicInteger crashes = new AtomicInteger();

  void wrap(CrmDestinationProvider provider) {
    this.delegate = provider;
  }

  /** How often the process "died". */
  int crashes() {
    return crashes.get();
  }

  /** Crash after that many more writes; negative: never. */
  void crashAfterWrites(int writes) {
    writesLeft.set(writes);
  }

  @Override
  public String type() {
    return delegate.type();
  }

  @Override
  public Class<? extends DestinationConfig> configType() {
    return delegate.configType();
  }

  @Override
  public CrmDestination create(DestinationConfig config, DestinationContext context) {
    return new Crashing(delegate.create(config, context));
  }

  private final class Crashing implements CrmDestination {
    private final CrmDestination real;

    Crashing(CrmDestination real) {
      this.real = real;
    }

    private <T> T write(Supplier<T> call) {
      T answer = call.get();
      if (writesLeft.get() >= 0 && writesLeft.getAndDecrement() <= 1) {
        writesLeft.set(-1);
        crashes.incrementAndGet();
        throw new RecordingDestination.Crash("the process died after the CRM applied a write");
      }
      return answer;
    }

    @Override
    public Capabilities capabilities() {
      return real.capabilities();
    }

    @Override
    public CheckResult check() {
      return real.check();
    }

    @Override
    public SetupReport ensureFields(boolean dryRun) {
      return real.ensureFields(dryRun);
    }

    @Override
    public MatchResult match(EntityLevel level, List<MatchKey> keys) {
      return real.match(level, keys);
    }

    @Override
    public WriteResult upsert(EntityLevel level, List<PqlUpdate> batch) {
      return write(() -> real.upsert(level, batch));
    }

    @Override
    public Map<String, String> findTasks(List<TaskRequest> requests) {
      return real.findTasks(requests);
    }

    @Override
    public TaskBatchResult createTasks(List<TaskRequest> requests) {
      return write(() -> real.createTasks(requests));
    }

    @Override
    public List<String> notes() {
      return real.notes();
    }

    @Override
    public Map<String, PqlFields> readFields(EntityLevel level, List<String> recordIds) {
      return real.readFields(level, recordIds);
    }

    @Override
    public int readBatchSize() {
      return real.readBatchSize();
    }

    @Override
    public PqlFields asStored(PqlFields written) {
      return real.asStored(written);
    }

    @Override
    public void close() {
      real.close();
    }
  }
}
