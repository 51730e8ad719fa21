package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.config.AdminUser;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a password against an {@code admin.users} hash (bcrypt, or argon2 in its usual encoded form; the cost is
 * read from the hash itself) and makes new bcrypt hashes for {@code pql hash-password}.
 */
public final class Passwords {
  private static final PasswordEncoder BCRYPT = new BCryptPasswordEncoder(12);
  private static final PasswordEncoder ARGON2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  /** Checked when the name is unknown, so an unknown name takes as long as a wrong password. */
  private static final String DUMMY = BCRYPT.encode("not a password of anyone's");

  private Passwords() {}

  static boolean matches(AdminUser user, String password) {
    PasswordEncoder encoder = user.isArgon2() ? ARGON2 : BCRYPT;
    try {
      return encoder.matches(password, user.passwordHash());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static void spendTimeOnUnknownName(String password) {
    BCRYPT.matches(password, DUMMY);
  }

  /** A bcrypt hash (cost 12) of the password, for {@code admin.users[].passwordHash}. */
  public static String hash(String password) {
    return BCRYPT.encode(password);
  }
}
