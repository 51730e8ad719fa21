package io.github.pqlconnector.app.admin;

import io.github.pqlconnector.core.secret.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@code Authorization: Bearer <token>} against the configured token. Both sides are hashed before a
 * {@link MessageDigest#isEqual} comparison, so the time taken reveals neither the token's content nor its length.
 * Without a token every request is allowed (the server then only listens on loopback).
 */
final class BearerAuth {
  private static final String SCHEME = "bearer ";
  private static final String HIDDEN = "******";

  private final byte @Nullable [] expected;
  private final @Nullable String token;

  BearerAuth(@Nullable Secret token) {
    this.token = token == null ? null : token.reveal();
    this.expected = this.token == null ? null : sha256(this.token);
  }

  boolean required() {
    return expected != null;
  }

  /** True when no token is configured, or the header carries exactly the configured one. */
  boolean allows(@Nullable String authorization) {
    if (expected == null) {
      return true;
    }
    if (authorization == null || authorization.length() < SCHEME.length()
        || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return false;
    }
    return MessageDigest.isEqual(expected, sha256(authorization.substring(SCHEME.length()).strip()));
  }

  /** The text with every occurrence of the token hidden, for anything client-supplied that gets logged. */
  String redact(String text) {
    if (token == null || token.isEmpty()) {
      return text;
    }
    return text.replace(token, HIDDEN).replace(URLEncoder.encode(token, StandardCharsets.UTF_8), HIDDEN);
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
