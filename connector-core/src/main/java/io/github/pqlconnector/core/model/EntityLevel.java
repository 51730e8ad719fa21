package io.github.pqlconnector.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The two levels the engine decides on: a person, and the company (account) they belong to. */
public enum EntityLevel {
  USER,
  ACCOUNT;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EntityLevel fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
