package org.tanji.io.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Position;
import org.tanji.core.model.Severity;

/**
 * Builds a {@link Node} tree from Jackson's streaming parser, the same way for YAML and JSON.
 * Duplicate keys and YAML aliases are findings, not silent choices.
 */
public final class TreeBuilder {

  /** Deeper nesting than any study has; refused here, before the recursion gets deep. */
  public static final int MAX_DEPTH = 200;

  /**
   * The parsers' own nesting limit, above {@link #MAX_DEPTH} so that this class, which knows the
   * depth, refuses first; theirs stays as a guard for callers that build no tree.
   */
  public static final int PARSER_MAX_DEPTH = 2 * MAX_DEPTH;
  private static final int SMALL = 16;

  private final JsonParser parser;
  private final List<Finding> findings;
  // the key path of the value being read; turned into a string only for a finding
  private final StringBuilder path = new StringBuilder();
  private int depth;

  private TreeBuilder(JsonParser parser, List<Finding> findings) {
    this.parser = parser;
    this.findings = findings;
  }

  /**
   * Reads the whole document. Syntax errors become a {@code PARSE_ERROR} finding with line and
   * column, and the result is null.
   */
  public static Node build(JsonParser parser, List<Finding> findings) {
    TreeBuilder builder = new TreeBuilder(parser, findings);
    try {
      JsonToken first = parser.nextToken();
      if (first == null) {
        findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.empty")));
        return null;
      }
      Node root = builder.value(first);
      if (parser.nextToken() != null) {
        findings.add(Finding.error("PARSE_ERROR", "", Text.of(parser instanceof YAMLParser ? "read.moreDocuments" : "read.moreValues"))
            .at(Position.unpack(packed(parser.currentTokenLocation()))));
      }
      return root;
    } catch (TooDeep e) {
      findings.add(new Finding("PARSE_ERROR", Severity.ERROR, "", Position.unpack(e.at), Text.of("read.tooDeep", MAX_DEPTH)));
      return null;
    } catch (StreamConstraintsException e) {
      // too long a string or number, too large a document: in the parser's words, where it stands
      findings.add(new Finding("PARSE_ERROR", Severity.ERROR, "", Position.unpack(packed(parser.currentLocation())),
          Text.of("read.syntax", firstLine(String.valueOf(e.getOriginalMessage())))));
      return null;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      Position pos = loc == null || loc.getLineNr() < 1 ? null : Position.unpack(packed(loc));
      String detail = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getOriginalMessage());
      findings.add(new Finding("PARSE_ERROR", Severity.ERROR, "", pos, Text.of("read.syntax", detail)));
      return null;
    } catch (IOException e) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.syntax", firstLine(String.valueOf(e.getMessage())))));
      return null;
    }
  }

  private Node value(JsonToken token) throws IOException {
    long pos = packed(parser.currentTokenLocation());
    switch (token) {
      case START_OBJECT:
      case START_ARRAY:
        if (++depth > MAX_DEPTH) {
          throw new TooDeep(pos);
        }
        Node nested = token == JsonToken.START_OBJECT ? map(pos) : list(pos);
        depth--;
        return nested;
      case VALUE_STRING:
        if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
          findings.add(Finding.error("PARSE_ERROR", path.toString(), Text.of("read.alias", parser.getText()))
              .at(Position.unpack(pos)));
          return new Node.Scalar(null, Node.Kind.NULL, pos);
        }
        return new Node.Scalar(parser.getText(), Node.Kind.STRING, pos);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new Node.Scalar(parser.getText(), Node.Kind.NUMBER, pos);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Node.Scalar(parser.getText(), Node.Kind.BOOLEAN, pos);
      case VALUE_NULL:
        return new Node.Scalar(null, Node.Kind.NULL, pos);
      default:
        // embedded objects (YAML !!binary) and anything else: keep the text, let the schema decide
        return new Node.Scalar(parser.getText(), Node.Kind.STRING, pos);
    }
  }

  private Node map(long pos) throws IOException {
    List<String> keys = new ArrayList<>();
    Map<String, Integer> seen = null; // an index only for large mappings: most have a handful of keys
    long[] keyPositions = new long[8];
    List<Node> values = new ArrayList<>();
    JsonToken t;
    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      long keyPos = packed(parser.currentTokenLocation());
      int mark = path.length();
      path.append(mark == 0 ? "" : ".").append(key);
      Node value = value(parser.nextToken());
      int previous;
      if (seen != null) {
        previous = seen.getOrDefault(key, -1);
      } else {
        previous = keys.indexOf(key);
        if (keys.size() == SMALL) {
          seen = new HashMap<>();
          for (int k = 0; k < keys.size(); k++) {
            seen.put(keys.get(k), k);
          }
        }
      }
      if (previous >= 0) {
        findings.add(Finding.error("DUPLICATE_KEY", path.toString(),
            Text.of("read.duplicateKey", key, Position.unpack(keyPositions[previous]).line())).at(Position.unpack(keyPos)));
        // the first stays; the error stops the calculation, so neither is used silently
      } else {
        if (keys.size() == keyPositions.length) {
          keyPositions = Arrays.copyOf(keyPositions, keyPositions.length * 2);
        }
        keyPositions[keys.size()] = keyPos;
        if (seen != null) {
          seen.put(key, keys.size());
        }
        keys.add(key);
        values.add(value);
      }
      path.setLength(mark);
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IllegalStateException("parser gave " + t + " inside an object");
    }
    return new Node.MapNode(keys.toArray(new String[0]), Arrays.copyOf(keyPositions, keys.size()),
        values.toArray(new Node[0]), pos);
  }

  private Node list(long pos) throws IOException {
    List<Node> items = new ArrayList<>();
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new IllegalStateException("parser ended inside an array");
      }
      int mark = path.length();
      path.append('[').append(items.size()).append(']');
      items.add(value(t));
      path.setLength(mark);
    }
    return new Node.ListNode(items.toArray(new Node[0]), pos);
  }

  private static long packed(JsonLocation loc) {
    return new Position(Math.max(loc.getLineNr(), 1), Math.max(loc.getColumnNr(), 1)).pack();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  /** Nesting beyond {@link #MAX_DEPTH}: unwinds the recursion to {@link #build}, which says so. */
  private static final class TooDeep extends RuntimeException {
    private final long at;

    TooDeep(long at) {
      super(null, null, false, false);
      this.at = at;
    }
  }
}
