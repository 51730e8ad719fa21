package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A property's data type ({@code PropertyCreate.type}). {@code date} values must be midnight UTC. */
public enum PropertyType {
  BOOL, DATE, DATETIME, ENUMERATION, NUMBER, PHONE_NUMBER, STRING;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
