package io.github.pqlconnector.bitrix24.api;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** crm.activity.list parameters: the activities of one record, newest first. */
public record ActivityListRequest(Map<String, String> order, Map<String, Object> filter, List<String> select,
    @Nullable Integer start) {

  public ActivityListRequest {
    order = Map.copyOf(order);
    filter = Map.copyOf(filter);
    select = List.copyOf(select);
  }

  public static ActivityListRequest ofOwner(int ownerTypeId, long ownerId) {
    return new ActivityListRequest(Map.of("ID", "DESC"), Map.of("OWNER_TYPE_ID", ownerTypeId, "OWNER_ID", ownerId),
        List.of("ID", "DESCRIPTION"), null);
  }

  public ActivityListRequest from(int next) {
    return new ActivityListRequest(order, filter, select, next);
  }
}
