package org.tanji.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Renders {@link Text} from the {@code messages} resource bundles (English and Chinese). */
public final class Messages {

  public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  public static final Locale EN = Locale.ENGLISH;
  private static final String BUNDLE = "org.tanji.core.i18n.messages";

  private Messages() {}

  /** The locale for a study language code: {@code zh} or {@code en}; anything else is English. */
  public static Locale locale(String language) {
    return "zh".equals(language) ? ZH : EN;
  }

  /** Renders a text; a missing key is a bug, so it shows up loudly as {@code !key!}. */
  public static String render(Text text, Locale locale) {
    return render(BUNDLE, text, locale);
  }

  /**
   * Renders a text from another module's bundle (a base name such as {@code org.tanji.server.messages});
   * arguments that are texts themselves come from the same bundle.
   */
  public static String render(String bundleName, Text text, Locale locale) {
    ResourceBundle bundle = ResourceBundle.getBundle(bundleName, locale, NO_FALLBACK);
    String pattern;
    try {
      pattern = bundle.getString(text.key());
    } catch (MissingResourceException e) {
      return "!" + text.key() + "!";
    }
    Object[] args = text.args().stream().map(a -> a instanceof Text t ? render(bundleName, t, locale) : a).toArray();
    if (args.length == 0) {
      return pattern;
    }
    MessageFormat format = new MessageFormat(pattern, locale);
    return format.format(args);
  }

  /** Renders a key without arguments. */
  public static String get(String key, Locale locale) {
    return render(Text.of(key), locale);
  }

  // English lives in the base bundle; without this, a machine whose default locale is Chinese
  // would answer an English request from messages_zh.
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
