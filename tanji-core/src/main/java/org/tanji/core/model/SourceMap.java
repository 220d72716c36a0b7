package org.tanji.core.model;

import java.util.Map;
import java.util.Optional;

/**
 * Where each key of a study stands in the file it was read from, so that findings found while
 * computing can name a line number.
 *
 * @param file the file's name as given by the user, or null
 * @param positions key path ({@code inventory[2].amount}) to position
 */
public record SourceMap(String file, Map<String, Position> positions) {

  public SourceMap {
    positions = Map.copyOf(positions);
  }

  public static SourceMap empty() {
    return new SourceMap(null, Map.of());
  }

  /**
   * The position of a key path, or of its nearest enclosing key that has one
   * ({@code inventory[2].quality.activity} falls back to {@code inventory[2].quality}).
   */
  public Optional<Position> find(String path) {
    String p = path;
    while (p != null && !p.isEmpty()) {
      Position pos = positions.get(p);
      if (pos != null) {
        return Optional.of(pos);
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut > 0 ? p.substring(0, cut) : null;
    }
    return Optional.empty();
  }
}
