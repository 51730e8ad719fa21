package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.bitrix24.api.BatchCommand;
import io.github.pqlconnector.bitrix24.api.BatchResponse;
import io.github.pqlconnector.bitrix24.api.CompanyListRequest;
import io.github.pqlconnector.bitrix24.api.CompanyListResponse;
import io.github.pqlconnector.core.spi.IndexSummary;
import io.github.pqlconnector.core.spi.IndexUpdate;
import io.github.pqlconnector.core.spi.RecordIndex;
import io.github.pqlconnector.core.sync.MatchKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Domain → company, from the websites companies carry in their {@code WEB} multi-field (several per company), kept in
 * the destination's {@link RecordIndex} between runs. The legacy list filters on {@code WEB} are exact-match only
 * ({@code https://www.acme.io/} is not found as {@code acme.io}), so companies are read instead: {@code
 * crm.company.list} selecting {@code ID, WEB, DATE_MODIFY} ordered by {@code ID}, 50 per page; the first page in a
 * plain call (it says the total), the others as {@code start} offsets, 50 list commands per {@code batch}. Once per run
 * (once per destination instance) the index is refreshed: everything on the first run, then only companies with {@code
 * DATE_MODIFY} at or after the portal time the previous refresh started ({@code time.date_start}), each company's
 * entries replaced by what its websites say now. A domain on several companies matches the lowest company id.
 */
final class Bitrix24CompanyIndex {
  static final String INDEX = "company-domains";
  static final String METHOD = "crm.company.list";
  static final int PAGE = 50;
  static final int SAMPLE = 10;
  private static final Logger log = LoggerFactory.getLogger(Bitrix24CompanyIndex.class);

  private final Bitrix24Calls calls;
  private final RecordIndex index;
  private volatile @Nullable Refresh refreshed;

  /** What this run's refresh read: companies, and whether it was a full read. */
  private record Refresh(int companies, boolean full) {}

  Bitrix24CompanyIndex(Bitrix24Calls calls, RecordIndex index) {
    this.calls = calls;
    this.index = index;
  }

  /** The lowest company id per domain found, by the domain as given; refreshes the index first, once per run. */
  Map<String, Long> find(Collection<String> domains) {
    refresh();
    Map<String, String> byKey = new LinkedHashMap<>();
    domains.forEach(domain -> byKey.putIfAbsent(MatchKeys.domain(domain), domain));
    Map<String, Long> found = new LinkedHashMap<>();
    index.lookup(byKey.keySet()).forEach((key, ids) -> lowest(ids).ifPresent(id -> found.put(byKey.get(key), id)));
    return found;
  }

  /** A company the portal no longer has (a write answered NOT_FOUND): never matched again. */
  void forget(String companyId) {
    index.remove(companyId);
  }

  /** A company the connector just created with this website. */
  void created(String companyId, String domain) {
    index.apply(new IndexUpdate(Map.of(companyId, Set.of(MatchKeys.domain(domain))), false, null));
  }

  synchronized void refresh() {
    if (refreshed != null) {
      return;
    }
    Optional<String> since = index.watermark();
    Map<String, String> filter = since.map(w -> Map.of(">=DATE_MODIFY", w)).orElse(Map.of());
    CompanyListRequest first = new CompanyListRequest(List.of("ID", "WEB", "DATE_MODIFY"), Map.of("ID", "ASC"),
        filter, 0);
    CompanyListResponse page = calls.execute(calls.api().listCompanies(first), METHOD, CompanyListResponse::time);
    Map<String, Set<String>> keys = new LinkedHashMap<>();
    add(keys, page.companies());
    if (page.next() != null) {
      rest(first, page.next(), page.total() == null ? page.next() + PAGE : page.total(), keys);
    }
    String watermark = page.time() == null ? null : page.time().dateStart();
    index.apply(new IndexUpdate(keys, since.isEmpty(), watermark));
    refreshed = new Refresh(keys.size(), since.isEmpty());
    log.info("Bitrix24 company index: read {} companies ({})", keys.size(), since.isEmpty() ? "all" : "changed");
  }

  /** Pages {@code from}.. up to {@code total}, as offsets: 50 commands per batch ({@link Bitrix24Calls#batch}). */
  private void rest(CompanyListRequest first, int from, int total, Map<String, Set<String>> keys) {
    List<BatchCommand> commands = new ArrayList<>();
    for (int start = from; start < total; start += PAGE) {
      commands.add(new BatchCommand("p" + start, METHOD, first.at(start).params()));
    }
    Bitrix24Calls.BatchResults answers = calls.batch(commands);
    for (BatchCommand command : commands) {
      JsonNode result = answers.results().get(command.key());
      if (result == null) {
        BatchResponse.CommandError error = answers.errors().get(command.key());
        throw calls.failure(error != null ? error : new BatchResponse.CommandError("NO_RESULT",
            "no answer for page " + command.key()), METHOD);
      }
      List<JsonNode> rows = new ArrayList<>();
      result.forEach(rows::add);
      add(keys, rows);
    }
  }

  private static void add(Map<String, Set<String>> keys, List<JsonNode> companies) {
    for (JsonNode company : companies) {
      String id = company.path("ID").asText("");
      if (!id.isEmpty()) {
        keys.put(id, domains(company.path("WEB")));
      }
    }
  }

  /** {@code [{"ID":"31","VALUE_TYPE":"WORK","VALUE":"https://www.acme.io/","TYPE_ID":"WEB"}]} → {@code {acme.io}}. */
  static Set<String> domains(JsonNode web) {
    Set<String> domains = new LinkedHashSet<>();
    for (JsonNode entry : web) {
      String domain = MatchKeys.domain(entry.path("VALUE").asText(""));
      if (!domain.isEmpty() && domain.length() <= 253 && domain.indexOf(' ') < 0) {
        domains.add(domain);
      }
    }
    return domains;
  }

  private static Optional<Long> lowest(List<String> ids) {
    return ids.stream().map(Bitrix24CompanyIndex::number).filter(id -> id >= 0).min(Long::compare);
  }

  private static long number(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** For the run report: what the index holds and which domains several companies share. */
  List<String> notes() {
    if (refreshed == null) {
      return List.of();
    }
    IndexSummary summary = index.summary(SAMPLE);
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.US, "Bitrix24 company index (WEB): %,d companies indexed; %,d read this run (%s)",
        summary.records(), refreshed.companies(), refreshed.full() ? "full read" : "changed since the last run"));
    if (summary.sharedKeys() > 0) {
      String count = summary.sharedKeys() == 1 ? "1 domain is"
          : String.format(Locale.US, "%,d domains are", summary.sharedKeys());
      notes.add(count + " on several companies, each matched to the lowest company id: " + shared(summary)
          + (summary.sharedKeys() > SAMPLE ? "; …" : ""));
    }
    return notes;
  }

  private static String shared(IndexSummary summary) {
    return summary.sharedSample().entrySet().stream().map(e -> {
      List<Long> ids = e.getValue().stream().map(Bitrix24CompanyIndex::number).sorted().toList();
      return e.getKey() + " → " + ids.get(0) + " (also " + ids.subList(1, ids.size()).stream().map(String::valueOf)
          .collect(Collectors.joining(", ")) + ")";
    }).collect(Collectors.joining("; "));
  }
}
