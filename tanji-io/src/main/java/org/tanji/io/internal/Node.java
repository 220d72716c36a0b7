package org.tanji.io.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tanji.core.model.Position;

/**
 * A YAML or JSON value with the position it stands at, so that every finding can name its line.
 * Scalars keep the text exactly as written ({@code 0123}, {@code 4.00}).
 */
public sealed interface Node {

  Position position();

  /** A mapping; keys in file order, each with the position of the key. */
  record MapNode(Map<String, Entry> entries, Position position) implements Node {
    public MapNode {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
  }

  /** One key of a mapping: where the key stands and its value. */
  record Entry(String key, Position keyPosition, Node value) {}

  record ListNode(List<Node> items, Position position) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }
  }

  /**
   * A scalar as written.
   *
   * @param text the scalar's text as in the file
   * @param kind what the parser took it for
   */
  record Scalar(String text, Kind kind, Position position) implements Node {}

  /** What a scalar was parsed as. */
  enum Kind { STRING, NUMBER, BOOLEAN, NULL }
}
