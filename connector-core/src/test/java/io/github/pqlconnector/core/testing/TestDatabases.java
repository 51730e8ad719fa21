package io.github.pqlconnector.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.pqlconnector.core.config.StateConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * State databases for tests: an H2 file in a temp directory, or a fresh schema in the local PostgreSQL
 * ({@code PQL_TEST_PG_URL}, default {@value #DEFAULT_PG}). Without PostgreSQL the PostgreSQL tests are
 * skipped with a message, except under CI ({@code CI=true}), where that is a failure.
 */
public final class TestDatabases {
  public static final String DEFAULT_PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private TestDatabases() {}

  public static StateConfig h2(Path dir) {
    return new StateConfig("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath(), null, null, null);
  }

  /** A new, empty schema; call {@link #dropPostgres} with the same config when done. */
  public static StateConfig postgres() {
    String base = pgUrl();
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      unavailable(base, e);
    }
    return new StateConfig(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, null, null, null);
  }

  public static void dropPostgres(StateConfig config) {
    String schema = config.url().replaceAll(".*currentSchema=", "");
    try (Connection c = DriverManager.getConnection(pgUrl()); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test schema " + schema, e);
    }
  }

  private static String pgUrl() {
    String url = System.getenv("PQL_TEST_PG_URL");
    return url == null || url.isBlank() ? DEFAULT_PG : url;
  }

  private static void unavailable(String url, SQLException e) {
    String message = "PostgreSQL is not reachable at " + url.replaceAll("\\?.*", "") + " (" + e.getMessage() + ")";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + "; under CI=true the PostgreSQL tests must run. Start it or set PQL_TEST_PG_URL.");
    }
    Assumptions.abort(message + "; skipping the PostgreSQL tests (set PQL_TEST_PG_URL to point at one).");
  }
}
