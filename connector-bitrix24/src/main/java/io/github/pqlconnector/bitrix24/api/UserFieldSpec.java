package io.github.pqlconnector.bitrix24.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A CRM user field as crm.&lt;entity&gt;.userfield.add takes it. {@code FIELD_NAME} is given without the {@code
 * UF_CRM_} prefix Bitrix24 adds; labels are language maps ({@code {"en":…,"ru":…}}), {@code LABEL} the fallback for
 * other languages; {@code LIST} holds the items of an enumeration.
 */
public record UserFieldSpec(
    @JsonProperty("FIELD_NAME") String fieldName,
    @JsonProperty("USER_TYPE_ID") String userTypeId,
    @JsonProperty("LABEL") String label,
    @JsonProperty("EDIT_FORM_LABEL") Map<String, String> editFormLabel,
    @JsonProperty("LIST_COLUMN_LABEL") Map<String, String> listColumnLabel,
    @JsonProperty("LIST_FILTER_LABEL") Map<String, String> listFilterLabel,
    @JsonProperty("MULTIPLE") String multiple,
    @JsonProperty("MANDATORY") String mandatory,
    @JsonProperty("SHOW_FILTER") String showFilter,
    @JsonProperty("XML_ID") String xmlId,
    @JsonProperty("SETTINGS") @Nullable Map<String, Object> settings,
    @JsonProperty("LIST") @Nullable List<EnumItem> list) {

  /** One item of an enumeration: the label shown, its code, and its order. */
  public record EnumItem(@JsonProperty("VALUE") String value, @JsonProperty("XML_ID") String xmlId,
      @JsonProperty("SORT") int sort, @JsonProperty("DEF") String def) {}
}
