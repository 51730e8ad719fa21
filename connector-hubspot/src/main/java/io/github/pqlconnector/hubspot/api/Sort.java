package io.github.pqlconnector.hubspot.api;

/** One sort of a CRM search: a property and {@code ASCENDING} or {@code DESCENDING} (HubSpot allows one sort). */
public record Sort(String propertyName, String direction) {
  public static Sort ascending(String propertyName) {
    return new Sort(propertyName, "ASCENDING");
  }
}
