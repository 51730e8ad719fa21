package io.github.pqlconnector.bitrix24.api;

import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Tag;

/**
 * The Bitrix24 REST methods the destination calls, relative to the portal's REST base ({@code
 * https://<portal>/rest/}; the webhook's user id and secret, or the OAuth {@code auth} parameter, are added by an
 * interceptor so they never sit in Retrofit's URLs). A {@code batch} carries the methods it runs as a tag, so the
 * per-method time budget can hold it back while one of them is blocked.
 */
public interface Bitrix24Api {
  /** Up to 50 commands in one request (b24restdocs settings/how-to-call-rest-api/batch.md). */
  @POST("batch")
  Call<BatchResponse> batch(@Body BatchRequest request, @Tag InvokedMethods methods);

  /** crm.item.list: 50 items per page, {@code next} for the following one. */
  @POST("crm.item.list")
  Call<ItemListResponse> listItems(@Body ItemListRequest request);

  /** crm.company.list (legacy): the only company list that selects the {@code WEB} multi-field; 50 per page. */
  @POST("crm.company.list")
  Call<CompanyListResponse> listCompanies(@Body CompanyListRequest request);

  /** crm.deal.list (legacy): deals by stage group, pipeline and modification time; 50 per page. */
  @POST("crm.deal.list")
  Call<LegacyListResponse> listDeals(@Body LegacyListRequest request);

  /** crm.lead.list (legacy): leads by status group and modification time; 50 per page. */
  @POST("crm.lead.list")
  Call<LegacyListResponse> listLeads(@Body LegacyListRequest request);

  /** crm.lead|contact|company.userfield.add; {@code entity} is {@code lead}, {@code contact} or {@code company}. */
  @POST("crm.{entity}.userfield.add")
  Call<UserFieldAddResponse> addUserField(@Path("entity") String entity, @Body UserFieldAddRequest request);
}
