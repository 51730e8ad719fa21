package io.github.pqlconnector.sources.amplitude;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds an export answer as Amplitude ships it: a zip whose entries are gzipped JSON Lines files. */
final class AmplitudeZips {
  private AmplitudeZips() {}

  /** {@code files} are fixture names under /amplitude; each becomes {@code 281811/<name>.gz}. */
  static byte[] zipOf(String... files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String file : files) {
        zip.putNextEntry(new ZipEntry("281811/" + file + ".gz"));
        zip.write(gzip(fixture(file)));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = AmplitudeZips.class.getResourceAsStream("/amplitude/" + name)) {
      return in.readAllBytes();
    }
  }
}
