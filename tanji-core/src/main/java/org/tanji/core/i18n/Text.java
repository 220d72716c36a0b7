package org.tanji.core.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A piece of user-facing text that is not yet rendered: a message key and its arguments.
 *
 * <p>Arguments may themselves be {@code Text}, so that a dimension's name or a stage's name is
 * translated together with the sentence around it. Rendering happens only at presentation.
 */
public record Text(String key, List<Object> args) {

  public Text {
    Objects.requireNonNull(key, "key");
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i) == null) {
        throw new NullPointerException("argument " + i + " of text " + key + " is null");
      }
    }
    args = List.copyOf(args);
  }

  /** A text with the given key and arguments (strings, numbers or nested texts). */
  public static Text of(String key, Object... args) {
    return new Text(key, java.util.Arrays.asList(args)); // the constructor names a null argument
  }

  /**
   * A list read as a person writes it: "a, b and c" in English, "a、b和c" in Chinese.
   *
   * @param items texts or strings, at least one
   */
  public static Object list(List<?> items) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("an empty list has no text");
    }
    Object acc = items.get(0);
    for (int i = 1; i < items.size(); i++) {
      acc = Text.of(i == items.size() - 1 ? "list.last" : "list.next", acc, items.get(i));
    }
    return acc;
  }

  /** Renders this text in the given locale. */
  public String render(Locale locale) {
    return Messages.render(this, locale);
  }
}
