package io.github.pqlconnector.core.config.schema;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import io.github.pqlconnector.core.annotation.OneOf;
import io.github.pqlconnector.core.annotation.Required;
import io.github.pqlconnector.core.secret.Secret;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The schema generator for config records: Jackson's names and descriptions, every block closed to unknown keys,
 * {@link Required} and {@link OneOf} as {@code required} and {@code enum}, defaults from {@link RecordDefaults},
 * and the scalar shapes the loader reads (durations like {@code 30d}, secrets only as {@code ${…}}).
 */
final class RecordSchemas {
  /** A reference the loader substitutes: {@code ${NAME}} or {@code ${file:/path}}. */
  static final String PLACEHOLDER = "\\$\\{[^}]+\\}";
  static final String DURATION = "^\\s*[0-9]{1,9}\\s*[smhdwSMHDW]\\s*$";

  private RecordSchemas() {}

  static SchemaGenerator generator() {
    SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(new ObjectMapper(), SchemaVersion.DRAFT_7,
        OptionPreset.PLAIN_JSON)
        .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE, JacksonOption.RESPECT_JSONPROPERTY_ORDER))
        .with(Option.DEFINITIONS_FOR_ALL_OBJECTS)
        .without(Option.SCHEMA_VERSION_INDICATOR);
    config.forTypesInGeneral()
        .withDefinitionNamingStrategy((key, context) -> definitionName(key.getType().getErasedType()))
        .withCustomDefinitionProvider(RecordSchemas::scalar)
        .withAdditionalPropertiesResolver(scope -> scope.getType().getErasedType().isRecord() ? Void.class : null)
        .withPropertySorter(RecordSchemas::declarationOrder);
    config.forFields()
        .withRequiredCheck(field -> field.getAnnotation(Required.class) != null)
        .withEnumResolver(RecordSchemas::allowedValues)
        .withDefaultResolver(RecordSchemas::defaultValue);
    return new SchemaGenerator(config.build());
  }

  /** A nested record is named with the records around it, so two vendors' {@code RateLimit}s stay apart. */
  static String definitionName(Class<?> type) {
    return type.getEnclosingClass() == null ? type.getSimpleName()
        : definitionName(type.getEnclosingClass()) + "." + type.getSimpleName();
  }

  private static @Nullable CustomDefinition scalar(ResolvedType type, SchemaGenerationContext context) {
    ObjectNode node = context.getGeneratorConfig().createObjectNode();
    if (type.isInstanceOf(Secret.class)) {
      node.put("type", "string").put("pattern", PLACEHOLDER);
    } else if (type.isInstanceOf(Map.class)) {
      // a mapping of names to blocks (model.metrics): inline, with the block's definition for every value
      node.put("type", "object").set("additionalProperties",
          context.createDefinitionReference(type.typeParametersFor(Map.class).get(1)));
    } else if (type.isInstanceOf(Duration.class)) {
      orPlaceholder(node).put("type", "string").put("pattern", DURATION);
    } else if (type.isInstanceOf(Boolean.class)) {
      orPlaceholder(node).put("type", "boolean");
    } else if (type.isInstanceOf(Integer.class) || type.isInstanceOf(Long.class)) {
      orPlaceholder(node).put("type", "integer");
    } else if (type.isInstanceOf(Double.class)) {
      orPlaceholder(node).put("type", "number");
    } else {
      return null;
    }
    return new CustomDefinition(node, CustomDefinition.DefinitionType.INLINE,
        CustomDefinition.AttributeInclusion.YES);
  }

  /**
   * The value's own shape, or a reference the loader substitutes before it binds: {@code port: ${ADMIN_PORT}} is a
   * number once substituted. Returns the node for the value's own shape.
   */
  private static ObjectNode orPlaceholder(ObjectNode node) {
    ArrayNode anyOf = node.putArray("anyOf");
    ObjectNode own = anyOf.addObject();
    anyOf.addObject().put("type", "string").put("pattern", "^" + PLACEHOLDER + "$");
    return own;
  }

  /** Keys in the order the record declares them, which is the order the docs and starter configs explain them. */
  private static int declarationOrder(MemberScope<?, ?> a, MemberScope<?, ?> b) {
    return Integer.compare(position(a), position(b));
  }

  private static int position(MemberScope<?, ?> member) {
    RecordComponent[] components = member.getDeclaringType().getErasedType().getRecordComponents();
    for (int i = 0; components != null && i < components.length; i++) {
      if (components[i].getName().equals(member.getDeclaredName())) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static @Nullable List<String> allowedValues(FieldScope field) {
    OneOf oneOf = field.getAnnotation(OneOf.class);
    if (oneOf == null || (field.isContainerType() && !field.isFakeContainerItemScope())) {
      return null;
    }
    return List.of(oneOf.value());
  }

  private static @Nullable Object defaultValue(FieldScope field) {
    if (field.isFakeContainerItemScope()) {
      return null;
    }
    return RecordDefaults.of(field.getDeclaringType().getErasedType(), field.getDeclaredName());
  }
}
