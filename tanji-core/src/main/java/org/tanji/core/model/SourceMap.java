package org.tanji.core.model;

import java.util.Optional;

/**
 * Where the keys of a study stand in the file it was read from, so that findings found while
 * computing can name a line number. Readers implement {@link #exact}; lookups are rare (one per
 * finding), so an implementation may search rather than index.
 */
public interface SourceMap {

  /** The file's name as given by the user, if the study came from a file. */
  Optional<String> file();

  /** The position of exactly this key path ({@code inventory[2].amount}), if the file has it. */
  Optional<Position> exact(String path);

  /**
   * The position of a key path, or of its nearest enclosing key that has one
   * ({@code inventory[2].quality.activity} falls back to {@code inventory[2].quality}).
   */
  default Optional<Position> find(String path) {
    String p = path;
    while (p != null && !p.isEmpty()) {
      Optional<Position> pos = exact(p);
      if (pos.isPresent()) {
        return pos;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut > 0 ? p.substring(0, cut) : null;
    }
    return Optional.empty();
  }

  /** A study built in code: no file, no positions. */
  static SourceMap empty() {
    return Empty.INSTANCE;
  }

  /** The one source map without a file, so that studies built in code compare equal. */
  enum Empty implements SourceMap {
    INSTANCE;

    @Override
    public Optional<String> file() {
      return Optional.empty();
    }

    @Override
    public Optional<Position> exact(String path) {
      return Optional.empty();
    }
  }
}
