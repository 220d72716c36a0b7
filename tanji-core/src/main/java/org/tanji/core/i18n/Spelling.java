package org.tanji.core.i18n;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for every name a user types: units, keys, stages, factor keys, library ids, gases.
 * One rule everywhere: a match that differs only in case wins; otherwise the nearest candidate by
 * edit distance, if it is near enough to be a typo (1 edit for words of up to three characters, else
 * a third of the word's length, at most 3).
 */
public final class Spelling {

  /** Longer input is not a typo of a short name, and comparing it would only cost time. */
  private static final int MAX_LENGTH = 60;

  private Spelling() {}

  /** The candidate the user probably meant, in the candidates' own order on ties. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    if (word == null || word.isEmpty() || word.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    for (String c : candidates) {
      if (c.equalsIgnoreCase(word)) {
        return Optional.of(c);
      }
    }
    int allowed = word.length() <= 3 ? 1 : Math.min(3, Math.max(1, word.length() / 3));
    String lower = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = allowed + 1;
    for (String c : candidates) {
      int d = distance(lower, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein distance. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
