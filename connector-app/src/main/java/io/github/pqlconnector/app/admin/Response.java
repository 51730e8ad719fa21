package io.github.pqlconnector.app.admin;

import java.util.Map;

/** A response ready to send: status, content type, body and any extra headers. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
  Response {
    headers = Map.copyOf(headers);
  }
}
