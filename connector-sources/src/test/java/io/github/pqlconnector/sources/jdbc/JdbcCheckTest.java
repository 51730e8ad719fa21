package io.github.pqlconnector.sources.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.SourceException;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.CheckResult;
import io.github.pqlconnector.core.spi.ReadRequest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code pql validate} says exactly what is wrong. The test PostgreSQL trusts every login, so a wrong password
 * cannot be refused there: an unknown user stands in (SQLState 28000), and 28P01 is checked on the classifier.
 */
class JdbcCheckTest {
  static final String PASSWORD = "Kx7-warehouse-password-4411";
  static Warehouse warehouse;

  @BeforeAll
  static void createSchema() {
    warehouse = Warehouse.create();
    PresetSchemas.create(warehouse, "segment");
  }

  @AfterAll
  static void dropSchema() {
    if (warehouse != null) {
      warehouse.close();
    }
  }

  @Test
  void aMissingPresetTableIsNamed() {
    warehouse.sql("CREATE SCHEMA %s_half", "CREATE TABLE %s_half.tracks (id text)");
    try {
      JdbcSourceConfig config = new JdbcSourceConfig(warehouse.url, "postgres", null, "segment",
          warehouse.schema + "_half", null, null, null, null);
      CheckResult result = new JdbcSource(config).check();
      assertThat(result.status()).isEqualTo(CheckResult.Status.INVALID);
      assertThat(result.message()).contains("events query (preset segment in schema " + warehouse.schema + "_half)")
          .contains("column t.event_text does not exist").contains("42703");
    } finally {
      warehouse.sql("DROP SCHEMA %s_half CASCADE");
    }
  }

  @Test
  void aMissingTableIsNamed() {
    warehouse.sql("ALTER TABLE %s.groups RENAME TO groups_old");
    try {
      CheckResult result = new JdbcSource(warehouse.preset("segment")).check();
      assertThat(result.status()).isEqualTo(CheckResult.Status.INVALID);
      assertThat(result.message()).contains("users query").contains(warehouse.schema + ".groups\" does not exist");
    } finally {
      warehouse.sql("ALTER TABLE %s.groups_old RENAME TO groups");
    }
  }

  @Test
  void anUnknownUserIsAnAuthProblemAndThePasswordIsNeverShown() {
    ListAppender<ILoggingEvent> logs = captureLogs();
    JdbcSourceConfig config = new JdbcSourceConfig(warehouse.url, "no_such_user_pql", new Secret(PASSWORD), "segment",
        warehouse.schema, null, null, null, null);
    JdbcSource source = new JdbcSource(config);
    CheckResult result = source.check();
    assertThat(result.status()).isEqualTo(CheckResult.Status.AUTH);
    assertThat(result.message()).contains("refused the username or password").contains("28000");
    assertThatThrownBy(() -> source.readEvents(
        new ReadRequest(null, Instant.EPOCH, Instant.now(), Set.of()), new Recorded()))
        .isInstanceOfSatisfying(SourceException.class, e -> {
          assertThat(e.category()).isEqualTo(ErrorCategory.AUTH);
          assertThat(e.getMessage()).doesNotContain(PASSWORD);
        });
    assertThat(result.message()).doesNotContain(PASSWORD);
    assertThat(config.toString()).doesNotContain(PASSWORD);
    assertThat(logs.list).allSatisfy(line -> assertThat(line.getFormattedMessage()).doesNotContain(PASSWORD));
    root().detachAppender(logs);
  }

  @Test
  void aWrongPasswordIsClassifiedAsAuth() {
    SQLException refused = new SQLException("FATAL: password authentication failed for user \"pql\"", "28P01");
    assertThat(SqlErrors.status(refused)).isEqualTo(CheckResult.Status.AUTH);
    assertThat(SqlErrors.describe(refused, "jdbc:postgresql://wh:5432/analytics", "x"))
        .isEqualTo("the warehouse at jdbc:postgresql://wh:5432/analytics refused the username or password: "
            + "password authentication failed for user \"pql\" (SQLState 28P01)");
  }

  @Test
  void aMissingDatabaseIsNamed() {
    JdbcSourceConfig config = new JdbcSourceConfig(warehouse.url.replaceAll("/test$", "/no_such_db_pql"), "postgres",
        null, "segment", warehouse.schema, null, null, null, null);
    CheckResult result = new JdbcSource(config).check();
    assertThat(result.status()).isEqualTo(CheckResult.Status.INVALID);
    assertThat(result.message()).contains("the database in").contains("does not exist").contains("3D000");
  }

  @Test
  void aUrlWithoutADriverSaysToAddTheDriverJar() {
    JdbcSourceConfig config = new JdbcSourceConfig("jdbc:nosuchwarehouse://wh.example.com/analytics", "pql", null,
        "segment", warehouse.schema, null, null, null, null);
    CheckResult result = new JdbcSource(config).check();
    assertThat(result.status()).isEqualTo(CheckResult.Status.INVALID);
    assertThat(result.message()).contains("no JDBC driver on the class path accepts "
        + "jdbc:nosuchwarehouse://wh.example.com/analytics; add the warehouse's JDBC driver jar");
  }

  @Test
  void aClosedPortIsUnreachable() {
    JdbcSourceConfig config = new JdbcSourceConfig("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2", "postgres",
        null, "segment", warehouse.schema, null, null, null, Duration.ofDays(1));
    CheckResult result = new JdbcSource(config).check();
    assertThat(result.status()).isEqualTo(CheckResult.Status.UNREACHABLE);
    assertThat(result.message()).startsWith("cannot reach the warehouse at jdbc:postgresql://127.0.0.1:1/test:");
  }

  private static ListAppender<ILoggingEvent> captureLogs() {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root().addAppender(logs);
    return logs;
  }

  private static Logger root() {
    return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
  }
}
