package io.github.pqlconnector.core.sync;

import io.github.pqlconnector.core.engine.Numbers;
import io.github.pqlconnector.core.model.EntityState;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.model.Traits;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.TaskPolicy;
import io.github.pqlconnector.core.state.TaskDao;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which follow-up task a verdict opens: on entry into {@code pql}, or when a configured signal type
 * starts firing. At most one task per record per run (the first trigger listed wins), none for
 * {@code not_fit}, and the task key is derived from the episode so it can never be queued twice.
 */
final class TaskPlanner {
  private final String sync;
  private final TaskPolicy policy;
  private final Payloads payloads;
  private final Instant now;

  TaskPlanner(String sync, TaskPolicy policy, Payloads payloads, Instant now) {
    this.sync = sync;
    this.policy = policy;
    this.payloads = payloads;
    this.now = now;
  }

  Optional<TaskDao.Row> plan(Evaluation evaluation, EntityState prior, MatchKey key) {
    EntityState state = evaluation.state();
    if (state.status() == PqlStatus.NOT_FIT) {
      return Optional.empty();
    }
    for (String trigger : policy.on()) {
      Instant episode = episodeStart(trigger, state, prior);
      if (episode != null) {
        return Optional.of(row(evaluation, trigger, episode, key));
      }
    }
    return Optional.empty();
  }

  private static Instant episodeStart(String trigger, EntityState state, EntityState prior) {
    if (TaskPolicy.ON_PQL.equals(trigger)) {
      return state.status() == PqlStatus.PQL && prior.status() != PqlStatus.PQL ? state.qualifiedAt() : null;
    }
    Instant since = state.typesSince().get(trigger);
    return since != null && !prior.typesSince().containsKey(trigger) ? since : null;
  }

  private TaskDao.Row row(Evaluation evaluation, String trigger, Instant episode, MatchKey key) {
    PqlResult result = evaluation.result();
    String name = displayName(evaluation.traits());
    String top = result.reasons().isEmpty() ? "score " + result.score() : result.reasons().get(0);
    String subject = label(trigger) + ": " + name + " — " + top;
    String taskKey = Payloads.sha256(String.join("|", sync, result.entity().level().id(), result.entity().id(),
        trigger, Long.toString(episode.toEpochMilli())));
    Payloads.TaskPayload payload = new Payloads.TaskPayload(key, subject, body(name, trigger, result),
        now.plus(policy.dueIn()));
    return new TaskDao.Row(taskKey, result.entity(), trigger, episode, payloads.write(payload), 0);
  }

  private static String body(String name, String trigger, PqlResult result) {
    StringBuilder body = new StringBuilder();
    body.append(name).append(TaskPolicy.ON_PQL.equals(trigger)
        ? " qualified as a product-qualified lead" : " shows a new " + trigger.replace('_', '-') + " signal");
    body.append(" (score ").append(result.score()).append(", status ").append(result.status().id()).append(").\n\n");
    body.append("Reasons:\n");
    result.reasons().forEach(r -> body.append("- ").append(r).append('\n'));
    body.append("\nActivation: ").append(Numbers.format(result.activationPct())).append("%");
    return body.toString();
  }

  static String displayName(Traits traits) {
    for (String key : new String[] {"name", Traits.EMAIL, Traits.DOMAIN}) {
      String value = traits.values().get(key);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return traits.entity().level().id() + " " + traits.entity().id();
  }

  private static String label(String trigger) {
    if (TaskPolicy.ON_PQL.equals(trigger)) {
      return "PQL";
    }
    String words = trigger.replace('_', '-');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }
}
