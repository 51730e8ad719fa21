package io.github.pqlconnector.sources.file;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Decoding traits files as UTF-8, so that a byte in another encoding costs its row, not the whole file. */
final class Utf8 {
  /** Stands in for undecodable bytes: a noncharacter, never in real text. */
  static final char BAD = '\uFFFF';
  static final String PROBLEM = "not valid UTF-8 (save the file as UTF-8; Latin-1 or Windows-1252 bytes are not)";

  private Utf8() {}

  static Reader lenientReader(InputStream in) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .replaceWith(String.valueOf(BAD));
    return new InputStreamReader(in, decoder);
  }

  static boolean hasBad(@Nullable String text) {
    return text != null && text.indexOf(BAD) >= 0;
  }

  /** The text, or null when the bytes are not UTF-8. */
  static @Nullable String strict(byte[] bytes, int offset, int length) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
