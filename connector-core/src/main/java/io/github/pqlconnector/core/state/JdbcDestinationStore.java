package io.github.pqlconnector.core.state;

import io.github.pqlconnector.core.spi.DestinationStore;
import io.github.pqlconnector.core.spi.IndexSummary;
import io.github.pqlconnector.core.spi.IndexUpdate;
import io.github.pqlconnector.core.spi.RecordIndex;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A destination's {@link DestinationStore} in the state store: its indexes' rows carry the destination's name. */
public final class JdbcDestinationStore implements DestinationStore {
  private final StateStore store;
  private final String destination;
  private final Clock clock;
  private final RecordIndexDao dao = new RecordIndexDao();

  public JdbcDestinationStore(StateStore store, String destination, Clock clock) {
    this.store = store;
    this.destination = destination;
    this.clock = clock;
  }

  @Override
  public RecordIndex index(String name) {
    return new JdbcIndex(new RecordIndexDao.Scope(destination, name));
  }

  private final class JdbcIndex implements RecordIndex {
    private final RecordIndexDao.Scope scope;

    JdbcIndex(RecordIndexDao.Scope scope) {
      this.scope = scope;
    }

    @Override
    public Map<String, List<String>> lookup(Collection<String> keys) {
      return store.read(c -> dao.lookup(c, scope, keys));
    }

    @Override
    public void apply(IndexUpdate update) {
      store.write(c -> {
        dao.apply(c, scope, update, clock.instant());
        return null;
      });
    }

    @Override
    public void remove(String recordId) {
      store.write(c -> {
        dao.remove(c, scope, recordId);
        return null;
      });
    }

    @Override
    public Optional<String> watermark() {
      return store.read(c -> dao.watermark(c, scope));
    }

    @Override
    public IndexSummary summary(int sample) {
      return store.read(c -> dao.summary(c, scope, sample));
    }
  }
}
