package io.github.pqlconnector.bitrix24;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.core.http.TokenStore;
import io.github.pqlconnector.core.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;

/**
 * The refresh-token grant at {@code oauth.bitrix.info} (b24restdocs settings/oauth/auto-renewal.md), and the token file
 * that keeps the rotated tokens between runs. The first call hands out the access token saved by an earlier run, when
 * there is one, instead of refreshing: Bitrix24 asks apps to refresh only after {@code expired_token}. Tokens never
 * expire on our side ({@link Instant#MAX}); the 401 decides. Token values are never logged or quoted.
 */
final class Bitrix24TokenRefresher implements TokenStore.Refresher {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Bitrix24OAuth oauth;
  private final OkHttpClient http;
  private final Path file;
  private boolean firstCall = true;

  Bitrix24TokenRefresher(Bitrix24OAuth oauth, OkHttpClient http) {
    this.oauth = oauth;
    this.http = http;
    this.file = Path.of(oauth.tokenFile());
  }

  @Override
  public synchronized TokenStore.Token refresh() {
    JsonNode saved = readFile();
    if (firstCall && saved != null && saved.hasNonNull("access_token")) {
      firstCall = false;
      return new TokenStore.Token(new Secret(saved.get("access_token").asText()), Instant.MAX);
    }
    firstCall = false;
    String refreshToken = saved != null && saved.hasNonNull("refresh_token") ? saved.get("refresh_token").asText()
        : oauth.refreshToken().reveal();
    JsonNode token = grant(refreshToken);
    save(token.path("access_token").asText(), token.path("refresh_token").asText(refreshToken));
    return new TokenStore.Token(new Secret(token.path("access_token").asText()), Instant.MAX);
  }

  private JsonNode grant(String refreshToken) {
    HttpUrl url = HttpUrl.get(oauth.tokenUrl()).newBuilder().addQueryParameter("grant_type", "refresh_token")
        .addQueryParameter("client_id", oauth.clientId())
        .addQueryParameter("client_secret", oauth.clientSecret().reveal())
        .addQueryParameter("refresh_token", refreshToken).build();
    try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute();
        ResponseBody body = response.body()) {
      String text = body == null ? "{}" : body.string();
      if (!response.isSuccessful()) {
        throw refused(response.code(), JSON.readTree(text).path("error").asText(""));
      }
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new VendorException("bitrix24", ErrorCategory.TRANSIENT, 0,
          "OAuth token refresh: " + e.getClass().getSimpleName(), null);
    }
  }

  private static VendorException refused(int status, String code) {
    if (status >= 500 || status == 429) {
      return new VendorException("bitrix24", ErrorCategory.TRANSIENT, status, "OAuth token refresh: HTTP " + status,
          null);
    }
    return new VendorException("bitrix24", ErrorCategory.AUTH, status, "OAuth token refresh: HTTP " + status + " "
        + code + ": the refresh token was refused (expired after 180 days, revoked, or from another app); reinstall "
        + "the app, set the new refresh token in oauth.refreshToken and delete oauth.tokenFile", null);
  }

  private @Nullable JsonNode readFile() {
    try {
      return Files.exists(file) ? JSON.readTree(file.toFile()) : null;
    } catch (IOException e) {
      return null;   // an unreadable file: start again from the configured refresh token
    }
  }

  /** Written to a temporary file first, then moved, so a crash never leaves half a token file; owner-only. */
  private void save(String accessToken, String refreshToken) {
    ObjectNode node = JSON.createObjectNode().put("access_token", accessToken).put("refresh_token", refreshToken);
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".bitrix24-tokens", ".tmp");
      restrict(tmp);
      JSON.writeValue(tmp.toFile(), node);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new VendorException("bitrix24", ErrorCategory.INVALID_REQUEST, 0, "cannot write oauth.tokenFile "
          + file + " (" + e.getClass().getSimpleName() + "); the rotated refresh token would be lost", null);
    }
  }

  private static void restrict(Path path) {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException | UnsupportedOperationException e) {
      // not a POSIX file system: the directory's permissions apply
    }
  }
}
