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
    args = List.copyOf(args);
  }

  /** A text with the given key and arguments (strings, numbers or nested texts). */
  public static Text of(String key, Object... args) {
    return new Text(key, List.of(args));
  }

  /** Renders this text in the given locale. */
  public String render(Locale locale) {
    return Messages.render(this, locale);
  }
}
