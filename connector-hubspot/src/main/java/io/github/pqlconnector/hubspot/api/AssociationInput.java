package io.github.pqlconnector.hubspot.api;

import java.util.List;

/** An association created together with a record ({@code PublicAssociationsForObject}): to whom, and of which kind. */
public record AssociationInput(ObjectId to, List<AssociationSpec> types) {
  public AssociationInput {
    types = List.copyOf(types);
  }

  /** A HubSpot-defined association of type {@code associationTypeId} to record {@code recordId}. */
  public static AssociationInput to(String recordId, int associationTypeId) {
    return new AssociationInput(new ObjectId(recordId), List.of(AssociationSpec.hubspotDefined(associationTypeId)));
  }
}
