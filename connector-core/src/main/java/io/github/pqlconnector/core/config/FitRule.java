package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.Required;
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
public record FitRule(
    @Required
    @JsonPropertyDescription("The trait this rule checks; a missing trait fails the rule.")
    @Nullable String trait,
    @JsonPropertyDescription("The trait, a number, must be at least this.")
    @Nullable Double gte,
    @JsonPropertyDescription("The trait, a number, must be at most this.")
    @Nullable Double lte,
    @JsonPropertyDescription("The trait must be one of these texts (ignoring case).")
    @JsonProperty("in") @Nullable List<String> in,
    @JsonPropertyDescription("The trait must not be one of these texts (ignoring case).")
    @Nullable List<String> notIn,
    @JsonPropertyDescription("A Java regular expression that must be found in the trait (case-sensitive unless it "
        + "says (?i)).")
    @Nullable String matches,
    @JsonPropertyDescription("A Java regular expression that must not be found in the trait.")
    @Nullable String notMatches) {

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
