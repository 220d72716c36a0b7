package org.tanji.io.xlsx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tanji.io.internal.Node;

/**
 * A mapping being assembled from cells, before it becomes a {@link Node}. Paths with dots
 * ({@code quality.activity}) make nested mappings.
 */
final class Rec {

  private record Entry(Object value, long position) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final long position;

  Rec(long position) {
    this.position = position;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Puts a value (a {@link Node}, a {@link Rec} or a list of nodes) at a dotted path. */
  void put(String path, Object value, long pos) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      entries.put(path, new Entry(value, pos));
      return;
    }
    String head = path.substring(0, dot);
    Entry e = entries.get(head);
    Rec child;
    if (e != null && e.value() instanceof Rec r) {
      child = r;
    } else {
      child = new Rec(pos);
      entries.put(head, new Entry(child, pos));
    }
    child.put(path.substring(dot + 1), value, pos);
  }

  Node toNode() {
    String[] keys = new String[entries.size()];
    long[] positions = new long[keys.length];
    Node[] values = new Node[keys.length];
    int i = 0;
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      keys[i] = e.getKey();
      positions[i] = e.getValue().position();
      values[i] = node(e.getValue().value(), e.getValue().position());
      i++;
    }
    return Node.map(keys, positions, values, position);
  }

  private static Node node(Object v, long pos) {
    if (v instanceof Rec r) {
      return r.toNode();
    }
    if (v instanceof List<?> list) {
      List<Node> items = new ArrayList<>(list.size());
      for (Object o : list) {
        items.add(node(o, pos));
      }
      return Node.list(items.toArray(new Node[0]), pos);
    }
    return (Node) v;
  }
}
