package io.github.pqlconnector.bitrix24.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code {"halt":0,"cmd":{"key":"method?query",…}}}: every command runs, errors are collected per key. */
public record BatchRequest(int halt, Map<String, String> cmd) {
  public static final int MAX_COMMANDS = 50;

  public BatchRequest {
    if (cmd.size() > MAX_COMMANDS) {
      throw new IllegalArgumentException("Bitrix24 runs at most " + MAX_COMMANDS + " commands per batch");
    }
    cmd = new LinkedHashMap<>(cmd);
  }

  public static BatchRequest of(List<BatchCommand> commands) {
    Map<String, String> cmd = new LinkedHashMap<>();
    commands.forEach(command -> cmd.put(command.key(), command.encoded()));
    return new BatchRequest(0, cmd);
  }
}
