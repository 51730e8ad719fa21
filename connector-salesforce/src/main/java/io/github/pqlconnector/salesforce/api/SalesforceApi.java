package io.github.pqlconnector.salesforce.api;

import java.util.List;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.HTTP;
import retrofit2.http.Headers;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Url;

/**
 * Every Salesforce call the destination makes after authentication. The first argument of most methods is the
 * version prefix {@code services/data/v67.0} (an encoded path, so the API version stays one config value); the host
 * is the {@code instance_url} of the current token, which {@code SalesforceHttp} puts on every request.
 * Failed calls are mapped by {@link SalesforceErrors}.
 */
public interface SalesforceApi {
  /** A SOQL query; the URL-encoded statement and headers together must stay under 16,384 bytes. */
  @GET("{data}/query")
  Call<QueryResponse> query(@Path(value = "data", encoded = true) String data, @Query("q") String soql);

  /** The next page of a query: the {@code nextRecordsUrl} as Salesforce gave it ({@code /services/data/…}). */
  @GET
  Call<QueryResponse> queryMore(@Url String nextRecordsUrl);

  @GET("{data}/sobjects/{object}/describe")
  Call<DescribeResponse> describe(@Path(value = "data", encoded = true) String data, @Path("object") String object);

  /** Tooling API: one custom field; needs "Customize Application". Grants no field-level security. */
  @POST("{data}/tooling/sobjects/CustomField")
  Call<SaveResult> createCustomField(@Path(value = "data", encoded = true) String data,
      @Body CustomFieldRequest request);

  /** sObject Collections update: up to 200 records with {@code id}, answered 200 with one result per record. */
  @PATCH("{data}/composite/sobjects")
  Call<List<SaveResult>> updateRecords(@Path(value = "data", encoded = true) String data,
      @Body CollectionRequest request);

  /** sObject Collections create: up to 200 records without {@code id}. */
  @POST("{data}/composite/sobjects")
  Call<List<SaveResult>> createRecords(@Path(value = "data", encoded = true) String data,
      @Body CollectionRequest request);

  @POST("{data}/jobs/ingest")
  Call<JobInfo> createJob(@Path(value = "data", encoded = true) String data, @Body IngestJobRequest request);

  /** Uploads the job's CSV ({@code text/csv}); 201 with no body. */
  @PUT("{data}/jobs/ingest/{jobId}/batches")
  Call<Void> uploadJobData(@Path(value = "data", encoded = true) String data, @Path("jobId") String jobId,
      @Body RequestBody csv);

  @PATCH("{data}/jobs/ingest/{jobId}")
  Call<JobInfo> closeJob(@Path(value = "data", encoded = true) String data, @Path("jobId") String jobId,
      @Body JobStateRequest request);

  @GET("{data}/jobs/ingest/{jobId}")
  Call<JobInfo> job(@Path(value = "data", encoded = true) String data, @Path("jobId") String jobId);

  @Headers("Accept: text/csv")
  @GET("{data}/jobs/ingest/{jobId}/successfulResults/")
  Call<ResponseBody> successfulResults(@Path(value = "data", encoded = true) String data, @Path("jobId") String jobId);

  @Headers("Accept: text/csv")
  @GET("{data}/jobs/ingest/{jobId}/failedResults/")
  Call<ResponseBody> failedResults(@Path(value = "data", encoded = true) String data, @Path("jobId") String jobId);

  @Headers("Accept: text/csv")
  @GET("{data}/jobs/ingest/{jobId}/unprocessedrecords/")
  Call<ResponseBody> unprocessedRecords(@Path(value = "data", encoded = true) String data,
      @Path("jobId") String jobId);

  /** Aborts a job that will not be waited for any longer ({@code {"state":"Aborted"}}). */
  @HTTP(method = "PATCH", path = "{data}/jobs/ingest/{jobId}", hasBody = true)
  Call<JobInfo> abortJob(@Path(value = "data", encoded = true) String data, @Path("jobId") String jobId,
      @Body JobStateRequest request);
}
