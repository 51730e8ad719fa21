package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.annotation.OneOf;
import io.github.pqlconnector.core.annotation.Required;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One person who may sign in to the admin console: a name, a bcrypt or argon2 hash of the password (never the
 * password itself: {@code pql hash-password} makes one), and a role. A {@code viewer} sees everything and changes
 * nothing; an {@code operator} may also edit schedules, pause, resume, run and retry.
 */
public record AdminUser(
    @Required
    @JsonPropertyDescription("The sign-in name.")
    @Nullable String name,
    @JsonPropertyDescription("A bcrypt ($2a$/$2b$…) or argon2 ($argon2id$…) hash of the password, made with pql "
        + "hash-password; never the password.")
    @Nullable String passwordHash,
    @OneOf({"viewer", "operator"})
    @JsonPropertyDescription("viewer sees everything and changes nothing; operator may also edit schedules, pause, "
        + "resume, run and retry.")
    @Nullable String role) {
  public static final String VIEWER = "viewer";
  public static final String OPERATOR = "operator";
  private static final List<String> ROLES = List.of(VIEWER, OPERATOR);
  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
  private static final Pattern ARGON2 = Pattern.compile("\\$argon2(id|i|d)\\$v=\\d+\\$m=\\d+,t=\\d+,p=\\d+\\$[^$]+\\$[^$]+");

  public AdminUser {
    role = role == null ? VIEWER : role;
  }

  /** True for an argon2 hash in its usual {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash} form. */
  public boolean isArgon2() {
    return passwordHash != null && passwordHash.startsWith("$argon2");
  }

  public boolean isOperator() {
    return OPERATOR.equals(role);
  }

  void validate(ConfigPath at, Problems problems) {
    if (name == null || name.isBlank()) {
      problems.add(at.child("name"), "is required");
    }
    if (passwordHash == null || !(BCRYPT.matcher(passwordHash).matches() || ARGON2.matcher(passwordHash).matches())) {
      problems.add(at.child("passwordHash"), "must be a bcrypt ($2b$…) or argon2 ($argon2id$…) hash, never the"
          + " password itself; make one with: pql hash-password");
    }
    if (!ROLES.contains(role)) {
      problems.add(at.child("role"), "must be viewer or operator, was \"" + role + "\"");
    }
  }
}
