package io.github.pqlconnector.app.cli;

import io.github.pqlconnector.app.admin.Passwords;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pql hash-password}: reads a password (without echo on a terminal, else one line of standard input) and
 * prints its bcrypt hash for {@code admin.users[].passwordHash}. The password is never an argument, so it stays out
 * of the shell's history and the process list.
 */
@Command(name = "hash-password", description = "Print a bcrypt hash of a password for admin.users[].passwordHash."
    + " Reads the password from the terminal (hidden) or one line of standard input.")
final class HashPasswordCommand implements Callable<Integer> {
  private static final int MIN_LENGTH = 8;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    String password = read();
    if (password == null || password.length() < MIN_LENGTH) {
      spec.commandLine().getErr().println("a password of at least " + MIN_LENGTH + " characters is needed");
      return ExitCodes.BAD_CONFIG;
    }
    spec.commandLine().getOut().println(Passwords.hash(password));
    return ExitCodes.OK;
  }

  private static String read() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("password: ");
      return typed == null ? null : new String(typed);
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    return in.readLine();
  }
}
