package io.github.pqlconnector.core.problem;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps every JSON pointer in a YAML document to the line it starts on, built in one token pass, so that
 * problems found after binding still name their line.
 */
public final class LineIndex {
  private final Map<String, Integer> lines;

  private LineIndex(Map<String, Integer> lines) {
    this.lines = lines;
  }

  public static LineIndex empty() {
    return new LineIndex(Map.of());
  }

  /** Indexes {@code yaml}; throws the parser's exception on a syntax error, which the loader reports. */
  public static LineIndex of(String yaml) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        if (token.isStructStart()) {
          pointer = parser.getParsingContext().getParent().pathAsPointer().toString();
        }
        lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
      }
    }
    return new LineIndex(lines);
  }

  /** The line of {@code path}, or of its nearest ancestor in the file; 0 for the root or when nothing is. */
  public int lineOf(ConfigPath path) {
    for (ConfigPath at = path; !at.segments().isEmpty(); at = at.parent()) {
      Integer line = lines.get(at.pointer());
      if (line != null) {
        return line;
      }
    }
    return 0;
  }
}
