package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * A fit rule on one trait. {@code gte}/{@code lte} compare numbers; {@code in}/{@code notIn} compare text
 * ignoring case; {@code matches}/{@code notMatches} are Java regular expressions found anywhere in the value.
 * Several conditions in one rule must all hold.
 */
public record FitRule(@Nullable String trait, @Nullable Double gte, @Nullable Double lte,
    @JsonProperty("in") @Nullable List<String> in, @Nullable List<String> notIn,
    @Nullable String matches, @Nullable String notMatches) {

  List<String> conditions() {
    List<String> set = new ArrayList<>();
    if (gte != null) set.add("gte");
    if (lte != null) set.add("lte");
    if (in != null) set.add("in");
    if (notIn != null) set.add("notIn");
    if (matches != null) set.add("matches");
    if (notMatches != null) set.add("notMatches");
    return set;
  }

  void validate(ConfigPath at, Problems problems) {
    if (trait == null || trait.isBlank()) {
      problems.add(at.child("trait"), "is required (the trait this rule checks)");
    }
    if (conditions().isEmpty()) {
      problems.add(at, "needs a condition: gte, lte, in, notIn, matches or notMatches");
    }
    checkRegex(at.child("matches"), matches, problems);
    checkRegex(at.child("notMatches"), notMatches, problems);
  }

  private static void checkRegex(ConfigPath at, @Nullable String regex, Problems problems) {
    if (regex == null) {
      return;
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      problems.add(at, "invalid regular expression \"" + regex + "\": " + e.getDescription()
          + " (position " + e.getIndex() + ")");
    }
  }
}
