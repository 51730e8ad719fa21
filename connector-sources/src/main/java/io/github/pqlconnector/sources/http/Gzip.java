package io.github.pqlconnector.sources.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Unzips a body that is gzip by content. OkHttp already decodes {@code Content-Encoding: gzip} transparently; this
 * covers exports served as a gzip file without that header.
 */
public final class Gzip {
  private Gzip() {}

  public static InputStream ifCompressed(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    return first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
  }
}
