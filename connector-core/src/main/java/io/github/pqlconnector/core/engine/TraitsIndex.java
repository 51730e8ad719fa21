package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The traits of every user and account, held in memory (proportional to entities), filled as a sink. */
public final class TraitsIndex implements TraitsSink {
  private final Map<String, Traits> users = new HashMap<>();
  private final Map<String, Traits> accounts = new HashMap<>();
  private final Rejections rejections;

  public TraitsIndex(Rejections rejections) {
    this.rejections = rejections;
  }

  @Override
  public void accept(Traits traits) {
    (traits.entity().level() == EntityLevel.USER ? users : accounts).put(traits.entity().id(), traits);
  }

  @Override
  public void reject(String location, String problem) {
    rejections.add(location, problem);
  }

  public Traits of(EntityRef entity) {
    Traits found = (entity.level() == EntityLevel.USER ? users : accounts).get(entity.id());
    return found != null ? found : new Traits(entity, Map.of());
  }

  public Collection<Traits> all(EntityLevel level) {
    return (level == EntityLevel.USER ? users : accounts).values();
  }

  /** The account a user's traits name, if any. */
  public @Nullable String accountOf(String userId) {
    Traits traits = users.get(userId);
    return traits == null ? null : blankToNull(traits.values().get(Traits.ACCOUNT_ID));
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
