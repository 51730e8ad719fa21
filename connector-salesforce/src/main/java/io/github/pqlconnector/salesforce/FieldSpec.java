package io.github.pqlconnector.salesforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One PQL custom field: its API name, the type describe reports for it ({@code describeType}), the type as Setup's
 * New Field wizard names it ({@code uiType}) and the Metadata
 * API {@code CustomField} definition the Tooling API creates it from (and {@code metadata/} ships).
 */
record FieldSpec(String name, String label, String describeType, String uiType, Map<String, Object> metadata) {
  private static final String DESCRIPTION = "Set by PQL Connector";

  static FieldSpec picklist(String name, String label, List<String> values) {
    List<Map<String, Object>> entries = values.stream().map(v -> Map.<String, Object>of("fullName", v, "label", v,
        "default", false)).toList();
    return of(name, label, "picklist", "Picklist (" + String.join(", ", values) + ", restricted)", Map.of("type", "Picklist", "valueSet", Map.of("restricted", true,
        "valueSetDefinition", Map.of("sorted", false, "value", entries))));
  }

  static FieldSpec number(String name, String label, int precision, int scale) {
    return of(name, label, "double", "Number(" + precision + ", " + scale + ")", Map.of("type", "Number", "precision", precision, "scale", scale));
  }

  static FieldSpec text(String name, String label, int length) {
    return of(name, label, "string", "Text(" + length + ")", Map.of("type", "Text", "length", length));
  }

  static FieldSpec longText(String name, String label) {
    return of(name, label, "textarea", "Long Text Area(32768)", Map.of("type", "LongTextArea", "length", 32_768, "visibleLines", 5));
  }

  static FieldSpec dateTime(String name, String label) {
    return of(name, label, "datetime", "Date/Time", Map.of("type", "DateTime"));
  }

  private static FieldSpec of(String name, String label, String describeType, String uiType,
      Map<String, Object> typeKeys) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("label", label);
    metadata.put("description", DESCRIPTION);
    metadata.put("required", false);
    metadata.put("externalId", false);
    metadata.putAll(typeKeys);
    return new FieldSpec(name, label, describeType, uiType, Map.copyOf(metadata));
  }
}
