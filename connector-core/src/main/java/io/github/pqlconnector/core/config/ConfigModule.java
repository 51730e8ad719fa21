package io.github.pqlconnector.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.pqlconnector.core.secret.Secret;
import java.io.IOException;
import java.time.Duration;

/** The strict config mapper: unknown keys and wrong values are collected as problems, durations like 30d. */
public final class ConfigModule {
  private ConfigModule() {}

  public static ObjectMapper configMapper() {
    SimpleModule module = new SimpleModule("pql-config");
    module.addDeserializer(Duration.class, new DurationDeserializer());
    module.addDeserializer(Secret.class, new SecretDeserializer());
    return YAMLMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .addModule(module)
        .addHandler(new CollectingHandler())
        .build();
  }

  private static final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null) {
        return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
      }
      Duration parsed = Durations.parse(text).orElse(null);
      if (parsed == null) {
        CollectingHandler.report(ctxt, p, "expected a duration like 30d, 12h or 15m, got \"" + text + "\"");
      }
      return parsed;
    }
  }

  private static final class SecretDeserializer extends JsonDeserializer<Secret> {
    @Override
    public Secret deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null) {
        return (Secret) ctxt.handleUnexpectedToken(Secret.class, p);
      }
      if (!CollectingHandler.isSubstituted(ctxt, CollectingHandler.pathOf(ctxt, p))) {
        CollectingHandler.report(ctxt, p,
            "is a secret: give it as ${ENV_VAR} or ${file:/path}, never as a literal value");
        return null;
      }
      if (text.isBlank()) {
        CollectingHandler.report(ctxt, p, "is empty");
        return null;
      }
      return new Secret(text);
    }
  }
}
