package io.github.pqlconnector.sources.mixpanel;

import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;
import retrofit2.http.Streaming;

/**
 * Mixpanel's Raw Event Export API on {@code https://data.mixpanel.com/} (EU {@code data-eu}, India {@code data-in}):
 * JSON Lines, one event per line, dates inclusive ({@code yyyy-MM-dd}, UTC for projects created after 2023).
 * {@code @Streaming}: the body is read as it arrives, never buffered. Limits: 60 queries/hour, 3/second, 100
 * concurrent.
 */
interface MixpanelExportApi {
  @Streaming
  @GET("api/2.0/export")
  Call<ResponseBody> export(@Query("project_id") long projectId, @Query("from_date") String fromDate,
      @Query("to_date") String toDate, @Query("time_in_ms") boolean timeInMs);
}
