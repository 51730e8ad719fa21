package io.github.pqlconnector.hubspot.api;

/** The operators of a CRM search {@link Filter}, as HubSpot spells them. */
public enum FilterOperator {
  EQ, NEQ, LT, LTE, GT, GTE, BETWEEN, IN, NOT_IN, HAS_PROPERTY, NOT_HAS_PROPERTY, CONTAINS_TOKEN, NOT_CONTAINS_TOKEN
}
