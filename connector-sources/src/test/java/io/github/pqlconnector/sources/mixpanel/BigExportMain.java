package io.github.pqlconnector.sources.mixpanel;

import io.github.pqlconnector.core.model.Event;
import io.github.pqlconnector.core.spi.EventSink;
import io.github.pqlconnector.core.spi.ReadRequest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Run in a JVM with a small fixed heap by {@link MixpanelBigExportTest}: a loopback server generates {@code
 * megabytes} of Mixpanel export JSON Lines over {@code days} days on the fly (nothing is held), and the real source
 * reads them. Prints {@code events=<n> bytes=<n> seconds=<s> peakHeapMb=<mb>}; an OutOfMemoryError exits non-zero.
 */
public final class BigExportMain {
  static final Instant START = Instant.parse("2025-10-01T00:00:00Z");

  public static void main(String[] args) throws IOException {
    long megabytes = Long.parseLong(args[0]);
    int days = Integer.parseInt(args[1]);
    long bytesPerDay = megabytes * 1_000_000 / days;
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread serving = new Thread(() -> serve(server, bytesPerDay), "export-stub");
    serving.setDaemon(true);
    serving.start();
    long[] count = new long[1];
    EventSink sink = new EventSink() {
      @Override
      public void accept(Event event) {
        count[0]++;
      }

      @Override
      public void reject(String location, String problem) {
        throw new IllegalStateException(location + ": " + problem);
      }
    };
    long started = System.nanoTime();
    String base = "http://127.0.0.1:" + server.getLocalPort() + "/";
    try (server; MixpanelSource source = MixpanelStubs.source(base)) {
      source.readEvents(new ReadRequest(null, START, START.plusSeconds(86_400L * days), Set.of("plan")), sink);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("events=%d bytes=%d seconds=%.1f peakHeapMb=%d%n", count[0], megabytes * 1_000_000, seconds,
        peakHeapMb());
  }

  /** A minimal HTTP/1.1 server: the body runs until the connection closes, as a streamed export may. */
  private static void serve(ServerSocket server, long bytesPerDay) {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        BufferedReader request = new BufferedReader(new InputStreamReader(socket.getInputStream(),
            StandardCharsets.US_ASCII));
        String requestLine = request.readLine();
        for (String header = request.readLine(); header != null && !header.isEmpty(); header = request.readLine()) {
          // headers are not needed
        }
        LocalDate day = LocalDate.parse(requestLine.replaceAll(".*from_date=([0-9-]+).*", "$1"));
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        writeDay(out, day, bytesPerDay);
        out.flush();
      } catch (IOException e) {
        if (!server.isClosed()) {
          e.printStackTrace();
        }
      }
    }
  }

  private static void writeDay(OutputStream out, LocalDate day, long bytes) throws IOException {
    long dayStart = day.toEpochDay() * 86_400_000L;
    long written = 0;
    for (long i = 0; written < bytes; i++) {
      byte[] line = line(day, dayStart + (i * 7919) % 86_400_000L, i).getBytes(StandardCharsets.UTF_8);
      out.write(line);
      written += line.length;
    }
  }

  static String line(LocalDate day, long time, long i) {
    return "{\"event\":\"Report Created\",\"properties\":{\"time\":" + time + ",\"distinct_id\":\"user-" + (i % 50_000)
        + "\",\"$insert_id\":\"" + day + "-" + i + "\",\"mp_processing_time_ms\":" + (time + 1234)
        + ",\"company_id\":[\"account-" + (i % 3_000) + "\"],\"plan\":\"trial\",\"$browser\":\"Chrome\","
        + "\"$current_url\":\"https://app.example.com/reports/" + i + "\",\"mp_lib\":\"web\"}}\n";
  }

  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }
}
