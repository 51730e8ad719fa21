package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The companies of {@link FakePortal}: each with its {@code WEB} multi-field entries and {@code DATE_MODIFY} (portal
 * time, +03:00 like a Moscow portal), answering crm.company.list as the legacy list methods do: rows straight under
 * {@code result}, 50 per page from {@code start}, {@code total}, {@code next} while more follow, filters {@code
 * >DATE_MODIFY} / {@code >=DATE_MODIFY}, ordered by ID ascending.
 */
final class FakeCompanies {
  static final ZoneOffset PORTAL_ZONE = ZoneOffset.ofHours(3);
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final ObjectMapper JSON = new ObjectMapper();

  record Company(long id, List<String> web, Instant modified) {}

  /** One page: rows, and the total / next Bitrix24 reports with it. */
  record Page(ArrayNode rows, int total, Integer next) {}

  private final Map<Long, Company> companies = new ConcurrentSkipListMap<>();
  private final AtomicReference<Instant> now = new AtomicReference<>(Bitrix24Stubs.NOW);
  private final AtomicLong nextWebId = new AtomicLong(900);

  /** The portal's clock; every change to a company stamps it as DATE_MODIFY. */
  void at(Instant instant) {
    now.set(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  String now() {
    return format(now.get());
  }

  void put(long id, String... web) {
    companies.put(id, new Company(id, List.of(web), now.get()));
  }

  void clear() {
    companies.clear();
  }

  void delete(long id) {
    companies.remove(id);
  }

  boolean has(long id) {
    return companies.containsKey(id);
  }

  /** {@code filter} keys with their operator prefix, as Bitrix24 takes them ({@code >=DATE_MODIFY}). */
  Page list(Map<String, String> filter, int start) {
    List<Company> matching = new ArrayList<>();
    for (Company company : companies.values()) {
      if (matches(company, filter)) {
        matching.add(company);
      }
    }
    ArrayNode rows = JSON.createArrayNode();
    matching.stream().skip(start).limit(50).forEach(company -> rows.add(row(company)));
    Integer next = start + 50 < matching.size() ? start + 50 : null;
    return new Page(rows, matching.size(), next);
  }

  /** A crm.company.list body ({@code {select, order, filter, start}}) as the direct call sends it. */
  Page list(JsonNode body) {
    Map<String, String> filter = new LinkedHashMap<>();
    body.path("filter").fields().forEachRemaining(e -> filter.put(e.getKey(), e.getValue().asText()));
    return list(filter, body.path("start").asInt(0));
  }

  /** A batch command's query ({@code filter[>=DATE_MODIFY]=…&start=50}). */
  Page listCommand(Map<String, String> params) {
    Map<String, String> filter = new LinkedHashMap<>();
    params.forEach((key, value) -> {
      if (key.startsWith("filter[")) {
        filter.put(key.substring(7, key.length() - 1), value);
      }
    });
    return list(filter, Integer.parseInt(params.getOrDefault("start", "0")));
  }

  private static boolean matches(Company company, Map<String, String> filter) {
    for (Map.Entry<String, String> condition : filter.entrySet()) {
      Instant value = OffsetDateTime.parse(condition.getValue(), ISO).toInstant();
      boolean holds = switch (condition.getKey()) {
        case ">=DATE_MODIFY" -> !company.modified().isBefore(value);
        case ">DATE_MODIFY" -> company.modified().isAfter(value);
        default -> throw new IllegalArgumentException("the fake portal does not filter on " + condition.getKey());
      };
      if (!holds) {
        return false;
      }
    }
    return true;
  }

  private ObjectNode row(Company company) {
    ObjectNode row = JSON.createObjectNode().put("ID", Long.toString(company.id()));
    if (!company.web().isEmpty()) {   // a company without websites has no WEB key at all
      ArrayNode web = row.putArray("WEB");
      company.web().forEach(value -> web.addObject().put("ID", Long.toString(nextWebId.incrementAndGet()))
          .put("VALUE_TYPE", "WORK")
          .put("VALUE", value).put("TYPE_ID", "WEB"));
    }
    row.put("DATE_MODIFY", format(company.modified()));
    return row;
  }

  private static String format(Instant instant) {
    return ISO.format(instant.atOffset(PORTAL_ZONE));
  }
}
