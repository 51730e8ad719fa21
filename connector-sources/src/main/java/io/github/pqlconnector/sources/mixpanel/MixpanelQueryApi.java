package io.github.pqlconnector.sources.mixpanel;

import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.POST;
import retrofit2.http.Query;

/**
 * Mixpanel's Engage (profiles) query on {@code https://mixpanel.com/} (EU {@code eu.mixpanel.com}, India {@code
 * in.mixpanel.com}): a form POST; {@code data_group_id} selects group profiles; pages are 0-based and a page after
 * the first needs the first page's {@code session_id}. Limits: 60 queries/hour, 5 concurrent. Null fields are left
 * out of the form.
 */
interface MixpanelQueryApi {
  @FormUrlEncoded
  @POST("api/query/engage")
  Call<EngagePage> engage(@Query("project_id") long projectId, @Field("page") @Nullable Integer page,
      @Field("session_id") @Nullable String sessionId, @Field("data_group_id") @Nullable String dataGroupId,
      @Field("distinct_ids") @Nullable String distinctIds);
}
