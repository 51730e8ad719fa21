package io.github.pqlconnector.hubspot.api;

/**
 * The kind of link an {@link AssociationInput} makes: a category and a type id. The HubSpot-defined ids the
 * destination needs are constants here (source: the official Node SDK's {@code AssociationTypes}).
 */
public record AssociationSpec(String associationCategory, int associationTypeId) {
  public static final String HUBSPOT_DEFINED = "HUBSPOT_DEFINED";
  public static final int TASK_TO_CONTACT = 204;
  public static final int TASK_TO_COMPANY = 192;
  public static final int CONTACT_TO_COMPANY = 279;

  public static AssociationSpec hubspotDefined(int associationTypeId) {
    return new AssociationSpec(HUBSPOT_DEFINED, associationTypeId);
  }
}
