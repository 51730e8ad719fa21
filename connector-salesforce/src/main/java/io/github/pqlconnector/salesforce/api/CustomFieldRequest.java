package io.github.pqlconnector.salesforce.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Creates a custom field through the Tooling API ({@code POST tooling/sobjects/CustomField}):
 * {@code {"FullName":"Contact.PQL_Score__c","Metadata":{"label":"PQL Score","type":"Number","precision":5,"scale":0}}}.
 * {@code Metadata} is the Metadata API's {@code CustomField} type, so it is kept as a map of its documented keys.
 */
public record CustomFieldRequest(@JsonProperty("FullName") String fullName,
    @JsonProperty("Metadata") Map<String, Object> metadata) {
  public CustomFieldRequest {
    metadata = Map.copyOf(metadata);
  }
}
