package io.github.pqlconnector.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pqlconnector.core.spi.Plugins;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code admin} block: users with hashes and roles, extra host names, the session timeout. */
class AdminConfigTest {
  static final String BCRYPT = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";
  static final String ARGON2 = "$argon2id$v=19$m=16384,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";

  private final ConfigLoader loader = new ConfigLoader(Plugins.load(), Map.of("ADMIN_TOKEN", "t-1")::get);

  @Test
  void usersHostsAndTimeoutAreBound() {
    AdminConfig admin = loader.parse(withAdmin("""
        admin:
          bind: 0.0.0.0
          users:
            - { name: alice, passwordHash: "%s", role: operator }
            - { name: bob, passwordHash: "%s" }
          allowedHosts: [pql.example.com]
          sessionTimeout: 2h
        """.formatted(BCRYPT, ARGON2))).admin();
    assertThat(admin.users()).extracting(AdminUser::name).containsExactly("alice", "bob");
    assertThat(admin.users().get(0).isOperator()).isTrue();
    assertThat(admin.users().get(1).role()).isEqualTo(AdminUser.VIEWER);
    assertThat(admin.users().get(1).isArgon2()).isTrue();
    assertThat(admin.allowedHosts()).containsExactly("pql.example.com");
    assertThat(admin.sessionTimeout()).isEqualTo(Duration.ofHours(2));
    assertThat(admin.isProtected()).isTrue();
  }

  @Test
  void everyUserProblemNamesItsPathAndLine() {
    assertThat(problems(withAdmin("""
        admin:
          users:
            - { name: alice, passwordHash: "hunter2", role: operator }
            - { name: alice, passwordHash: "%s", role: admin }
            - { passwordHash: "%s" }
          allowedHosts: ["https://pql.example.com/"]
          sessionTimeout: 0s
        """.formatted(BCRYPT, BCRYPT)))).containsExactlyInAnyOrder(
        "admin.users[0].passwordHash: must be a bcrypt ($2b$…) or argon2 ($argon2id$…) hash, never the password"
            + " itself; make one with: pql hash-password at line 3",
        "admin.users[1].role: must be viewer or operator, was \"admin\" at line 4",
        "admin.users[1].name: \"alice\" is given twice at line 4",
        "admin.users[2].name: is required at line 5",
        "admin.allowedHosts[0]: must be a host name such as pql.example.com at line 6",
        "admin.sessionTimeout: must be positive, like 30m at line 7");
  }

  @Test
  void anOpenBindWithoutTokenOrUsersIsRefused() {
    assertThat(problems(withAdmin("admin: { bind: 0.0.0.0 }\n"))).singleElement().asString()
        .startsWith("admin.token: is required when bind is not a loopback address (0.0.0.0)");
    assertThat(loader.parse(withAdmin("admin: { bind: 0.0.0.0, token: \"${ADMIN_TOKEN}\" }\n")).admin()
        .token().toString()).doesNotContain("t-1");
  }

  private static String withAdmin(String admin) {
    return admin + ConfigLoaderTest.VALID;
  }

  private List<String> problems(String yaml) {
    return YamlProblems.of(loader, yaml);
  }
}
