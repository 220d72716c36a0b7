package org.tanji.core.i18n;

/**
 * What a Chinese input method, Excel or Word put into text that is meant as plain ASCII: one rule
 * for every reader of typed codes and numbers.
 */
public final class Characters {

  private Characters() {}

  /**
   * Full-width ASCII forms (ＡＢＣ１２３), as typed with a Chinese input method, and the other
   * spaces (ideographic, no-break as pasted from Excel or Word, em …) to their ordinary forms.
   */
  public static String halfWidth(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char r = c < 0x80 ? c // the usual case: plain ASCII, nothing to convert
          : c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0)
          : Character.getType(c) == Character.SPACE_SEPARATOR ? ' ' : c;
      if (r != c && out == null) {
        out = new StringBuilder(s.substring(0, i));
      }
      if (out != null) {
        out.append(r);
      }
    }
    return out == null ? s : out.toString();
  }
}
