package io.github.pqlconnector.hubspot.api;

import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;

/**
 * Every HubSpot CRM call the destination makes. Paths are relative to the base URL ({@code https://api.hubapi.com/}
 * unless configured), and the first argument of each method is the version-dependent path prefix from {@link
 * HubSpotApiVersion}: {@code objects} takes {@link HubSpotApiVersion#objectsPath()}, {@code properties} takes {@link
 * HubSpotApiVersion#propertiesPath()}.
 *
 * <p>Why a prefix argument: {@code v3} puts the version before the area ({@code crm/v3/objects/contacts}) while dated
 * versions put it after ({@code crm/objects/2026-09/contacts}), so no single template with a {@code {version}} segment
 * fits both. Passing the whole prefix as an <em>encoded</em> {@code @Path} keeps each endpoint's tail declared here
 * (unlike {@code @Url}, which would move every path into string building), and one config value picks the shape.
 *
 * <p>Batch calls answer 200 (all inputs done) or 207 (some failed, listed in {@link BatchResponse#errors()}); both are
 * successful Retrofit responses. Anything else is a failed call: map it with {@link HubSpotErrors}.
 */
public interface HubSpotApi {

  /** Reads records by a unique property ({@code email} for contacts, a unique custom property for companies). */
  @POST("{objects}/{objectType}/batch/read")
  Call<BatchResponse> batchRead(@Path(value = "objects", encoded = true) String objects,
      @Path("objectType") String objectType, @Body BatchReadRequest request);

  /** CRM search: the fallback matcher (domain) and 4 requests/s per token. */
  @POST("{objects}/{objectType}/search")
  Call<SearchResponse> search(@Path(value = "objects", encoded = true) String objects,
      @Path("objectType") String objectType, @Body SearchRequest request);

  /**
   * Reads the records associated with each input record (v4 associations, up to 1,000 inputs); {@code associations}
   * takes {@link HubSpotApiVersion#associationsPath()}. Answers 200, or 207 when some inputs have none.
   */
  @POST("{associations}/{fromType}/{toType}/batch/read")
  Call<AssociationReadResponse> readAssociations(@Path(value = "associations", encoded = true) String associations,
      @Path("fromType") String fromType, @Path("toType") String toType, @Body AssociationReadRequest request);

  /** Updates records by id (or by a unique {@code idProperty}); never creates. */
  @POST("{objects}/{objectType}/batch/update")
  Call<BatchResponse> batchUpdate(@Path(value = "objects", encoded = true) String objects,
      @Path("objectType") String objectType, @Body BatchUpdateRequest request);

  /** Creates or updates records by a unique {@code idProperty}; {@link ObjectResponse#created()} tells which. */
  @POST("{objects}/{objectType}/batch/upsert")
  Call<BatchResponse> batchUpsert(@Path(value = "objects", encoded = true) String objects,
      @Path("objectType") String objectType, @Body BatchUpsertRequest request);

  /** Creates records; answers 201, or 207 only when every input carries a unique {@code objectWriteTraceId}. */
  @POST("{objects}/{objectType}/batch/create")
  Call<BatchResponse> batchCreate(@Path(value = "objects", encoded = true) String objects,
      @Path("objectType") String objectType, @Body BatchCreateRequest request);

  /** Reads a property group; a group that does not exist is a 404. */
  @GET("{properties}/{objectType}/groups/{groupName}")
  Call<PropertyGroupResponse> readPropertyGroup(@Path(value = "properties", encoded = true) String properties,
      @Path("objectType") String objectType, @Path("groupName") String groupName);

  /** Creates a property group (201); one that already exists is a 409. */
  @POST("{properties}/{objectType}/groups")
  Call<PropertyGroupResponse> createPropertyGroup(@Path(value = "properties", encoded = true) String properties,
      @Path("objectType") String objectType, @Body PropertyGroupCreateRequest request);

  /** Reads one property definition; a property that does not exist is a 404. */
  @GET("{properties}/{objectType}/{propertyName}")
  Call<PropertyResponse> readProperty(@Path(value = "properties", encoded = true) String properties,
      @Path("objectType") String objectType, @Path("propertyName") String propertyName);

  /** Creates a property (201); one that already exists is a 409. */
  @POST("{properties}/{objectType}")
  Call<PropertyResponse> createProperty(@Path(value = "properties", encoded = true) String properties,
      @Path("objectType") String objectType, @Body PropertyCreateRequest request);
}
