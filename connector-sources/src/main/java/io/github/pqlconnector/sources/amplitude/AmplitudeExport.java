package io.github.pqlconnector.sources.amplitude;

import io.github.pqlconnector.core.error.ErrorCategory;
import io.github.pqlconnector.core.error.VendorException;
import io.github.pqlconnector.sources.http.Gzip;
import io.github.pqlconnector.sources.http.JsonLines;
import io.github.pqlconnector.sources.http.SourceCalls;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import okhttp3.ResponseBody;

/**
 * One export request: the zip is streamed to a temporary file (an answer may be up to 4 GB; a zip's directory is at
 * its end), opened with {@link ZipFile} — which refuses a truncated archive — and every entry, a gzipped JSON Lines
 * file, is read record by record. The file is deleted afterwards. 404 is Amplitude's "no data in this range".
 */
final class AmplitudeExport {
  private final AmplitudeApi api;
  private final SourceCalls calls;

  AmplitudeExport(AmplitudeApi api, SourceCalls calls) {
    this.api = api;
    this.calls = calls;
  }

  /** Reads the upload hours [firstHour, lastHour] (both inclusive); returns the number of lines read. */
  long read(Instant firstHour, Instant lastHour, JsonLines.RecordParser parser, JsonLines.Rejects rejects,
      java.util.function.Consumer<String> onFile) throws IOException {
    Path zip = Files.createTempFile("pql-amplitude-", ".zip");
    try {
      if (!download(AmplitudeTimes.hour(firstHour), AmplitudeTimes.hour(lastHour), zip)) {
        return 0;
      }
      return readZip(zip, parser, rejects, onFile);
    } finally {
      Files.deleteIfExists(zip);
    }
  }

  private boolean download(String start, String end, Path zip) throws IOException {
    ResponseBody body;
    try {
      body = calls.execute(api.export(start, end));
    } catch (VendorException e) {
      if (e.category() == ErrorCategory.NOT_FOUND) {
        return false;
      }
      throw e;
    }
    try (body; InputStream in = body.byteStream()) {
      Files.copy(in, zip, StandardCopyOption.REPLACE_EXISTING);
    }
    return true;
  }

  private static long readZip(Path zip, JsonLines.RecordParser parser, JsonLines.Rejects rejects,
      java.util.function.Consumer<String> onFile) throws IOException {
    long lines = 0;
    try (ZipFile file = new ZipFile(zip.toFile())) {
      List<? extends ZipEntry> entries = Collections.list(file.entries());
      for (ZipEntry entry : entries) {
        if (entry.isDirectory()) {
          continue;
        }
        onFile.accept(entry.getName());
        try (InputStream in = Gzip.ifCompressed(file.getInputStream(entry))) {
          lines += JsonLines.read(in, entry.getName(), parser, rejects);
        }
      }
    }
    return lines;
  }
}
