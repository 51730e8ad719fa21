package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.model.Event;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the aggregator keeps per user, behind one map lookup per event: the user's aggregate, its
 * identity learnt from events, events parked until its account is known, and the account aggregate it
 * last fed (so most events need no second lookup).
 */
final class UserSlot {
  private final @Nullable String accountFromTraits;
  @Nullable EntityAggregate aggregate;
  @Nullable EntityAggregate unattributed;
  @Nullable String accountFromEvents;
  @Nullable String email;
  private @Nullable String lastAccountId;
  private @Nullable EntityAggregate lastAccount;

  UserSlot(@Nullable String accountFromTraits) {
    this.accountFromTraits = accountFromTraits;
  }

  void learn(Event event) {
    if (event.accountId() != null) {
      accountFromEvents = event.accountId();
    }
    if (event.email() != null) {
      email = event.email();
    }
  }

  /** The account of this user: its traits' accountId, else the last account its events carried. */
  @Nullable String account() {
    return accountFromTraits != null ? accountFromTraits : accountFromEvents;
  }

  EntityAggregate aggregate(CompiledModel model) {
    if (aggregate == null) {
      aggregate = new EntityAggregate(model);
    }
    return aggregate;
  }

  EntityAggregate unattributed(CompiledModel model) {
    if (unattributed == null) {
      unattributed = new EntityAggregate(model);
    }
    return unattributed;
  }

  /** The aggregate of {@code accountId}, from the one-entry cache or the accounts map. */
  EntityAggregate account(String accountId, Map<String, EntityAggregate> accounts, CompiledModel model) {
    if (lastAccount == null || !accountId.equals(lastAccountId)) {
      lastAccount = accounts.computeIfAbsent(accountId, id -> new EntityAggregate(model));
      lastAccountId = accountId;
    }
    return lastAccount;
  }
}
