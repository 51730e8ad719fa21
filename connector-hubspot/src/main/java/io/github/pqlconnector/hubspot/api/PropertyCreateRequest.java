package io.github.pqlconnector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST .../properties/{type}} ({@code PropertyCreate}). The factories give the type pairs the PQL fields
 * use; {@code hasUniqueValue} cannot be changed once set, and {@code options} are sent for enumerations only.
 */
public record PropertyCreateRequest(String name, String label, PropertyType type, FieldType fieldType,
    String groupName, @Nullable String description,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PropertyOption> options, @Nullable Boolean hasUniqueValue,
    @Nullable Boolean formField) {

  public PropertyCreateRequest {
    options = List.copyOf(options);
    if (type == PropertyType.ENUMERATION && options.isEmpty()) {
      throw new IllegalArgumentException("enumeration property '" + name + "' needs at least one option");
    }
  }

  /** A drop-down ({@code enumeration}/{@code select}), e.g. {@code pql_status}. */
  public static PropertyCreateRequest enumeration(String name, String label, String groupName,
      List<PropertyOption> options) {
    return new PropertyCreateRequest(name, label, PropertyType.ENUMERATION, FieldType.SELECT, groupName, null,
        options, null, false);
  }

  /** {@code number}/{@code number}, e.g. {@code pql_score}. */
  public static PropertyCreateRequest number(String name, String label, String groupName) {
    return simple(name, label, PropertyType.NUMBER, FieldType.NUMBER, groupName);
  }

  /** {@code datetime}/{@code date}: any instant, e.g. {@code pql_qualified_at}. */
  public static PropertyCreateRequest datetime(String name, String label, String groupName) {
    return simple(name, label, PropertyType.DATETIME, FieldType.DATE, groupName);
  }

  /** Multi-line text ({@code string}/{@code textarea}), e.g. {@code pql_reasons}. */
  public static PropertyCreateRequest textarea(String name, String label, String groupName) {
    return simple(name, label, PropertyType.STRING, FieldType.TEXTAREA, groupName);
  }

  /** Single-line text ({@code string}/{@code text}), e.g. the task idempotency key. */
  public static PropertyCreateRequest text(String name, String label, String groupName) {
    return simple(name, label, PropertyType.STRING, FieldType.TEXT, groupName);
  }

  public PropertyCreateRequest withDescription(String text) {
    return new PropertyCreateRequest(name, label, type, fieldType, groupName, text, options, hasUniqueValue,
        formField);
  }

  /** Makes the property unique, so it can serve as an {@code idProperty}; HubSpot never lets this be undone. */
  public PropertyCreateRequest withUniqueValues() {
    return new PropertyCreateRequest(name, label, type, fieldType, groupName, description, options, true, formField);
  }

  private static PropertyCreateRequest simple(String name, String label, PropertyType type, FieldType fieldType,
      String groupName) {
    return new PropertyCreateRequest(name, label, type, fieldType, groupName, null, List.of(), null, false);
  }
}
