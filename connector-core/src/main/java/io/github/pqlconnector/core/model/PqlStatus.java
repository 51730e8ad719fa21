package io.github.pqlconnector.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The verdict written to the CRM. {@code NOT_FIT} overrides every tier. */
public enum PqlStatus {
  PQL,
  WARM,
  COLD,
  NOT_FIT;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PqlStatus fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
