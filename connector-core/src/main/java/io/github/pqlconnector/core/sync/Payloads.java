package io.github.pqlconnector.core.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.pqlconnector.core.error.StateException;
import io.github.pqlconnector.core.spi.MatchKey;
import io.github.pqlconnector.core.spi.PqlFields;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * JSON for what the outbox stores, and the hash the diff compares. The hash covers the match key and the
 * CRM-facing fields except {@code evaluatedAt}, so a re-evaluation that changes nothing writes nothing.
 */
public final class Payloads {
  /** A queued record update. */
  public record UpdatePayload(MatchKey key, PqlFields fields) {}

  /** A queued task; the match key finds the record again on a later run. */
  public record TaskPayload(MatchKey key, String subject, String body, Instant dueAt) {}

  private record Hashed(MatchKey key, String status, int score, String type, java.util.List<String> reasons,
      double activationPct, Instant qualifiedAt) {}

  private final ObjectMapper json = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  public ObjectMapper mapper() {
    return json;
  }

  public String hash(MatchKey key, PqlFields f) {
    return sha256(write(new Hashed(key, f.status(), f.score(), f.type(), f.reasons(), f.activationPct(),
        f.qualifiedAt())));
  }

  public String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  public <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new StateException("unreadable " + type.getSimpleName() + " in the state database", e);
    }
  }

  public static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
