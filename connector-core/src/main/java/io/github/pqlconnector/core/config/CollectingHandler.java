package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import io.github.pqlconnector.core.problem.ConfigPath;
import io.github.pqlconnector.core.problem.Problems;
import io.github.pqlconnector.core.secret.Secret;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns Jackson's binding problems into {@link Problems} and carries on, so that one pass reports every
 * unknown key and every wrong value, each with its path.
 */
final class CollectingHandler extends DeserializationProblemHandler {
  static final String PROBLEMS = "pql.problems";
  static final String BASE = "pql.base";
  static final String SUBSTITUTED = "pql.substituted";

  @Override
  public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
      JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
    TreeSet<String> known = new TreeSet<>();
    Collection<Object> names = deserializer.getKnownPropertyNames();
    if (names != null) {
      names.forEach(n -> known.add(n.toString()));
    }
    String hint = Suggestions.didYouMean(propertyName, known);
    String message = hint.isEmpty()
        ? "unknown key; expected one of: " + String.join(", ", known)
        : "unknown key" + hint;
    report(ctxt, p, message);
    p.skipChildren();
    return true;
  }

  @Override
  public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType,
      String valueToConvert, String failureMsg) {
    String shown = isSecretPath(ctxt) ? "" : " \"" + valueToConvert + "\"";
    report(ctxt, ctxt.getParser(), "expected " + describe(targetType) + ", got" + shown);
    return null;
  }

  @Override
  public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType,
      Number valueToConvert, String failureMsg) {
    report(ctxt, ctxt.getParser(), "expected " + describe(targetType) + ", got " + valueToConvert);
    return null;
  }

  @Override
  public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t,
      JsonParser p, String failureMsg) throws IOException {
    report(ctxt, p, "expected " + describe(targetType.getRawClass()) + ", got " + describe(t));
    p.skipChildren();
    return null;
  }

  @Override
  public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
      ValueInstantiator valueInsta, JsonParser p, String msg) throws IOException {
    report(ctxt, p, "expected " + describe(instClass) + ", got " + describe(p.currentToken()));
    p.skipChildren();
    return null;
  }

  static void report(DeserializationContext ctxt, JsonParser p, String message) {
    Problems problems = (Problems) ctxt.getAttribute(PROBLEMS);
    problems.add(pathOf(ctxt, p), message);
  }

  static ConfigPath pathOf(DeserializationContext ctxt, JsonParser p) {
    JsonStreamContext context = p.getParsingContext();
    JsonToken token = p.currentToken();
    if (token != null && token.isStructStart() && context.getParent() != null) {
      context = context.getParent();
    }
    ConfigPath base = (ConfigPath) ctxt.getAttribute(BASE);
    return base.resolve(ConfigPath.fromPointer(context.pathAsPointer().toString()));
  }

  @SuppressWarnings("unchecked")
  static boolean isSubstituted(DeserializationContext ctxt, ConfigPath path) {
    return ((java.util.Set<String>) ctxt.getAttribute(SUBSTITUTED)).contains(path.pointer());
  }

  private static boolean isSecretPath(DeserializationContext ctxt) {
    return isSubstituted(ctxt, pathOf(ctxt, ctxt.getParser()));
  }

  static String describe(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class || type == Secret.class) {
      return "text";
    }
    if (type == java.time.Duration.class) {
      return "a duration like 30d, 12h or 15m";
    }
    if (type.isEnum()) {
      return "one of " + String.join(", ", enumIds(type));
    }
    if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return Map.class.isAssignableFrom(type) || type.isRecord() ? "a mapping" : type.getSimpleName();
  }

  private static List<String> enumIds(Class<?> type) {
    return java.util.Arrays.stream(type.getEnumConstants())
        .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)).toList();
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "a mapping";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "text";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "true/false";
      case VALUE_NULL -> "an empty value";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }
}
