package org.tanji.report.build;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanji.core.i18n.Messages;

/**
 * The report's words in one language, from the {@code report} bundles. Placeholders {@code {0}},
 * {@code {1}} … are replaced with values that are already formatted, so no apostrophe or number
 * rules of {@link java.text.MessageFormat} apply.
 */
final class Words {

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final ResourceBundle bundle;
  private final Locale locale;

  Words(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle("org.tanji.report.report", locale, NO_FALLBACK);
  }

  Locale locale() {
    return locale;
  }

  boolean chinese() {
    return locale.getLanguage().equals("zh");
  }

  /** The text of {@code key} with its placeholders filled; a missing key shows as {@code !key!}. */
  String get(String key, Object... args) {
    String text;
    try {
      text = bundle.getString(key);
    } catch (MissingResourceException e) {
      return "!" + key + "!";
    }
    // one pass, so that a value containing "{1}" (a name as typed) is never filled in itself
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(i < args.length ? String.valueOf(args[i]) : m.group()));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");

  /** Text in brackets after a word: full-width （…） in Chinese, " (…)" in English. */
  String paren(String text) {
    return chinese() ? "（" + text + "）" : " (" + text + ")";
  }

  /** A label that starts a table cell or a list item: "Raw-material acquisition" (Chinese as it is). */
  String capitalized(String text) {
    return text.isEmpty() || chinese() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  /** A list in running text: 、 between Chinese items, a comma between English ones. */
  String join(java.util.Collection<String> items) {
    return String.join(chinese() ? "、" : ", ", items);
  }

  /** True when the bundle has {@code key}. */
  boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** A text of the core bundle (stage names and the like). */
  String core(String key) {
    return Messages.get(key, locale);
  }
}
