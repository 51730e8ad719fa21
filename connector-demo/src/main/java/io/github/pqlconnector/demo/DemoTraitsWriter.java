package io.github.pqlconnector.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code accounts.csv} and {@code users.csv}, the trait files the {@code file} source reads. */
final class DemoTraitsWriter {
  static final String ACCOUNTS_HEADER = "id,name,domain,employees,country,plan,industry";
  static final String USERS_HEADER = "id,email,accountId,name,title";

  private DemoTraitsWriter() {}

  static void writeAccounts(DemoAccounts accounts, Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(ACCOUNTS_HEADER);
      out.write('\n');
      for (int a = 0; a < accounts.count; a++) {
        row(out, accounts.ids[a], accounts.names[a], accounts.domains[a], String.valueOf(accounts.employees[a]),
            accounts.countries[a], accounts.plans[a], accounts.industries[a]);
      }
    }
  }

  static void writeUsers(DemoUsers users, DemoAccounts accounts, Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(USERS_HEADER);
      out.write('\n');
      for (int u = 0; u < users.count; u++) {
        row(out, users.ids[u], users.emails[u], accounts.ids[users.account[u]], users.names[u], users.titles[u]);
      }
    }
  }

  private static void row(BufferedWriter out, String... cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quoted(cells[i]));
    }
    out.write('\n');
  }

  /** RFC 4180: quote a cell with a comma, quote or line break, doubling its quotes. */
  static String quoted(String cell) {
    boolean plain = cell.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    return plain ? cell : '"' + cell.replace("\"", "\"\"") + '"';
  }
}
