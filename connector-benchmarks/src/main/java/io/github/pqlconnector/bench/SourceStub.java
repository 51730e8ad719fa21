package io.github.pqlconnector.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A loopback stand-in for the three analytics APIs, generating every answer on the fly in the vendor's wire format
 * (nothing is held in memory): Mixpanel's export as JSON Lines per day, Amplitude's export as a zip of gzipped JSON
 * Lines, PostHog's query answers as {@code results} rows honouring the (ms, uuid) keyset. Minimal HTTP/1.1: one
 * request per connection, the body runs until the connection closes.
 */
final class SourceStub implements AutoCloseable {
  private static final Pattern AFTER_UUID = Pattern.compile("toString\\(uuid\\) > '[0-9a-f-]*?(\\d{12})'");
  private static final Pattern LIMIT = Pattern.compile("LIMIT (\\d+)");

  private final ServerSocket server;
  private final long eventsPerRequest;

  SourceStub(long eventsPerRequest) throws IOException {
    this.eventsPerRequest = eventsPerRequest;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(this::serve, "source-stub");
    thread.setDaemon(true);
    thread.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/";
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        String requestLine = line(in);
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
          if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(header.substring(15).trim());
          }
        }
        byte[] body = in.readNBytes(length);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        out.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        answer(requestLine, new String(body, StandardCharsets.UTF_8), out);
        out.flush();
      } catch (IOException e) {
        if (!server.isClosed()) {
          e.printStackTrace();
        }
      }
    }
  }

  private void answer(String requestLine, String body, OutputStream out) throws IOException {
    if (requestLine.contains("/api/2.0/export")) {
      for (long i = 0; i < eventsPerRequest; i++) {
        out.write(BenchEvents.mixpanel(i).getBytes(StandardCharsets.UTF_8));
      }
    } else if (requestLine.contains("/api/2/export")) {
      amplitudeZip(out);
    } else {
      posthogPage(body, out);
    }
  }

  private void amplitudeZip(OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    zip.setLevel(0);   // the entries are gzip already, as in Amplitude's archives
    int files = 4;
    for (int f = 0; f < files; f++) {
      zip.putNextEntry(new ZipEntry("1/1_2025-11-01_" + f + "#0.json.gz"));
      GZIPOutputStream gz = new GZIPOutputStream(new NonClosing(zip), 1 << 16);
      for (long i = f; i < eventsPerRequest; i += files) {
        gz.write(BenchEvents.amplitude(i).getBytes(StandardCharsets.UTF_8));
      }
      gz.finish();
      zip.closeEntry();
    }
    zip.finish();
  }

  private void posthogPage(String query, OutputStream out) throws IOException {
    Matcher after = AFTER_UUID.matcher(query);
    long first = after.find() ? Long.parseLong(after.group(1)) + 1 : 0;
    Matcher limit = LIMIT.matcher(query);
    long rows = Math.min(limit.find() ? Long.parseLong(limit.group(1)) : 100, Math.max(0, eventsPerRequest - first));
    out.write("{\"columns\":[\"uuid\",\"event\",\"ts\",\"person\",\"$group_0\",\"properties\"],\"results\":["
        .getBytes(StandardCharsets.UTF_8));
    for (long i = first; i < first + rows; i++) {
      out.write(((i == first ? "" : ",") + BenchEvents.posthog(i)).getBytes(StandardCharsets.UTF_8));
    }
    out.write("],\"hasMore\":false}".getBytes(StandardCharsets.UTF_8));
  }

  private static String line(DataInputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  /** Lets a GZIPOutputStream finish without closing the zip under it. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
