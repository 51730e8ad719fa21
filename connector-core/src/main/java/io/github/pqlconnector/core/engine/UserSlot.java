package io.github.pqlconnector.core.engine;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the aggregator keeps per user, behind one map lookup per event: the user's aggregate, its
 * identity learnt from events, events without an account id parked until the user's account is final
 * (at {@link Aggregator#finish()}), and the account aggregate it
 * last fed (so most events need no second lookup).
 */
final class UserSlot {
  private final @Nullable String accountFromTraits;
  @Nullable EntityAggregate aggregate;
  @Nullable EntityAggregate unattributed;
  final Identity identity = new Identity();
  private @Nullable String lastAccountId;
  private @Nullable EntityAggregate lastAccount;

  UserSlot(@Nullable String accountFromTraits) {
    this.accountFromTraits = accountFromTraits;
  }

  /** The account of this user: its traits' accountId, else the account of its latest event that had one. */
  @Nullable String account() {
    return accountFromTraits != null ? accountFromTraits : identity.account;
  }

  /** The account its traits name; events without an account id count for it straight away. */
  @Nullable String accountFromTraits() {
    return accountFromTraits;
  }

  @Nullable String email() {
    return identity.email;
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
