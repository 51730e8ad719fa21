package io.github.pqlconnector.app.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte for byte on a socket, as an attacker (or a browser) sends them: any {@code Host}, {@code
 * Origin} or content type, which {@link java.net.http.HttpClient} will not let a test set.
 */
final class RawHttp {
  /** A response: status, headers (names lower case, the last of repeats), body. */
  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  static Answer send(int port, String method, String path, List<String> headers, String body) {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    return send(port, method, path, headers, content, content.length);
  }

  /**
   * Only the headers, announcing a body of {@code declared} bytes that is never sent: how a test sees a refusal
   * by size without racing the server, which closes the connection while a large body is still being written.
   */
  static Answer announce(int port, String method, String path, List<String> headers, long declared) {
    return send(port, method, path, headers, new byte[0], declared);
  }

  private static Answer send(int port, String method, String path, List<String> headers, byte[] content,
      long declared) {
    StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
    if (headers.stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("host:"))) {
      request.append("Host: 127.0.0.1:").append(port).append("\r\n");
    }
    headers.forEach(h -> request.append(h).append("\r\n"));
    request.append("Content-Length: ").append(declared).append("\r\nConnection: close\r\n\r\n");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(readAll(socket.getInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answer get(int port, String path, String... headers) {
    return send(port, "GET", path, List.of(headers), "");
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    return all.toByteArray();
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new AssertionError("no complete response, only " + raw.length + " bytes: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int eol = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, eol).strip(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(body, eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
  }
}
