package io.github.pqlconnector.salesforce;

import io.github.pqlconnector.core.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The JWT bearer assertion: {@code {"alg":"RS256"}} over {@code iss} (the client id), {@code sub} (the username),
 * {@code aud} (login or test.salesforce.com) and a short {@code exp} (3 minutes), signed with the app certificate's
 * private key. The key is a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}); the JDK signs, no library needed.
 */
final class SalesforceJwt {
  static final Duration LIFETIME = Duration.ofMinutes(3);
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private SalesforceJwt() {}

  static String assertion(String clientId, String username, String audience, Secret privateKeyPem, Instant now) {
    String header = encode("{\"alg\":\"RS256\"}");
    String claims = encode("{\"iss\":\"%s\",\"sub\":\"%s\",\"aud\":\"%s\",\"exp\":%d}".formatted(json(clientId),
        json(username), json(audience), now.plus(LIFETIME).getEpochSecond()));
    String signingInput = header + "." + claims;
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(privateKey(privateKeyPem));
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // never the key, never the library's message (which may quote it)
      throw new IllegalStateException("auth.privateKey is not a PKCS#8 RSA private key in PEM form"
          + " (-----BEGIN PRIVATE KEY-----; convert with openssl pkcs8 -topk8 -nocrypt)");
    }
  }

  static PrivateKey privateKey(Secret pem) throws GeneralSecurityException {
    String base64 = pem.reveal().replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static String encode(String json) {
    return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String json(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
