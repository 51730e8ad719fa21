package io.github.pqlconnector.bitrix24.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a legacy list method ({@code crm.deal.list}, {@code crm.lead.list}; crm-deal-list.md): {@code
 * select}, {@code order}, {@code filter} with operator prefixes ({@code >=DATE_MODIFY}, {@code @CATEGORY_ID} takes an
 * array) and {@code start}. {@link #after} pages the fast way (settings/performance/huge-data.md): ordered by {@code
 * ID}, filtered {@code >ID} the last id read, {@code start = -1} so the portal does not count the total.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LegacyListRequest(List<String> select, Map<String, String> order, Map<String, Object> filter,
    @Nullable Integer start) {
  /** No {@code total}, no {@code next}: the page is chosen by the {@code >ID} filter. */
  public static final int NO_COUNT = -1;

  public LegacyListRequest {
    select = List.copyOf(select);
    order = new LinkedHashMap<>(order);
    filter = new LinkedHashMap<>(filter);
  }

  /** The items matching {@code filter}, ordered by ID, without the count; {@link #after} gives each page. */
  public static LegacyListRequest byId(List<String> select, Map<String, Object> filter) {
    return new LegacyListRequest(select, Map.of("ID", "ASC"), filter, NO_COUNT);
  }

  /** This request for the page after the item {@code lastId}. */
  public LegacyListRequest after(long lastId) {
    Map<String, Object> paged = new LinkedHashMap<>(filter);
    paged.put(">ID", lastId);
    return new LegacyListRequest(select, order, paged, NO_COUNT);
  }
}
