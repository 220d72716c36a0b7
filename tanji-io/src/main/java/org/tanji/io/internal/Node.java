package org.tanji.io.internal;

import java.util.HashMap;
import java.util.Map;
import org.tanji.core.model.Position;

/**
 * A YAML or JSON value with the position it stands at, so that every finding can name its line.
 * Scalars keep the text exactly as written ({@code 0123}, {@code 4.00}). Positions are packed
 * into longs ({@link Position#pack()}): a large study has millions of them.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.Scalar {

  /** A mapping built by another reader (a workbook's); keys in order, positions packed. */
  static MapNode map(String[] keys, long[] keyPositions, Node[] values, long packed) {
    return new MapNode(keys, keyPositions, values, packed);
  }

  static ListNode list(Node[] items, long packed) {
    return new ListNode(items, packed);
  }

  /** The packed position where the value starts. */
  long packed();

  default Position position() {
    return Position.unpack(packed());
  }

  /** True for an explicit null ({@code ~}, {@code null}) or an alias that was refused. */
  default boolean isNull() {
    return this instanceof Scalar s && s.kind() == Kind.NULL;
  }

  /** A mapping; keys in file order, each with the position of the key. */
  final class MapNode implements Node {
    private final String[] keys;
    private final long[] keyPositions;
    private final Node[] values;
    private final long packed;

    MapNode(String[] keys, long[] keyPositions, Node[] values, long packed) {
      this.keys = keys;
      this.keyPositions = keyPositions;
      this.values = values;
      this.packed = packed;
    }

    @Override
    public long packed() {
      return packed;
    }

    public int size() {
      return keys.length;
    }

    public String key(int i) {
      return keys[i];
    }

    public Node value(int i) {
      return values[i];
    }

    public Position keyPosition(int i) {
      return Position.unpack(keyPositions[i]);
    }

    /**
     * The index of a key, or −1. Most mappings are a handful of keys and searched linearly; a
     * large one (a thousand factors) gets an index on first use.
     */
    public int indexOf(String key) {
      if (keys.length > SMALL) {
        if (index == null) {
          Map<String, Integer> built = new HashMap<>(keys.length * 2);
          for (int i = 0; i < keys.length; i++) {
            built.put(keys[i], i);
          }
          index = built;
        }
        return index.getOrDefault(key, -1);
      }
      for (int i = 0; i < keys.length; i++) {
        if (keys[i].equals(key)) {
          return i;
        }
      }
      return -1;
    }

    private static final int SMALL = 16;
    private Map<String, Integer> index;

    /** The value under a key, or null. */
    public Node get(String key) {
      int i = indexOf(key);
      return i < 0 ? null : values[i];
    }
  }

  final class ListNode implements Node {
    private final Node[] items;
    private final long packed;

    ListNode(Node[] items, long packed) {
      this.items = items;
      this.packed = packed;
    }

    @Override
    public long packed() {
      return packed;
    }

    public int size() {
      return items.length;
    }

    public Node get(int i) {
      return items[i];
    }
  }

  /**
   * A scalar as written.
   *
   * @param text the scalar's text as in the file, null for an explicit null
   * @param kind what the parser took it for
   */
  record Scalar(String text, Kind kind, long packed) implements Node {}

  /** What a scalar was parsed as. */
  enum Kind { STRING, NUMBER, BOOLEAN, NULL }
}
