package io.github.pqlconnector.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fit rule checked against one entity's traits; {@code explanation} names a missing trait. Kept for every
 * entity of a run, most of them passed and never shown: so the usual sentence, "{@code trait} is {@code value}
 * (rule: {@code conditions})", is worded only when asked for, from the trait's value and the rule's conditions the
 * verdict shares with others, instead of one long String per entity. Equal, like the record it was, when the level,
 * trait, verdict and explanation are.
 */
public final class FitOutcome {
  private final EntityLevel level;
  private final String trait;
  private final boolean passed;
  private final @Nullable String value;
  private final String text;

  /** An outcome with its explanation worded already. */
  public FitOutcome(EntityLevel level, String trait, boolean passed, String explanation) {
    this(level, trait, passed, null, explanation);
  }

  private FitOutcome(EntityLevel level, String trait, boolean passed, @Nullable String value, String text) {
    this.level = Objects.requireNonNull(level);
    this.trait = Objects.requireNonNull(trait);
    this.passed = passed;
    this.value = value;
    this.text = Objects.requireNonNull(text);
  }

  /** "{@code trait} is {@code value} (rule: {@code conditions})", worded when {@link #explanation()} is read. */
  public static FitOutcome ruled(EntityLevel level, String trait, boolean passed, String value, String conditions) {
    return new FitOutcome(level, trait, passed, value, conditions);
  }

  public EntityLevel level() {
    return level;
  }

  public String trait() {
    return trait;
  }

  public boolean passed() {
    return passed;
  }

  public String explanation() {
    return value == null ? text : trait + " is " + value + " (rule: " + text + ")";
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FitOutcome that && level == that.level && trait.equals(that.trait)
        && passed == that.passed && explanation().equals(that.explanation());
  }

  @Override
  public int hashCode() {
    return Objects.hash(level, trait, passed, explanation());
  }

  @Override
  public String toString() {
    return "FitOutcome[level=" + level + ", trait=" + trait + ", passed=" + passed + ", explanation="
        + explanation() + "]";
  }
}
