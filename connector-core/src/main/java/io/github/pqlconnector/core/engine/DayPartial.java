package io.github.pqlconnector.core.engine;

import org.jspecify.annotations.Nullable;

/**
 * One entity's events of one UTC day, folded as if that day were today, with no window applied: the
 * aggregator decides per metric whether the day is in its window ({@link EntityAggregate#mergeDay}).
 * For a user it also keeps the events that carried no account id (they count for whatever the user's
 * account turns out to be when the windows are computed) and what its events said about its identity.
 */
final class DayPartial {
  final EntityAggregate own;
  @Nullable EntityAggregate unattributed;
  final Identity identity = new Identity();

  DayPartial(EntityAggregate own) {
    this.own = own;
  }

  EntityAggregate unattributed(CompiledModel model) {
    if (unattributed == null) {
      unattributed = new EntityAggregate(model);
    }
    return unattributed;
  }
}
