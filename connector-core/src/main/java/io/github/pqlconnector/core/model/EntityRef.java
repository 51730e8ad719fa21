package io.github.pqlconnector.core.model;

import java.util.Objects;

/** A user or an account, by its id in the analytics data. */
public record EntityRef(EntityLevel level, String id) implements Comparable<EntityRef> {
  public EntityRef {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(id, "id");
  }

  public static EntityRef user(String id) {
    return new EntityRef(EntityLevel.USER, id);
  }

  public static EntityRef account(String id) {
    return new EntityRef(EntityLevel.ACCOUNT, id);
  }

  @Override
  public int compareTo(EntityRef other) {
    int byLevel = level.compareTo(other.level);
    return byLevel != 0 ? byLevel : id.compareTo(other.id);
  }

  @Override
  public String toString() {
    return level.id() + ":" + id;
  }
}
