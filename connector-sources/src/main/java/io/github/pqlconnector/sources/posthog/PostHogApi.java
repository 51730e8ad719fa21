package io.github.pqlconnector.sources.posthog;

import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Streaming;

/**
 * PostHog's query API: {@code POST /api/projects/:project_id/query/} with a HogQL query, {@code Authorization:
 * Bearer <personal API key>}. The answer ({@code columns}, {@code results} rows, {@code hasMore}…) is streamed and
 * read row by row. Limits (cloud): 2400/hour, 240/minute, 3 concurrent queries.
 */
interface PostHogApi {
  @Streaming
  @POST("api/projects/{projectId}/query/")
  Call<ResponseBody> query(@Path("projectId") String projectId, @Body QueryRequest request);
}
