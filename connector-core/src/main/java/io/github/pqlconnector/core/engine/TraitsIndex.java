package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.TraitsSink;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The traits of every user and account, held in memory (proportional to entities), filled as a sink. Equal values
 * are kept once: titles, plans, countries and a user's accountId repeat across rows, and every verdict holds its
 * entity's traits, so one String per distinct value (the account's own id included) is most of what they cost.
 */
public final class TraitsIndex implements TraitsSink {
  private final Map<String, Traits> users = new HashMap<>();
  private final Map<String, Traits> accounts = new HashMap<>();
  private final Map<String, String> distinct = new HashMap<>();
  private final Rejections rejections;

  public TraitsIndex(Rejections rejections) {
    this.rejections = rejections;
  }

  @Override
  public void accept(Traits traits) {
    Traits kept = shared(traits);
    (kept.entity().level() == EntityLevel.USER ? users : accounts).put(kept.entity().id(), kept);
  }

  private Traits shared(Traits traits) {
    Map<String, String> values = new HashMap<>(traits.values().size() * 2);
    traits.values().forEach((key, value) -> values.put(shared(key), shared(value)));
    EntityRef entity = traits.entity();
    return new Traits(new EntityRef(entity.level(), shared(entity.id())), values);
  }

  private String shared(String value) {
    String known = distinct.putIfAbsent(value, value);
    return known == null ? value : known;
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
