package io.github.pqlconnector.app.scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates Quartz's job-store tables from the DDL that ships inside the Quartz jar for the database at hand
 * (H2 or PostgreSQL), skipping its DROP and COMMIT lines. Flyway locks the schema while it runs, so nodes
 * starting together create the tables once. The name is Flyway's: version 1 of the scheduler schema.
 */
final class V1__QuartzTables extends BaseJavaMigration {
  private final boolean postgres;

  V1__QuartzTables(boolean postgres) {
    this.postgres = postgres;
  }

  @Override
  public void migrate(Context context) throws IOException, java.sql.SQLException {
    try (Statement statement = context.getConnection().createStatement()) {
      for (String ddl : statements()) {
        statement.execute(ddl);
      }
    }
  }

  List<String> statements() throws IOException {
    String script = "/org/quartz/impl/jdbcjobstore/" + (postgres ? "tables_postgres.sql" : "tables_h2.sql");
    try (InputStream in = V1__QuartzTables.class.getResourceAsStream(script)) {
      if (in == null) {
        throw new IOException("Quartz's DDL " + script + " is missing from the class path");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^\\s*--.*$", "");
      return Arrays.stream(text.split(";")).map(String::trim).filter(s -> !s.isEmpty())
          .filter(s -> !s.toUpperCase().startsWith("DROP ") && !s.equalsIgnoreCase("COMMIT")).toList();
    }
  }
}
