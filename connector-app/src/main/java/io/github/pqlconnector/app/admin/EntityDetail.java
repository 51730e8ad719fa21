package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.model.Evaluation;
import io.github.pqlconnector.core.model.PqlResult;
import io.github.pqlconnector.core.model.PqlStatus;
import io.github.pqlconnector.core.state.TaskDao;
import io.github.pqlconnector.core.state.VerdictHistoryDao;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An entity's page: how it is decided now ({@code pql explain}'s content as data), its verdict history, the tasks
 * opened for it and a link to its CRM record where the destination can build one.
 */
public record EntityDetail(EntityRef entity, Explanation explanation, List<VerdictHistoryDao.Change> history,
    List<TaskDao.Opened> tasks, @Nullable String crmUrl) {

  public EntityDetail {
    history = List.copyOf(history);
    tasks = List.copyOf(tasks);
  }

  /** The verdict with its working: every metric, fit rule and signal (met and missed), the CRM reasons, the traits. */
  public record Explanation(PqlStatus status, int score, @Nullable String type, @Nullable Instant qualifiedAt,
      Map<String, Double> metrics, List<Fit> fit, List<Signal> signals, List<String> reasons, List<Trait> traits) {

    /** {@code origins}: where each trait came from, as {@code core.sync.Explainer} says. */
    public static Explanation of(Evaluation e, Map<String, String> origins) {
      PqlResult r = e.result();
      List<Fit> fit = e.fit().stream().map(f -> new Fit(f.explanation(), f.passed(),
          f.level() != r.entity().level())).toList();
      List<Signal> signals = e.signals().stream().map(s -> new Signal(s.name(), s.type(), s.fired(),
          s.fired() ? s.points() : 0, s.explanation())).toList();
      List<Trait> traits = new TreeMap<>(e.traits().values()).entrySet().stream().map(t -> new Trait(t.getKey(),
          t.getValue(), origins.get(t.getKey()))).toList();
      return new Explanation(r.status(), r.score(), r.primaryType(), r.qualifiedAt(), r.metrics(), fit, signals,
          r.reasons(), traits);
    }
  }

  /** A fit rule; {@code accountRule}: a rule of the user's account, not of the entity itself. */
  public record Fit(String explanation, boolean passed, boolean accountRule) {}

  /** A signal; {@code points} are those it added (0 when missed). */
  public record Signal(String name, String type, boolean fired, int points, String explanation) {}

  /** A trait's value and the source it came from (null when unknown). */
  public record Trait(String name, String value, @Nullable String origin) {}
}
