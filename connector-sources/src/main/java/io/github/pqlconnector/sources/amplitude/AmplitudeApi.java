package io.github.pqlconnector.sources.amplitude;

import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;
import retrofit2.http.Streaming;

/**
 * Amplitude's Export API on {@code https://amplitude.com/} (EU {@code https://analytics.eu.amplitude.com/}), Basic
 * auth with the API key and secret key. {@code start}/{@code end} are upload hours {@code YYYYMMDDTHH}, both
 * inclusive. The answer is a zip of gzipped JSON Lines files; 404 means no data in the range, 400 a response over
 * 4 GB.
 */
interface AmplitudeApi {
  @Streaming
  @GET("api/2/export")
  Call<ResponseBody> export(@Query("start") String start, @Query("end") String end);
}
