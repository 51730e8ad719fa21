package io.github.pqlconnector.bitrix24.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One command of a {@code batch}: a key, a method and its parameters in PHP query form ({@code fields[UF_X]=1},
 * {@code values[0]=a@example.com}). In a JSON batch body a command is the string {@code method?query}, its values
 * URL-encoded once (batch.md: sub-request data is encoded, a second time only when the batch itself goes in a URL).
 */
public record BatchCommand(String key, String method, Map<String, String> params) {
  public BatchCommand {
    params = new LinkedHashMap<>(params);
  }

  public String encoded() {
    if (params.isEmpty()) {
      return method;
    }
    return method + "?" + params.entrySet().stream()
        .map(e -> encodeKey(e.getKey()) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** Brackets stay readable; anything else unusual in a key is encoded. */
  private static String encodeKey(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%5B", "[").replace("%5D", "]");
  }
}
