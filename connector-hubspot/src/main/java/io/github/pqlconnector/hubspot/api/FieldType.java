package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a property shows in HubSpot's UI ({@code PropertyCreate.fieldType}). */
public enum FieldType {
  BOOLEANCHECKBOX, CALCULATION_EQUATION, CHECKBOX, DATE, FILE, HTML, NUMBER, PHONENUMBER, RADIO, SELECT, TEXT,
  TEXTAREA;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
