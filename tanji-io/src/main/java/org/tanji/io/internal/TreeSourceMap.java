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
  public String file() {
    return file;
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
        int best = -1;
        for (int k = 0; k < map.size(); k++) {
          String key = map.key(k);
          int end = i + key.length();
          if (path.startsWith(key, i) && (end == path.length() || path.charAt(end) == '.' || path.charAt(end) == '[')
              && (best < 0 || key.length() > map.key(best).length())) {
            best = k;
          }
        }
        if (best < 0) {
          return Optional.empty();
        }
        at = map.keyPosition(best);
        node = map.value(best);
        i += map.key(best).length();
      } else {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(at);
  }
}
