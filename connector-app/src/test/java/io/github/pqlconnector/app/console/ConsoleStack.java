package io.github.pqlconnector.app.console;

import io.github.pqlconnector.app.admin.Passwords;
import io.github.pqlconnector.app.scheduler.SchedulerSettings;
import io.github.pqlconnector.app.scheduler.ServeStack;
import io.github.pqlconnector.core.config.ConfigLoader;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.spi.Plugins;
import io.github.pqlconnector.core.testing.Dataset;
import io.github.pqlconnector.hubspot.fake.HubSpotFake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pql serve} as the command starts it ({@link ServeStack}), on a small product (40 users in 8 accounts, a
 * quarter of them PQLs) syncing into the stateful HubSpot fake, which refuses two contacts; with an admin token, an
 * operator and a viewer. The passwords are made up here, hashed as {@code pql hash-password} does.
 */
final class ConsoleStack implements AutoCloseable {
  static final String TOKEN = "console-test-token-5b1e";
  static final String OPERATOR = "otto";
  static final String OPERATOR_PASSWORD = "operator-pw-4412";
  static final String VIEWER = "vera";
  static final String VIEWER_PASSWORD = "viewer-pw-9023";
  static final String PORTAL = "4242";
  static final Set<String> REFUSED = Set.of("user3@acme-3.io", "user7@acme-7.io");

  final HubSpotFake hubspot = new HubSpotFake();
  final ServeStack stack;

  ConsoleStack(Path dir) throws Exception {
    this(dir, "", Map.of());
  }

  /** With {@code extraYaml} appended to the config (an {@code alerts:} block) and {@code extraEnv} for its secrets. */
  ConsoleStack(Path dir, String extraYaml, Map<String, String> extraEnv) throws Exception {
    Dataset data = new Dataset(dir);
    Instant now = Instant.now();
    List<String> emails = new ArrayList<>();
    List<String> domains = new ArrayList<>();
    for (int a = 1; a <= 8; a++) {
      domains.add("acme-" + a + ".io");
      data.account("a" + a, domains.get(a - 1));
    }
    for (int u = 1; u <= 40; u++) {
      int account = (u - 1) % 8 + 1;
      emails.add("user" + u + "@acme-" + account + ".io");
      data.user("u" + u, emails.get(u - 1), "a" + account);
      data.events("message_sent", u % 4 == 0 ? 12 : u % 4 == 1 ? 4 : 1, "u" + u, "a" + account, now);
    }
    hubspot.seed(emails, domains);
    hubspot.refuse(REFUSED);
    Path file = writeConfig(dir);
    Files.writeString(file, Files.readString(file) + extraYaml);
    Map<String, String> env = new HashMap<>(hubspot.env());
    env.putAll(extraEnv);
    env.put("PQL_ADMIN_TOKEN", TOKEN);
    ConfigLoader loader = new ConfigLoader(Plugins.load(), env::get);
    PqlConfig config = loader.load(file);
    stack = ServeStack.start(file, loader, Plugins.load(), config, SchedulerSettings.defaults(), config.admin());
  }

  int port() {
    return stack.adminPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  private Path writeConfig(Path dir) throws IOException {
    Path file = dir.resolve("pql.yaml");
    Files.writeString(file, """
        state: { url: "jdbc:h2:file:%1$s/state" }
        admin:
          port: 0
          token: "${PQL_ADMIN_TOKEN}"
          users:
            - { name: %3$s, passwordHash: "%4$s", role: operator }
            - { name: %5$s, passwordHash: "%6$s", role: viewer }
        model:
          levels: [account, user]
          metrics: { messages_sent: { count: message_sent } }
          signals:
            - { name: "Heavy messaging", metric: messages_sent, gte: 10, points: 80, type: usage, reason: "Sent {value} messages" }
            - { name: "Some messaging", metric: messages_sent, gte: 3, points: 45, type: usage, reason: "Sent {value} messages" }
        sources: { product: { type: testjsonl, directory: "%1$s" } }
        destinations: { hubspot: %2$s }
        syncs: [ { name: product-to-hubspot, source: product, destination: hubspot, cron: "0 0 3 * * ?" } ]
        """.formatted(dir.toString().replace("\\", "/"), hubspot.destinationYaml().replaceFirst("\\{ ", "{ portalId: \"" + PORTAL + "\", "), OPERATOR,
        Passwords.hash(OPERATOR_PASSWORD), VIEWER, Passwords.hash(VIEWER_PASSWORD)));
    return file;
  }

  @Override
  public void close() {
    stack.close();
    hubspot.close();
  }
}
