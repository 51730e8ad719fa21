package io.github.pqlconnector.app.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries requests between Jetty and the {@link Gate}: reads the request (a url-encoded form body at most
 * {@link AdminServer#MAX_REQUEST_BYTES}), writes the answer with the security headers, logs one DEBUG line per
 * request (never headers, never the query) and turns an unexpected failure into a bare JSON 500.
 */
final class AdminHandler extends Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);
  private static final int MAX_LOGGED_PATH = 200;
  private static final String FORM = "application/x-www-form-urlencoded";

  private final Gate gate;
  private final BearerAuth auth;
  private final JsonResponses json;
  private final InFlight inFlight;

  AdminHandler(Gate gate, BearerAuth auth, JsonResponses json, InFlight inFlight) {
    this.gate = gate;
    this.auth = auth;
    this.json = json;
    this.inFlight = inFlight;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long started = System.nanoTime();
    inFlight.enter();
    io.github.pqlconnector.app.admin.Response answer;
    try {
      answer = gate.respond(exchange(request));
    } catch (BadRequest e) {
      answer = json.error(400, e.getMessage());
    } catch (IOException e) {
      answer = json.error(413, "the request body is too large or could not be read");
    } catch (RuntimeException e) {
      log.error("admin request {} {} failed", request.getMethod(), loggedPath(request), e);
      answer = json.error(500, "internal error");
    } finally {
      inFlight.exit();
    }
    log.debug("{} {} {} {} ms", request.getMethod(), loggedPath(request), answer.status(),
        (System.nanoTime() - started) / 1_000_000);
    write(answer, response, callback);
    return true;
  }

  private Exchange exchange(Request request) throws IOException {
    HttpURI uri = request.getHttpURI();
    Map<String, String> cookies = new HashMap<>();
    for (HttpCookie cookie : Request.getCookies(request)) {
      cookies.putIfAbsent(cookie.getName(), cookie.getValue());
    }
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    Map<String, String> form = type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM)
        ? Paths.query(Content.Source.asString(request, StandardCharsets.UTF_8)) : Map.of();
    return new Exchange(request.getMethod(), uri.getPath() == null ? "/" : uri.getPath(), uri.getQuery(),
        name -> request.getHeaders().get(name), cookies, form, Request.getRemoteAddr(request), request.isSecure());
  }

  private static void write(io.github.pqlconnector.app.admin.Response answer, Response response, Callback callback) {
    response.setStatus(answer.status());
    SecurityHeaders.apply(response.getHeaders());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
    answer.headers().forEach(response.getHeaders()::put);
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
  }

  /** The raw path (no query), cut short, with the token hidden should a client have put it there. */
  private String loggedPath(Request request) {
    String raw = request.getHttpURI().getPath();
    String path = auth.redact(raw == null ? "/" : raw);
    return path.length() > MAX_LOGGED_PATH ? path.substring(0, MAX_LOGGED_PATH) + "…" : path;
  }
}
