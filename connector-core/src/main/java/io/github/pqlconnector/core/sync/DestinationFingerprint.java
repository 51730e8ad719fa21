package io.github.pqlconnector.core.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.pqlconnector.core.config.PqlConfig;
import io.github.pqlconnector.core.secret.Secret;
import io.github.pqlconnector.core.spi.DestinationConfig;
import java.io.IOException;
import java.time.Duration;

/**
 * A SHA-256 of a destination's config, serialised canonically (properties and map keys sorted), so a run can
 * tell that the config changed since records were refused. Secrets are left out (written as a fixed
 * placeholder): rotating a token is not a change that makes a refusal worth retrying, and no secret, not even
 * its hash, reaches the state database.
 */
final class DestinationFingerprint {
  private static final ObjectMapper CANONICAL = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule("pql-fingerprint").addSerializer(Secret.class, new LeftOut()))
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .build();

  private DestinationFingerprint() {}

  private record Canonical(String type, Duration recheckUnmatched, Object config) {}

  static String of(PqlConfig.Named<DestinationConfig> destination) {
    Canonical canonical = new Canonical(destination.type(), destination.recheckUnmatched(), destination.config());
    String text;
    try {
      text = CANONICAL.writeValueAsString(canonical);
    } catch (JsonProcessingException e) {
      // a config Jackson cannot write: its record text, where secrets print as ******, is stable enough
      text = canonical.toString();
    }
    return Payloads.sha256(text);
  }

  private static final class LeftOut extends JsonSerializer<Secret> {
    @Override
    public void serialize(Secret value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString("<secret>");
    }
  }
}
