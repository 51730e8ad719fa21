package io.github.pqlconnector.bitrix24.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * crm.company.list parameters (crm-company-list.md, list-methods-pecularities.md): {@code select} names multi-fields
 * such as {@code WEB} explicitly (no mask selects them), {@code order}, {@code filter} with operator prefixes ({@code
 * >=DATE_MODIFY}), {@code start} = the offset of the page, a multiple of 50.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompanyListRequest(List<String> select, Map<String, String> order, Map<String, String> filter,
    @Nullable Integer start) {

  public CompanyListRequest {
    select = List.copyOf(select);
    order = new LinkedHashMap<>(order);
    filter = new LinkedHashMap<>(filter);
  }

  public CompanyListRequest at(int offset) {
    return new CompanyListRequest(select, order, filter, offset);
  }

  /** The same parameters as a {@code batch} command's query ({@code select[0]=ID&order[ID]=ASC&…}). */
  public Map<String, String> params() {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < select.size(); i++) {
      params.put("select[" + i + "]", select.get(i));
    }
    order.forEach((field, direction) -> params.put("order[" + field + "]", direction));
    filter.forEach((field, value) -> params.put("filter[" + field + "]", value));
    if (start != null) {
      params.put("start", Integer.toString(start));
    }
    return params;
  }
}
