package io.github.pqlconnector.sources.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a JSON Lines export record by record with Jackson's streaming parser: memory is one read buffer plus the
 * longest record (at most {@link #MAX_RECORD_BYTES}). Handles what exports really do:
 * <ul>
 *   <li>a record split over several lines (seen in Mixpanel exports): a line that ends inside its JSON value is
 *       joined with the next ones, up to {@link #MAX_JOINED_LINES};</li>
 *   <li>a malformed record: rejected with {@code source:line} and skipped, the stream goes on;</li>
 *   <li>a truncated export: Mixpanel's trailing {@code terminated early} line, or a stream that ends inside a
 *       record, throws {@link EOFException} so the caller fails the whole window.</li>
 * </ul>
 */
public final class JsonLines {
  public static final int MAX_RECORD_BYTES = 16 << 20;
  static final int MAX_JOINED_LINES = 8;
  private static final byte[] TERMINATED_EARLY = "terminated early".getBytes(StandardCharsets.US_ASCII);
  private static final JsonFactory JSON = new JsonFactory();

  /** Parses one record; throws {@link JsonProcessingException} for bad JSON, reports other problems itself. */
  @FunctionalInterface
  public interface RecordParser {
    void parse(JsonParser parser, long line) throws IOException;
  }

  /** Where rejected records go: {@code location} is {@code source:line}. */
  @FunctionalInterface
  public interface Rejects {
    void reject(String location, String problem);
  }

  private final String source;
  private final RecordParser parser;
  private final Rejects rejects;
  private byte[] record = new byte[1 << 12];
  private int recordLength;
  private int joined;
  private int lineStart;
  private long firstLine;
  private long lineNumber;

  private JsonLines(String source, RecordParser parser, Rejects rejects) {
    this.source = source;
    this.parser = parser;
    this.rejects = rejects;
  }

  /** Reads {@code in} to its end; returns the number of lines read. */
  public static long read(InputStream in, String source, RecordParser parser, Rejects rejects) throws IOException {
    JsonLines lines = new JsonLines(source, parser, rejects);
    lines.scan(in);
    return lines.lineNumber;
  }

  private void scan(InputStream in) throws IOException {
    byte[] buffer = new byte[1 << 16];
    int lineLength = 0;
    boolean tooLong = false;
    int read;
    while ((read = in.read(buffer)) > 0) {
      int start = 0;
      for (int i = 0; i < read; i++) {
        if (buffer[i] != '\n') {
          continue;
        }
        tooLong = append(buffer, start, i - start, lineLength, tooLong);
        endOfLine(tooLong);
        lineLength = 0;
        tooLong = false;
        start = i + 1;
      }
      tooLong = append(buffer, start, read - start, lineLength, tooLong);
      lineLength += read - start;
    }
    if (lineLength > 0 || recordLength > 0) {
      endOfLine(tooLong);
    }
    if (joined > 0) {
      throw new EOFException(source + " ended inside the record that starts at line " + firstLine);
    }
  }

  /** Appends a piece of the current line to the record; true once the record is over the size limit. */
  private boolean append(byte[] bytes, int offset, int length, int lineSoFar, boolean tooLong) {
    if (lineSoFar == 0) {
      lineStart = recordLength;
    }
    if (tooLong || recordLength + length > MAX_RECORD_BYTES) {
      return true;
    }
    if (record.length < recordLength + length) {
      record = Arrays.copyOf(record, Math.max(record.length * 2, recordLength + length));
    }
    System.arraycopy(bytes, offset, record, recordLength, length);
    recordLength += length;
    return false;
  }

  private void endOfLine(boolean tooLong) throws IOException {
    lineNumber++;
    if (joined == 0) {
      firstLine = lineNumber;
    }
    if (tooLong) {
      reject("record longer than " + (MAX_RECORD_BYTES >> 20) + " MiB");
      return;
    }
    if (isBlank()) {
      recordLength = 0;
      return;
    }
    if (joined == 0 && isTerminatedEarly()) {
      throw new EOFException(source + " ended with \"terminated early\" after line " + (lineNumber - 1));
    }
    parseRecord();
  }

  private void parseRecord() throws IOException {
    try (JsonParser p = JSON.createParser(record, 0, recordLength)) {
      parser.parse(p, firstLine);
      clear();
    } catch (JsonProcessingException e) {
      if (endsInside(e)) {
        if (++joined >= MAX_JOINED_LINES) {
          reject("incomplete JSON record, even joined with the next " + (MAX_JOINED_LINES - 1) + " lines");
        }
      } else if (joined > 0) {
        retryLastLineAlone();
      } else {
        reject("not valid JSON: " + e.getOriginalMessage());
      }
    }
  }

  /** The record ended before its JSON value did (Jackson reports some of these without a JsonEOFException). */
  private boolean endsInside(JsonProcessingException e) {
    return e instanceof JsonEOFException
        || e.getLocation() != null && e.getLocation().getByteOffset() >= recordLength;
  }

  /** The lines joined so far were a broken record after all, not a split one: reject them, parse this line alone. */
  private void retryLastLineAlone() throws IOException {
    int length = recordLength - lineStart;
    reject("incomplete JSON record");
    System.arraycopy(record, lineStart, record, 0, length);
    recordLength = length;
    lineStart = 0;
    firstLine = lineNumber;
    parseRecord();
  }

  private void reject(String problem) {
    rejects.reject(source + ":" + firstLine, problem);
    clear();
  }

  private void clear() {
    recordLength = 0;
    joined = 0;
  }

  private boolean isBlank() {
    for (int i = 0; i < recordLength; i++) {
      byte b = record[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private boolean isTerminatedEarly() {
    int end = recordLength;
    while (end > 0 && (record[end - 1] == '\r' || record[end - 1] == ' ')) {
      end--;
    }
    return end == TERMINATED_EARLY.length && Arrays.equals(record, 0, end, TERMINATED_EARLY, 0, end);
  }
}
