package io.github.pqlconnector.core.engine;

import io.github.pqlconnector.core.config.FitRule;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.FitOutcome;
import io.github.pqlconnector.core.model.Traits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks fit rules against traits; every outcome says, in words, what was compared. Not thread-safe. */
final class FitEvaluator {
  private final Map<String, Pattern> patterns = new HashMap<>();
  /** One String per distinct conditions text: every verdict of a run holds its fit outcomes. */
  private final Map<String, String> conditionTexts = new HashMap<>();

  List<FitOutcome> check(List<FitRule> rules, EntityLevel level, Traits traits) {
    List<FitOutcome> outcomes = new ArrayList<>(rules.size());
    for (FitRule rule : rules) {
      outcomes.add(check(rule, level, traits.values().get(rule.trait())));
    }
    return outcomes;
  }

  FitOutcome check(FitRule rule, EntityLevel level, String value) {
    String trait = rule.trait();
    if (value == null || value.isBlank()) {
      return new FitOutcome(level, trait, false, "trait '" + trait + "' is missing");
    }
    List<String> failed = new ArrayList<>();
    List<String> passed = new ArrayList<>();
    if (rule.gte() != null || rule.lte() != null) {
      Double number = parse(value);
      if (number == null) {
        return new FitOutcome(level, trait, false, trait + " is '" + value + "', not a number");
      }
      if (rule.gte() != null) {
        sort(number >= rule.gte(), "≥ " + Numbers.format(rule.gte()), passed, failed);
      }
      if (rule.lte() != null) {
        sort(number <= rule.lte(), "≤ " + Numbers.format(rule.lte()), passed, failed);
      }
    }
    if (rule.in() != null) {
      sort(containsIgnoreCase(rule.in(), value), "in " + String.join(", ", rule.in()), passed, failed);
    }
    if (rule.notIn() != null) {
      sort(!containsIgnoreCase(rule.notIn(), value), "not in " + String.join(", ", rule.notIn()),
          passed, failed);
    }
    if (rule.matches() != null) {
      sort(pattern(rule.matches()).matcher(value).find(), "matches " + rule.matches(), passed, failed);
    }
    if (rule.notMatches() != null) {
      sort(!pattern(rule.notMatches()).matcher(value).find(), "does not match " + rule.notMatches(),
          passed, failed);
    }
    boolean ok = failed.isEmpty();
    String conditions = String.join(", ", ok ? passed : failed);
    return FitOutcome.ruled(level, trait, ok, value, conditionTexts.computeIfAbsent(conditions, c -> c));
  }

  private static void sort(boolean holds, String condition, List<String> passed, List<String> failed) {
    (holds ? passed : failed).add(condition);
  }

  private Pattern pattern(String regex) {
    return patterns.computeIfAbsent(regex, Pattern::compile);
  }

  private static Double parse(String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean containsIgnoreCase(List<String> values, String value) {
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    return values.stream().anyMatch(v -> v.trim().toLowerCase(Locale.ROOT).equals(wanted));
  }
}
