package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.model.Event;
import org.jspecify.annotations.Nullable;

/**
 * What a user's events say about who it is: the account and the email of its latest event that carried
 * one. "Latest" is by event time (the later one in the stream on a tie), so it does not depend on the
 * order a source hands events over, nor on whether they came in one read or in day buckets.
 */
final class Identity {
  @Nullable String account;
  long accountAt = Long.MIN_VALUE;
  @Nullable String email;
  long emailAt = Long.MIN_VALUE;

  void learn(Event event) {
    learn(event.accountId(), event.email(), event.timestampMillis());
  }

  void learn(Identity other) {
    learnAccount(other.account, other.accountAt);
    learnEmail(other.email, other.emailAt);
  }

  private void learn(@Nullable String accountId, @Nullable String emailAddress, long at) {
    learnAccount(accountId, at);
    learnEmail(emailAddress, at);
  }

  void learnAccount(@Nullable String accountId, long at) {
    if (accountId != null && at >= accountAt) {
      account = accountId;
      accountAt = at;
    }
  }

  void learnEmail(@Nullable String emailAddress, long at) {
    if (emailAddress != null && at >= emailAt) {
      email = emailAddress;
      emailAt = at;
    }
  }
}
