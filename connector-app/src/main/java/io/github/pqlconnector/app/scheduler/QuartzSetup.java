package io.github.pqlconnector.app.scheduler;

import io.github.pqlconnector.core.config.StateConfig;
import io.github.pqlconnector.core.error.StateException;
import io.github.pqlconnector.core.state.StateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz on the connector's own state database: its tables created through Flyway, its connections from
 * the state store's pool, a JDBC job store (clustered on PostgreSQL when {@code state.cluster} is on), and
 * job data kept as plain strings so nothing is ever serialised.
 */
final class QuartzSetup {
  static final String DATA_SOURCE = "pqlState";

  private QuartzSetup() {}

  static void createTables(StateStore store, StateConfig state) {
    try {
      Flyway.configure().dataSource(store.dataSource()).table("pql_quartz_schema_history")
          .baselineOnMigrate(true).baselineVersion("0").locations("classpath:io/github/pqlconnector/app/scheduler/none")
          .javaMigrations(new V1__QuartzTables(state.isPostgres())).loggers("slf4j").load().migrate();
    } catch (FlywayException e) {
      throw new StateException("cannot create the scheduler tables: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  static Properties properties(StateStore store, StateConfig state, SchedulerSettings settings) {
    DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, new ConnectionProvider() {
      @Override
      public Connection getConnection() throws SQLException {
        return store.dataSource().getConnection();
      }

      @Override
      public void shutdown() {}

      @Override
      public void initialize() {}
    });
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", "pql");
    p.setProperty("org.quartz.scheduler.instanceId", settings.instanceId());
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threads()));
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", state.isPostgres()
        ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(settings.misfireThreshold().toMillis()));
    p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(state.cluster()));
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(settings.checkinInterval().toMillis()));
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    return p;
  }
}
