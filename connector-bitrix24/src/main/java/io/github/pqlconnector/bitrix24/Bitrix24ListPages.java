package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.bitrix24.api.LegacyListRequest;
import io.github.pqlconnector.bitrix24.api.LegacyListResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;

/**
 * Every item a legacy list method gives for a filter, the way Bitrix24 advises for large reads
 * (settings/performance/huge-data.md): ordered by {@code ID}, each page filtered {@code >ID} the last id of the one
 * before, {@code start = -1} so no page counts the total; fewer than 50 rows ends it. The pages depend on each other,
 * so they are plain calls one after another, each on the guarded path ({@link Bitrix24Calls#execute}).
 */
final class Bitrix24ListPages {
  static final int PAGE = 50;

  private final Bitrix24Calls calls;

  Bitrix24ListPages(Bitrix24Calls calls) {
    this.calls = calls;
  }

  /** The rows, and the portal's time ({@code time.date_start}) when the first page was asked for. */
  record Read(List<JsonNode> rows, @Nullable String portalTime) {}

  Read all(String method, LegacyListRequest request, Function<LegacyListRequest, Call<LegacyListResponse>> list) {
    List<JsonNode> rows = new ArrayList<>();
    String portalTime = null;
    long lastId = 0;
    while (true) {
      LegacyListResponse page = calls.execute(list.apply(request.after(lastId)), method, LegacyListResponse::time);
      if (portalTime == null && page.time() != null) {
        portalTime = page.time().dateStart();
      }
      rows.addAll(page.rows());
      long next = page.rows().isEmpty() ? lastId : id(page.rows().get(page.rows().size() - 1));
      if (page.rows().size() < PAGE || next <= lastId) {   // a last id that does not grow would loop for ever
        return new Read(rows, portalTime);
      }
      lastId = next;
    }
  }

  static long id(JsonNode row) {
    try {
      return Long.parseLong(row.path("ID").asText(""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
