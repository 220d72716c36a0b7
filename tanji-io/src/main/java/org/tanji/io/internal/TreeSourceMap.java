package org.tanji.io.internal;

import java.util.Optional;
import org.tanji.core.model.Position;
import org.tanji.core.model.SourceMap;

/**
 * Finds key paths in the parsed tree on demand. A study with 100,000 lines has millions of keys
 * and usually a handful of findings, so searching beats indexing every key up front.
 */
public final class TreeSourceMap implements SourceMap {

  private final Node root;
  private final String file;

  public TreeSourceMap(Node root, String file) {
    this.root = root;
    this.file = file;
  }

  @Override
  public Optional<String> file() {
    return Optional.ofNullable(file);
  }

  /**
   * Walks {@code a.b[2].c}: a mapping's key is the longest key that the rest of the path starts
   * with (keys may contain dots), a list's index is {@code [n]}. A key's position is where the key
   * stands; a list item's is where the item starts.
   */
  @Override
  public Optional<Position> exact(String path) {
    Node node = root;
    Position at = null;
    int i = 0;
    while (i < path.length()) {
      if (path.charAt(i) == '.') {
        i++;
      }
      if (node instanceof Node.ListNode list && i < path.length() && path.charAt(i) == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          return Optional.empty();
        }
        int index;
        try {
          index = Integer.parseInt(path.substring(i + 1, close));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        if (index < 0 || index >= list.size()) {
          return Optional.empty();
        }
        node = list.get(index);
        at = node.position();
        i = close + 1;
      } else if (node instanceof Node.MapNode map) {
        // keys may contain dots: try the longest candidate first, then shorter ones
        int best = -1;
        int end = path.length();
        while (best < 0 && end > i) {
          best = map.indexOf(path.substring(i, end));
          if (best < 0) {
            end = lastSeparator(path, i, end);
          }
        }
        if (best < 0) {
          return Optional.empty();
        }
        at = map.keyPosition(best);
        node = map.value(best);
        i = end;
      } else {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(at);
  }

  /** The last '.' or '[' in path[from, before), or from when there is none. */
  private static int lastSeparator(String path, int from, int before) {
    for (int k = before - 1; k > from; k--) {
      char c = path.charAt(k);
      if (c == '.' || c == '[') {
        return k;
      }
    }
    return from;
  }
}
