package io.github.pqlconnector.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pqlconnector.core.http.VendorCall;
import io.github.pqlconnector.salesforce.api.QueryResponse;
import io.github.pqlconnector.salesforce.api.SalesforceApi;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import retrofit2.Call;

/**
 * What the destination's parts share: the Retrofit API, the {@code services/data/vXX.X} prefix, the guarded
 * {@link VendorCall} and the daily allocation, checked before every call so the run stops at the reserve.
 */
record SalesforceCalls(SalesforceApi api, String data, VendorCall vendorCall, DailyAllocation daily) {

  <T> T execute(Call<T> call) {
    daily.ensureAvailable();
    return vendorCall.execute(call);
  }

  /** Runs a SOQL statement and hands over each page's records in turn, following {@code nextRecordsUrl} to the end. */
  void queryPages(String soql, Consumer<List<JsonNode>> page) {
    QueryResponse response = execute(api.query(data, soql));
    while (true) {
      page.accept(response.records());
      Optional<String> next = response.next();
      if (next.isEmpty()) {
        return;
      }
      response = execute(api.queryMore(next.get()));
    }
  }

  /** A create: resent only when it certainly was not applied (see {@code VendorCall.executeCreate}). */
  <T> T create(Call<T> call) {
    daily.ensureAvailable();
    return vendorCall.executeCreate(call);
  }

  /** One attempt, no retry: for the read-only check, so an unreachable org is reported at once. */
  <T> T probe(Call<T> call) {
    return vendorCall.probe(call);
  }
}
