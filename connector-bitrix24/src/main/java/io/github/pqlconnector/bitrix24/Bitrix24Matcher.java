package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.bitrix24.api.BatchCommand;
import io.github.pqlconnector.bitrix24.api.BatchResponse;
import io.github.pqlconnector.bitrix24.api.ItemListRequest;
import io.github.pqlconnector.bitrix24.api.ItemListResponse;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.core.spi.CrmRecord;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.MatchResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Finds Bitrix24 records for match keys. Users: {@code crm.duplicate.findbycomm} by {@code EMAIL} on the user entity,
 * one email per command so each answer names its email (the method takes up to 20 values but answers only ids), 50
 * commands per {@code batch}. Accounts: by default through the {@link Bitrix24CompanyIndex} of the companies' websites
 * ({@code WEB}); with a field as {@code accountField}, {@code crm.item.list} filtered {@code @<accountField>} (IN) over
 * up to 50 values per page. Several records for one key resolve to the lowest id (the oldest). Owners ({@code
 * assignedById}) are read only when tasks go to the record's owner: one more {@code crm.item.list} per 50 records.
 * Keys are compared lowercased.
 */
final class Bitrix24Matcher {
  static final int CHUNK = 50;

  private final Bitrix24Calls calls;
  private final BitrixEntity userEntity;
  private final BitrixEntity accountEntity;
  private final String accountField;
  private final boolean needOwners;
  private final @Nullable Bitrix24CompanyIndex companies;

  /** {@code companies}: the website index when accounts are matched by {@code WEB}, else null. */
  Bitrix24Matcher(Bitrix24Calls calls, Bitrix24Config config, boolean needOwners,
      @Nullable Bitrix24CompanyIndex companies) {
    this.calls = calls;
    this.userEntity = config.userEntity();
    this.accountEntity = config.accountEntity();
    this.accountField = config.accountField();
    this.needOwners = needOwners;
    this.companies = companies;
  }

  MatchResult match(EntityLevel level, List<MatchKey> keys) {
    Map<String, String> byLower = new LinkedHashMap<>();
    keys.forEach(key -> byLower.putIfAbsent(lower(key.value()), key.value()));
    List<String> values = List.copyOf(byLower.keySet());
    Map<String, CrmRecord> found = new HashMap<>();
    for (int from = 0; from < values.size(); from += CHUNK) {
      List<String> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
      Map<String, CrmRecord> chunkFound = level == EntityLevel.USER ? users(chunk)
          : companies != null ? websites(companies, chunk) : accounts(chunk);
      chunkFound.forEach((value, record) -> found.put(byLower.get(value), record));
    }
    return new MatchResult(found);
  }

  private Map<String, CrmRecord> websites(Bitrix24CompanyIndex index, List<String> domains) {
    Map<String, Long> ids = index.find(domains);
    Map<Long, String> owners = needOwners && !ids.isEmpty()
        ? owners(accountEntity, List.copyOf(new TreeSet<>(ids.values()))) : Map.of();
    Map<String, CrmRecord> found = new HashMap<>();
    ids.forEach((domain, id) -> found.put(domain, new CrmRecord(Long.toString(id), owners.get(id))));
    return found;
  }

  private Map<String, CrmRecord> users(List<String> emails) {
    List<BatchCommand> commands = new ArrayList<>();
    for (int i = 0; i < emails.size(); i++) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("type", "EMAIL");
      params.put("entity_type", userEntity.upper());
      params.put("values[0]", emails.get(i));
      commands.add(new BatchCommand("e" + i, "crm.duplicate.findbycomm", params));
    }
    Bitrix24Calls.BatchResults answers = calls.batch(commands);
    Map<String, Long> ids = new LinkedHashMap<>();
    for (int i = 0; i < emails.size(); i++) {
      BatchResponse.CommandError error = answers.errors().get("e" + i);
      if (error != null) {
        throw calls.failure(error, "crm.duplicate.findbycomm");
      }
      String email = emails.get(i);
      lowestId(answers.results().get("e" + i)).ifPresent(id -> ids.put(email, id));
    }
    Map<Long, String> owners = needOwners && !ids.isEmpty() ? owners(userEntity, List.copyOf(ids.values())) : Map.of();
    Map<String, CrmRecord> found = new HashMap<>();
    ids.forEach((email, id) -> found.put(email, new CrmRecord(Long.toString(id), owners.get(id))));
    return found;
  }

  /** {@code {"CONTACT":[275,2297]}} → 275; {@code []} (nothing found) → empty. */
  private Optional<Long> lowestId(JsonNode result) {
    JsonNode list = result == null ? null : result.get(userEntity.upper());
    if (list == null || !list.isArray()) {
      return Optional.empty();
    }
    long lowest = Long.MAX_VALUE;
    for (JsonNode id : list) {
      lowest = Math.min(lowest, id.asLong());
    }
    return lowest == Long.MAX_VALUE ? Optional.empty() : Optional.of(lowest);
  }

  private Map<Long, String> owners(BitrixEntity entity, List<Long> ids) {
    ItemListRequest request = ItemListRequest.of(entity.typeId(), List.of("id", "assignedById"),
        Map.of("@id", ids));
    Map<Long, String> owners = new HashMap<>();
    list(request).forEach(item -> owner(item).ifPresent(owner -> owners.put(item.path("id").asLong(), owner)));
    return owners;
  }

  private Map<String, CrmRecord> accounts(List<String> values) {
    ItemListRequest request = ItemListRequest.of(accountEntity.typeId(), List.of("id", "assignedById", accountField),
        Map.of("@" + accountField, values));
    Map<String, CrmRecord> found = new HashMap<>();
    for (JsonNode item : list(request)) {   // ordered by id: the first per value is the oldest
      String value = lower(item.path(accountField).asText(""));
      if (!value.isEmpty() && !found.containsKey(value)) {
        found.put(value, new CrmRecord(item.path("id").asText(), owner(item).orElse(null)));
      }
    }
    return found;
  }

  private List<JsonNode> list(ItemListRequest first) {
    List<JsonNode> items = new ArrayList<>();
    Optional<Integer> next = Optional.empty();
    do {
      ItemListRequest page = next.map(first::from).orElse(first);
      ItemListResponse response = calls.execute(calls.api().listItems(page), "crm.item.list", ItemListResponse::time);
      items.addAll(response.items());
      next = response.nextStart();
    } while (next.isPresent());
    return items;
  }

  private static Optional<String> owner(JsonNode item) {
    JsonNode owner = item.get("assignedById");
    return owner == null || owner.isNull() || owner.asText().isBlank() ? Optional.empty() : Optional.of(owner.asText());
  }

  private static String lower(String value) {
    return value.trim().toLowerCase(Locale.ROOT);
  }
}
