package io.github.pqlconnector.hubspot;

import io.github.pqlconnector.core.http.VendorCall;
import io.github.pqlconnector.core.model.EntityLevel;
import io.github.pqlconnector.hubspot.api.HubSpotApi;
import io.github.pqlconnector.hubspot.api.HubSpotApiVersion;
import retrofit2.Call;

/**
 * What the destination's parts share: the Retrofit API, the version's path prefixes, the guarded {@link VendorCall}
 * and the object type written for each entity level.
 */
record HubSpotCalls(HubSpotApi api, HubSpotApiVersion version, VendorCall vendorCall,
    HubSpotConfig.ObjectTypes objectTypes) {

  String objects() {
    return version.objectsPath();
  }

  String properties() {
    return version.propertiesPath();
  }

  String associations() {
    return version.associationsPath();
  }

  String objectType(EntityLevel level) {
    return level == EntityLevel.USER ? objectTypes.user() : objectTypes.account();
  }

  /** One attempt, no retries: for {@code check()}. */
  <T> T probe(Call<T> call) {
    return vendorCall.probe(call);
  }

  <T> T execute(Call<T> call) {
    return vendorCall.execute(call);
  }

  /** A create: resent only when it certainly was not applied (see {@code VendorCall.executeCreate}). */
  <T> T create(Call<T> call) {
    return vendorCall.executeCreate(call);
  }

  <T> T search(Call<T> call) {
    return vendorCall.executeSearch(call);
  }
}
