package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.bitrix24.api.BatchCommand;
import io.github.pqlconnector.bitrix24.api.BatchResponse;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.PqlFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the PQL user fields back for reconciliation: {@code crm.item.list} filtered {@code @id} (IN) over 50 ids
 * (one page), selecting {@code id} and the PQL fields with {@code useOriginalUfNames=Y}, up to 50 such commands in one
 * {@code batch}, on the same guarded path as the writes. Enumeration item ids become their codes again ({@link
 * Bitrix24ReadBack}). An id not listed no longer exists (deleted, or merged away): gone.
 */
final class Bitrix24Reader {
  static final int IDS_PER_COMMAND = 50;
  private static final List<String> SELECT = List.of("id", Bitrix24Fields.STATUS, Bitrix24Fields.SCORE,
      Bitrix24Fields.TYPE, Bitrix24Fields.REASONS, Bitrix24Fields.ACTIVATION_PCT, Bitrix24Fields.QUALIFIED_AT,
      Bitrix24Fields.EVALUATED_AT);

  private final Bitrix24Calls calls;
  private final Bitrix24UserFields userFields;
  private final Bitrix24Config config;

  Bitrix24Reader(Bitrix24Calls calls, Bitrix24UserFields userFields, Bitrix24Config config) {
    this.calls = calls;
    this.userFields = userFields;
    this.config = config;
  }

  Map<String, PqlFields> readFields(EntityLevel level, List<String> recordIds) {
    BitrixEntity entity = level == EntityLevel.USER ? config.userEntity() : config.accountEntity();
    Bitrix24ReadBack readBack = new Bitrix24ReadBack(userFields.enumIds(entity));
    List<BatchCommand> commands = new ArrayList<>();
    List<String> ids = recordIds.stream().distinct().toList();
    for (int from = 0; from < ids.size(); from += IDS_PER_COMMAND) {
      commands.add(command("r" + commands.size(), entity, ids.subList(from,
          Math.min(ids.size(), from + IDS_PER_COMMAND))));
    }
    Bitrix24Calls.BatchResults answers = calls.batch(commands);
    Map<String, PqlFields> found = new HashMap<>();
    for (BatchCommand command : commands) {
      BatchResponse.CommandError error = answers.errors().get(command.key());
      if (error != null) {
        throw calls.failure(error, "crm.item.list");
      }
      JsonNode result = answers.results().get(command.key());
      for (JsonNode item : result == null ? List.<JsonNode>of() : items(result)) {
        found.put(item.path("id").asText(), readBack.fields(item));
      }
    }
    return found;
  }

  private static BatchCommand command(String key, BitrixEntity entity, List<String> ids) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("entityTypeId", Integer.toString(entity.typeId()));
    params.put("useOriginalUfNames", "Y");
    for (int i = 0; i < ids.size(); i++) {
      params.put("filter[@id][" + i + "]", ids.get(i));
    }
    for (int i = 0; i < SELECT.size(); i++) {
      params.put("select[" + i + "]", SELECT.get(i));
    }
    return new BatchCommand(key, "crm.item.list", params);
  }

  private static List<JsonNode> items(JsonNode result) {
    List<JsonNode> items = new ArrayList<>();
    result.path("items").forEach(items::add);
    return items;
  }
}
