package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.app.admin.EntityDetail;
import io.github.pqlconnector.app.admin.EntityPage;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.config.SyncConfig;
import io.github.pqlconnector.core.engine.CompiledModel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.CrmDestination;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.state.EntityDirectoryDao;
import io.github.pqlconnector.core.state.EntityQuery;
import io.github.pqlconnector.core.state.StateStore;
import io.github.pqlconnector.core.state.TaskDao;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import io.github.pqlconnector.core.sync.Connectors;
import io.github.pqlconnector.core.sync.Explainer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The admin console's PQLs list and entity pages for {@link Daemon}: the list from the state's entity directory, an
 * entity's page from a fresh evaluation (the sync's source is read as {@code pql explain} reads it), its history, its
 * tasks and the destination's link to its record.
 */
final class EntityPages {
  private final StateStore store;
  private final Supplier<PqlConfig> config;
  private final Supplier<Connectors> connectors;

  EntityPages(StateStore store, Supplier<PqlConfig> config, Supplier<Connectors> connectors) {
    this.store = store;
    this.config = config;
    this.connectors = connectors;
  }

  /** Connectors of the installed plugins, made on the first entity page (the list never needs them). */
  static Supplier<Connectors> installed(StateStore store) {
    return new Supplier<>() {
      private @Nullable Connectors made;

      @Override
      public synchronized Connectors get() {
        if (made == null) {
          made = new Connectors(Plugins.load(), Clock.systemUTC()).withState(store);
        }
        return made;
      }
    };
  }

  EntityPage entities(EntityQuery query) {
    if (config.get().sync(query.sync()).isEmpty()) {
      return new EntityPage(List.of(), 0, List.of(), List.of());
    }
    EntityDirectoryDao directory = new EntityDirectoryDao();
    return store.read(c -> new EntityPage(directory.page(c, query), directory.count(c, query),
        directory.owners(c, query.sync()), directory.types(c, query.sync())));
  }

  Optional<EntityDetail> entity(String syncName, EntityRef ref) {
    PqlConfig current = config.get();
    Optional<SyncConfig> sync = current.sync(syncName);
    if (sync.isEmpty()) {
      return Optional.empty();
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Optional<Explainer.Explained> explained = new Explainer(current, store, connectors.get(),
        new CompiledModel(current.model())).explain(sync.get(), ref.id(), ref.level(), now).stream()
        .filter(Explainer.Explained::known).findFirst();
    return explained.map(e -> store.read(c -> new EntityDetail(ref,
        EntityDetail.Explanation.of(e.evaluation(), e.origins()), new VerdictHistoryDao().of(c, syncName, ref),
        new TaskDao().of(c, syncName, ref), crmUrl(current, sync.get(), ref,
            new EntityDirectoryDao().of(c, syncName, ref).map(EntityDirectoryDao.Row::recordId).orElse(null)))));
  }

  /** The destination is made only to build the link: none of them calls its CRM for it. */
  private @Nullable String crmUrl(PqlConfig current, SyncConfig sync, EntityRef ref, @Nullable String recordId) {
    if (recordId == null) {
      return null;
    }
    try (CrmDestination destination = connectors.get().destination(current.destinations().get(sync.destination()))) {
      return destination.recordUrl(ref.level(), recordId).orElse(null);
    }
  }
}
