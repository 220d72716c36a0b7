package org.tanji.server.app;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for usernames. A name is compared in its NFKC form without regard to case (so
 * full-width {@code ａｄｍｉｎ} is {@code admin}); it may not mix scripts (Latin with Cyrillic, as in
 * {@code аdmin} with a Cyrillic а); and a new name whose skeleton (Cyrillic and Greek letters that
 * look like Latin ones read as those) equals an existing name's is refused as a look-alike.
 */
final class Usernames {

  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}._@-]{1,100}");

  /**
   * Cyrillic and Greek lower-case letters that are drawn like a Latin letter in common fonts
   * (after Unicode's confusables data for these scripts).
   */
  private static final Map<Integer, Character> LOOK_ALIKE = Map.ofEntries(
      Map.entry(0x0430, 'a'), Map.entry(0x0435, 'e'), Map.entry(0x043E, 'o'), Map.entry(0x0440, 'p'),
      Map.entry(0x0441, 'c'), Map.entry(0x0443, 'y'), Map.entry(0x0445, 'x'), Map.entry(0x0456, 'i'),
      Map.entry(0x0458, 'j'), Map.entry(0x0455, 's'), Map.entry(0x04BB, 'h'), Map.entry(0x0501, 'd'),
      Map.entry(0x051B, 'q'), Map.entry(0x051D, 'w'), Map.entry(0x0457, 'i'), Map.entry(0x04CF, 'l'),
      Map.entry(0x03BF, 'o'), Map.entry(0x03B1, 'a'), Map.entry(0x03B9, 'i'), Map.entry(0x03BD, 'v'),
      Map.entry(0x03C1, 'p'), Map.entry(0x03C5, 'u'), Map.entry(0x03BA, 'k'), Map.entry(0x03C7, 'x'),
      Map.entry(0x0131, 'i'), Map.entry(0x0261, 'g'));

  private static final Set<UnicodeScript> NEUTRAL = EnumSet.of(UnicodeScript.COMMON, UnicodeScript.INHERITED);

  private Usernames() {}

  /** The form a name is stored and compared in: NFKC, without surrounding spaces, lower case. */
  static String normalize(String name) {
    return name == null ? null : Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Checks a normalized name.
   *
   * @throws AppException.Invalid when it has characters other than letters, digits and {@code ._@-},
   *     is empty or longer than 100, or mixes scripts
   */
  static void check(String username) {
    if (username == null || !ALLOWED.matcher(username).matches()) {
      throw new AppException.Invalid("BAD_USERNAME", "user.badName");
    }
    UnicodeScript seen = null;
    for (int i = 0; i < username.length(); ) {
      int cp = username.codePointAt(i);
      i += Character.charCount(cp);
      UnicodeScript s = UnicodeScript.of(cp);
      if (NEUTRAL.contains(s)) {
        continue;
      }
      if (seen != null && s != seen) {
        throw new AppException.Invalid("BAD_USERNAME", "user.mixedScripts", username);
      }
      seen = s;
    }
  }

  /** An existing name that a new one would be mistaken for, if any. */
  static Optional<String> lookAlike(String username, List<String> existing) {
    String skeleton = skeleton(username);
    return existing.stream().filter(e -> skeleton(e).equals(skeleton)).findFirst();
  }

  static String skeleton(String name) {
    StringBuilder b = new StringBuilder(name.length());
    name.codePoints().forEach(cp -> {
      Character latin = LOOK_ALIKE.get(cp);
      if (latin != null) {
        b.append(latin.charValue());
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.toString();
  }
}
