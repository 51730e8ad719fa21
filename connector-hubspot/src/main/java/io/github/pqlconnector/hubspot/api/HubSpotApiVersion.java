package io.github.pqlconnector.hubspot.api;

import java.util.regex.Pattern;

/**
 * The HubSpot API version a destination speaks, from one config value: {@code v3} (the legacy paths, unsupported
 * from September 2027) or a dated version such as {@code 2026-09} (a new one ships each March and September). It
 * yields the path prefixes {@link HubSpotApi} takes; request and response bodies are the same for both shapes.
 */
public record HubSpotApiVersion(String value) {
  /** The legacy {@code /crm/v3/...} paths. */
  public static final HubSpotApiVersion V3 = new HubSpotApiVersion("v3");

  private static final Pattern DATED = Pattern.compile("20\\d\\d-(0[1-9]|1[0-2])");

  /** Rejects anything but {@code v3} or {@code YYYY-MM}, naming both accepted forms. */
  public HubSpotApiVersion {
    if (!value.equals("v3") && !DATED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "unknown HubSpot API version '" + value + "'; expected v3 or a dated version like 2026-09");
    }
  }

  public boolean dated() {
    return !value.equals("v3");
  }

  /** {@code crm/v3/objects} or {@code crm/objects/2026-09}: the {@code objects} argument of {@link HubSpotApi}. */
  public String objectsPath() {
    return area("objects");
  }

  /** {@code crm/v3/properties} or {@code crm/properties/2026-09}: the {@code properties} argument. */
  public String propertiesPath() {
    return area("properties");
  }

  /**
   * {@code crm/v4/associations} or {@code crm/associations/2026-09}: the {@code associations} argument. Associations
   * are the one area whose legacy version is v4, not v3.
   */
  public String associationsPath() {
    return dated() ? "crm/associations/" + value : "crm/v4/associations";
  }

  private String area(String area) {
    return dated() ? "crm/" + area + "/" + value : "crm/" + value + "/" + area;
  }

  @Override
  public String toString() {
    return value;
  }
}
