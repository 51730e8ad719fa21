package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The admin console and API of {@code pql serve}: where it listens, the bearer token scripts send, the people who
 * may sign in ({@code users}), the extra host names it answers to ({@code allowedHosts}, besides its bind address
 * and loopback names: a request naming any other {@code Host} is refused, which stops DNS rebinding), and how long
 * a signed-in session may stay idle. It binds to 127.0.0.1 unless told otherwise; bound anywhere else it must
 * have a token or users.
 */
public record AdminConfig(
    @JsonPropertyDescription("Address pql serve listens on; any address other than loopback needs a token or users.")
    @Nullable String bind,
    @JsonPropertyDescription("TCP port of the console and the admin API, 0-65535.")
    @Nullable Integer port,
    @JsonPropertyDescription("Bearer token scripts send to the admin API: a secret (${ENV}); with it set, pages need "
        + "a sign-in.")
    @Nullable Secret token,
    @JsonPropertyDescription("People who may sign in to the console, each with a password hash and a role.")
    @Nullable List<AdminUser> users,
    @JsonPropertyDescription("Extra host names the console answers to (behind a proxy); any other Host header is "
        + "refused.")
    @Nullable List<String> allowedHosts,
    @JsonPropertyDescription("A console session idle this long is signed out.")
    @Nullable Duration sessionTimeout) {
  public static final String LOOPBACK = "127.0.0.1";
  public static final int DEFAULT_PORT = 8321;
  public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(30);

  public AdminConfig {
    bind = bind == null ? LOOPBACK : bind;
    port = port == null ? DEFAULT_PORT : port;
    users = users == null ? List.of() : List.copyOf(users);
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    sessionTimeout = sessionTimeout == null ? DEFAULT_SESSION_TIMEOUT : sessionTimeout;
  }

  public AdminConfig(@Nullable String bind, @Nullable Integer port, @Nullable Secret token) {
    this(bind, port, token, null, null, null);
  }

  public static AdminConfig defaults() {
    return new AdminConfig(null, null, null);
  }

  /** The same settings on another port ({@code pql serve --port}). */
  public AdminConfig onPort(int otherPort) {
    return new AdminConfig(bind, otherPort, token, users, allowedHosts, sessionTimeout);
  }

  /** True when a token or users are configured: then nothing is answered before authentication. */
  public boolean isProtected() {
    return token != null || !users.isEmpty();
  }

  /** True when the address is a loopback address (only this machine can connect). */
  public boolean isLoopback() {
    try {
      return InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public void validate(ConfigPath at, Problems problems) {
    if (port < 0 || port > 65_535) {
      problems.add(at.child("port"), "must be between 0 and 65535, was " + port);
    }
    if (!isLoopback() && !isProtected()) {
      problems.add(at.child("token"), "is required when bind is not a loopback address (" + bind
          + "); give it as ${PQL_ADMIN_TOKEN}, or configure admin.users");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < users.size(); i++) {
      AdminUser user = users.get(i);
      user.validate(at.child("users").index(i), problems);
      if (user.name() != null && !names.add(user.name())) {
        problems.add(at.child("users").index(i).child("name"), "\"" + user.name() + "\" is given twice");
      }
    }
    for (int i = 0; i < allowedHosts.size(); i++) {
      String host = allowedHosts.get(i);
      if (host == null || host.isBlank() || host.contains("/") || host.contains(" ")) {
        problems.add(at.child("allowedHosts").index(i), "must be a host name such as pql.example.com");
      }
    }
    if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
      problems.add(at.child("sessionTimeout"), "must be positive, like 30m");
    }
  }
}
