package org.tanji.io.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A small table written in one cell or one scalar, as people type it into a spreadsheet:
 * {@code USD = 7.1 CNY; EUR = 7.8 CNY}. Parts are separated by {@code ;}, the full-width {@code ；}
 * or a line break; each part splits at its first key separator. The one rule for every such field
 * (exchange rates, a GWP table, credits, a cell of gases or a distribution), so that they all accept
 * the same writing.
 */
public final class Pairs {

  /** The key separators of study files: {@code =} and the full-width {@code ＝} a Chinese input method types. */
  public static final String EQUALS = "=＝";

  /**
   * One part.
   *
   * @param key the text before the separator, stripped, never empty
   * @param value the text after it, stripped
   */
  public record Pair(String key, String value) {}

  private Pairs() {}

  /**
   * The pairs of a text, in order; blank parts are skipped.
   *
   * @param separators the characters a key ends with (e.g. {@link #EQUALS})
   * @param bad receives each part, stripped, that has no separator or nothing before it; such a part
   *     is not returned
   */
  public static List<Pair> split(String text, String separators, Consumer<String> bad) {
    List<Pair> out = new ArrayList<>();
    for (String part : text.split("[\\n;；]")) {
      if (part.isBlank()) {
        continue;
      }
      int sep = -1;
      for (int i = 0; i < part.length() && sep < 0; i++) {
        if (separators.indexOf(part.charAt(i)) >= 0) {
          sep = i;
        }
      }
      String key = sep < 0 ? "" : part.substring(0, sep).strip();
      if (key.isEmpty()) {
        bad.accept(part.strip());
      } else {
        out.add(new Pair(key, part.substring(sep + 1).strip()));
      }
    }
    return out;
  }
}
