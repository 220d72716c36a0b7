package org.tanji.io.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Position;

/**
 * Builds a {@link Node} tree from Jackson's streaming parser, the same way for YAML and JSON.
 * Duplicate keys and YAML aliases are findings, not silent choices.
 */
public final class TreeBuilder {

  private final JsonParser parser;
  private final List<Finding> findings;

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
      Node root = builder.value(first, "");
      JsonToken next = parser.nextToken();
      if (next != null) {
        findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.moreDocuments")).at(position(parser.currentTokenLocation())));
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      Position pos = loc == null || loc.getLineNr() < 1 ? null : position(loc);
      String detail = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getOriginalMessage());
      findings.add(new Finding("PARSE_ERROR", org.tanji.core.model.Severity.ERROR, "", pos,
          Text.of("read.syntax", detail)));
      return null;
    } catch (IOException e) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.syntax", firstLine(String.valueOf(e.getMessage())))));
      return null;
    }
  }

  private Node value(JsonToken token, String path) throws IOException {
    Position pos = position(parser.currentTokenLocation());
    switch (token) {
      case START_OBJECT:
        return map(pos, path);
      case START_ARRAY:
        return list(pos, path);
      case VALUE_STRING:
        if (parser instanceof YAMLParser y && y.isCurrentAlias()) {
          findings.add(Finding.error("PARSE_ERROR", path, Text.of("read.alias", parser.getText())).at(pos));
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

  private Node map(Position pos, String path) throws IOException {
    Map<String, Node.Entry> entries = new LinkedHashMap<>();
    JsonToken t;
    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Position keyPos = position(parser.currentTokenLocation());
      String childPath = path.isEmpty() ? key : path + "." + key;
      Node value = value(parser.nextToken(), childPath);
      Node.Entry previous = entries.get(key);
      if (previous != null) {
        findings.add(Finding.error("DUPLICATE_KEY", childPath,
            Text.of("read.duplicateKey", key, previous.keyPosition().line())).at(keyPos));
        continue; // the first stays; the error stops the calculation, so neither is used silently
      }
      entries.put(key, new Node.Entry(key, keyPos, value));
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IllegalStateException("parser gave " + t + " inside an object");
    }
    return new Node.MapNode(entries, pos);
  }

  private Node list(Position pos, String path) throws IOException {
    List<Node> items = new ArrayList<>();
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new IllegalStateException("parser ended inside an array");
      }
      items.add(value(t, path + "[" + items.size() + "]"));
    }
    return new Node.ListNode(items, pos);
  }

  private static Position position(JsonLocation loc) {
    return new Position(Math.max(loc.getLineNr(), 1), Math.max(loc.getColumnNr(), 1));
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
