package io.github.pqlconnector.core.config;

import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * The admin API of {@code pql serve}: where it listens and the bearer token it requires. It binds to
 * 127.0.0.1 unless told otherwise; bound anywhere else it must have a token.
 */
public record AdminConfig(@Nullable String bind, @Nullable Integer port, @Nullable Secret token) {
  public static final String LOOPBACK = "127.0.0.1";
  public static final int DEFAULT_PORT = 8321;

  public AdminConfig {
    bind = bind == null ? LOOPBACK : bind;
    port = port == null ? DEFAULT_PORT : port;
  }

  public static AdminConfig defaults() {
    return new AdminConfig(null, null, null);
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
    if (!isLoopback() && token == null) {
      problems.add(at.child("token"), "is required when bind is not a loopback address (" + bind
          + "); give it as ${PQL_ADMIN_TOKEN}");
    }
  }
}
