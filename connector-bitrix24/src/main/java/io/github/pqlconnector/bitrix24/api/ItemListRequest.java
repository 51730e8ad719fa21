package io.github.pqlconnector.bitrix24.api;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * crm.item.list parameters. {@code useOriginalUfNames: "Y"} makes user fields read and filter as {@code
 * UF_CRM_PQL_DOMAIN} instead of the camelCase form (crm-item-list.md).
 */
public record ItemListRequest(int entityTypeId, List<String> select, Map<String, Object> filter,
    Map<String, String> order, @Nullable Integer start, String useOriginalUfNames) {

  public ItemListRequest {
    select = List.copyOf(select);
    filter = Map.copyOf(filter);
    order = Map.copyOf(order);
  }

  public static ItemListRequest of(int entityTypeId, List<String> select, Map<String, Object> filter) {
    return new ItemListRequest(entityTypeId, select, filter, Map.of("id", "ASC"), null, "Y");
  }

  public ItemListRequest from(int next) {
    return new ItemListRequest(entityTypeId, select, filter, order, next, useOriginalUfNames);
  }
}
