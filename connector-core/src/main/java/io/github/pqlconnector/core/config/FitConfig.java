package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.problem.ConfigLists;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Fit rules per level. A user is fit only when its own rules and its account's rules all pass. */
public record FitConfig(
    @JsonPropertyDescription("Rules an account must pass to be fit.")
    @Nullable List<FitRule> account,
    @JsonPropertyDescription("Rules a user must pass to be fit (its account's rules apply too).")
    @Nullable List<FitRule> user) {
  public FitConfig {
    account = ConfigLists.copy(account);
    user = ConfigLists.copy(user);
  }

  public static FitConfig none() {
    return new FitConfig(null, null);
  }

  public List<FitRule> rules(EntityLevel level) {
    return level == EntityLevel.USER ? user : account;
  }

  void validate(ConfigPath at, Problems problems) {
    for (int i = 0; i < account.size(); i++) {
      account.get(i).validate(at.child("account").index(i), problems);
    }
    for (int i = 0; i < user.size(); i++) {
      user.get(i).validate(at.child("user").index(i), problems);
    }
  }
}
