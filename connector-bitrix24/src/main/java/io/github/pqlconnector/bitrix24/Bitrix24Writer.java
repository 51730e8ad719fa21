package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.bitrix24.api.BatchCommand;
import io.github.pqlconnector.bitrix24.api.BatchResponse;
import io.github.pqlconnector.bitrix24.api.Bitrix24Categories;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.RecordError;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.model.EntityRef;
import io.github.pqlconnector.core.spi.PqlUpdate;
import io.github.pqlconnector.core.spi.WriteResult;
import io.github.pqlconnector.core.spi.WriteResults;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes PQL fields with {@code crm.item.update} (matched records) and {@code crm.item.add} (records not found, when
 * {@code createMissing}), all in one {@code batch} of up to 50 commands with {@code halt=0}. Each command's answer is
 * mapped back to its record: {@code result.item.id} is written, a {@code result_error} entry is that record's failure
 * (its category from the Bitrix24 code), and a command with neither fails as TRANSIENT {@code NO_RESULT}, so every
 * input ends written or failed. With website matching, a created company carries its domain in {@code WEB} and goes
 * into the {@link Bitrix24CompanyIndex}, and a company the portal answers NOT_FOUND for (deleted there) leaves it.
 */
final class Bitrix24Writer {
  static final int MAX_BATCH = 50;
  static final String FIELDS_MISSING = "PQL_FIELDS_MISSING";

  private final Bitrix24Calls calls;
  private final Bitrix24UserFields userFields;
  private final Bitrix24Config config;
  private final @Nullable Bitrix24CompanyIndex companies;

  /** {@code companies}: the website index when accounts are matched by {@code WEB}, else null. */
  Bitrix24Writer(Bitrix24Calls calls, Bitrix24UserFields userFields, Bitrix24Config config,
      @Nullable Bitrix24CompanyIndex companies) {
    this.calls = calls;
    this.userFields = userFields;
    this.config = config;
    this.companies = companies;
  }

  WriteResult upsert(EntityLevel level, List<PqlUpdate> batch) {
    if (batch.size() > MAX_BATCH) {
      throw new IllegalArgumentException("Bitrix24 takes at most " + MAX_BATCH + " commands per batch, got "
          + batch.size());
    }
    BitrixEntity entity = level == EntityLevel.USER ? config.userEntity() : config.accountEntity();
    Bitrix24Fields.EnumIds ids = userFields.enumIds(entity);
    WriteResults results = new WriteResults();
    Map<String, PqlUpdate> byKey = new LinkedHashMap<>();
    List<BatchCommand> commands = new ArrayList<>();
    for (PqlUpdate update : batch) {
      if (ids.status().isEmpty()) {
        results.fail(update.entity(), ErrorCategory.INVALID_REQUEST, FIELDS_MISSING, Bitrix24Fields.STATUS
            + " is missing on " + entity.lower() + " or has no items; run `pql setup`");
      } else {
        String key = "w" + commands.size();
        byKey.put(key, update);
        commands.add(command(key, entity, update, ids));
      }
    }
    if (!commands.isEmpty()) {
      collect(calls.batch(commands), byKey, results);
    }
    WriteResult result = results.result();
    if (entity == BitrixEntity.COMPANY && companies != null) {
      keepIndex(companies, byKey.values(), result);
    }
    return result;
  }

  private BatchCommand command(String key, BitrixEntity entity, PqlUpdate update, Bitrix24Fields.EnumIds ids) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("entityTypeId", Integer.toString(entity.typeId()));
    if (update.recordId() != null) {
      params.put("id", update.recordId());
    }
    params.put("useOriginalUfNames", "Y");
    params.putAll(Bitrix24Fields.params(update.fields(), ids));
    if (update.recordId() != null) {
      return new BatchCommand(key, "crm.item.update", params);
    }
    params.putAll(identity(entity, update.key().value()));
    return new BatchCommand(key, "crm.item.add", params);
  }

  /** Created companies join the index; companies deleted on the portal (NOT_FOUND on update) leave it. */
  private static void keepIndex(Bitrix24CompanyIndex index, Collection<PqlUpdate> sent, WriteResult result) {
    Map<EntityRef, PqlUpdate> byEntity = new HashMap<>();
    sent.forEach(update -> byEntity.put(update.entity(), update));
    result.written().forEach((entity, id) -> {
      PqlUpdate update = byEntity.get(entity);
      if (update != null && update.recordId() == null) {
        index.created(id, update.key().value());
      }
    });
    for (RecordError error : result.failed()) {
      PqlUpdate update = byEntity.get(error.entity());
      if (update != null && update.recordId() != null && error.category() == ErrorCategory.NOT_FOUND) {
        index.forget(update.recordId());
      }
    }
  }

  /**
   * What a created record needs to be found next time: the email (multi-field), the website ({@code WEB}
   * multi-field) or the account key field.
   */
  private Map<String, String> identity(BitrixEntity entity, String value) {
    Map<String, String> params = new LinkedHashMap<>();
    if (entity == BitrixEntity.COMPANY) {
      params.put("fields[title]", value);
      if (config.matchesWeb()) {
        params.put("fields[fm][0][typeId]", "WEB");
        params.put("fields[fm][0][valueType]", "WORK");
        params.put("fields[fm][0][value]", value);
      } else {
        params.put("fields[" + config.accountField() + "]", value);
      }
      return params;
    }
    params.put(entity == BitrixEntity.LEAD ? "fields[title]" : "fields[name]", value);
    params.put("fields[fm][0][typeId]", "EMAIL");
    params.put("fields[fm][0][valueType]", "WORK");
    params.put("fields[fm][0][value]", value);
    return params;
  }

  private void collect(Bitrix24Calls.BatchResults answers, Map<String, PqlUpdate> byKey, WriteResults results) {
    byKey.forEach((key, update) -> {
      JsonNode result = answers.results().get(key);
      BatchResponse.CommandError error = answers.errors().get(key);
      if (result != null && result.path("item").hasNonNull("id")) {
        results.written(update.entity(), result.path("item").path("id").asText());
      } else if (error != null) {
        String code = error.error().isEmpty() ? "ERROR" : error.error();
        results.fail(update.entity(), Bitrix24Categories.of(0, error.error()), code,
            calls.errors().fromCommand(error, "batch crm.item").getMessage());
      }
    });
    results.failUnresolved(List.copyOf(byKey.values()), ErrorCategory.TRANSIENT, WriteResults.NO_RESULT,
        "Bitrix24 returned no result for this record");
  }
}
