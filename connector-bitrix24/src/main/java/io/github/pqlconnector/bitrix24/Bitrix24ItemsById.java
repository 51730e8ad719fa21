package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.bitrix24.api.BatchCommand;
import io.github.pqlconnector.bitrix24.api.BatchRequest;
import io.github.pqlconnector.bitrix24.api.BatchResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads items by id, shared by reconciliation ({@link Bitrix24Reader}) and traits ({@link Bitrix24Traits}): {@code
 * crm.item.list} filtered {@code @id} (IN) over {@value #IDS_PER_COMMAND} ids (one page, so no paging), selecting
 * {@code id} and the given fields with {@code useOriginalUfNames=Y} (user fields as {@code UF_CRM_…}), up to 50 such
 * commands in one {@code batch}, on the guarded path of the writes. An id not listed no longer exists.
 */
final class Bitrix24ItemsById {
  static final int IDS_PER_COMMAND = 50;
  /** The most ids one {@link #read} should get: one {@code batch} call. */
  static final int MAX_IDS = IDS_PER_COMMAND * BatchRequest.MAX_COMMANDS;

  private final Bitrix24Calls calls;

  Bitrix24ItemsById(Bitrix24Calls calls) {
    this.calls = calls;
  }

  /** The items of {@code recordIds} by id; a command that fails fails the read as a whole. */
  Map<String, JsonNode> read(BitrixEntity entity, List<String> recordIds, List<String> fields) {
    List<String> select = new ArrayList<>(List.of("id"));
    fields.stream().filter(field -> !select.contains(field)).forEach(select::add);
    List<BatchCommand> commands = new ArrayList<>();
    List<String> ids = recordIds.stream().distinct().toList();
    for (int from = 0; from < ids.size(); from += IDS_PER_COMMAND) {
      commands.add(command("r" + commands.size(), entity, ids.subList(from,
          Math.min(ids.size(), from + IDS_PER_COMMAND)), select));
    }
    Bitrix24Calls.BatchResults answers = calls.batch(commands);
    Map<String, JsonNode> found = new HashMap<>();
    for (BatchCommand command : commands) {
      BatchResponse.CommandError error = answers.errors().get(command.key());
      if (error != null) {
        throw calls.failure(error, "crm.item.list");
      }
      JsonNode result = answers.results().get(command.key());
      if (result != null) {
        result.path("items").forEach(item -> found.put(item.path("id").asText(), item));
      }
    }
    return found;
  }

  private static BatchCommand command(String key, BitrixEntity entity, List<String> ids, List<String> select) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("entityTypeId", Integer.toString(entity.typeId()));
    params.put("useOriginalUfNames", "Y");
    for (int i = 0; i < ids.size(); i++) {
      params.put("filter[@id][" + i + "]", ids.get(i));
    }
    for (int i = 0; i < select.size(); i++) {
      params.put("select[" + i + "]", select.get(i));
    }
    return new BatchCommand(key, "crm.item.list", params);
  }
}
