package org.tanji.core.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;

/**
 * Compares a figure a published report states with the recomputed one. A claim matches when it
 * equals the recomputed value rounded to the claim's own printed decimals, or lies within 0.1 %.
 */
public final class Claims {

  public static final String CODE = "CLAIM_MISMATCH";
  /** Relative tolerance within which a claim matches whatever its decimals. */
  public static final double TOLERANCE = 0.001;

  private static final Pattern NUMBER =
      Pattern.compile("\\s*[+-]?(\\d*)(?:\\.(\\d*))?(?:[eE]([+-]?\\d+))?");

  private Claims() {}

  /**
   * True when a claim printed as {@code claimedText} (its number, in the claim's unit) matches the
   * recomputed value expressed in the same unit.
   */
  public static boolean matches(String claimedText, double claimed, double recomputed) {
    if (recomputed == 0) {
      return claimed == 0;
    }
    if (Math.abs(claimed - recomputed) <= TOLERANCE * Math.abs(recomputed)) {
      return true;
    }
    int decimals = decimals(claimedText);
    BigDecimal rounded = BigDecimal.valueOf(recomputed).setScale(decimals, RoundingMode.HALF_UP);
    return rounded.compareTo(BigDecimal.valueOf(claimed)) == 0;
  }

  /**
   * The number of decimals a number is printed with: 2 for {@code 2746.55}, 0 for {@code 120},
   * −3 for {@code 1.2e4} (rounded to thousands).
   */
  public static int decimals(String text) {
    Matcher m = NUMBER.matcher(text);
    if (!m.lookingAt()) {
      return 0;
    }
    int fraction = m.group(2) == null ? 0 : m.group(2).length();
    int exponent = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    return fraction - exponent;
  }

  /**
   * The values a number printed as {@code text} may have had before it was rounded: {@code value}
   * ± half a unit of its last printed digit (4.37 → 4.365 to 4.375).
   */
  public static double[] printed(String text, double value) {
    double half = 0.5 * Math.pow(10, -decimals(text));
    return new double[] {value - half, value + half};
  }

  /**
   * A claim judged against the range of values the printed inputs allow ({@code low} to {@code high},
   * in the claim's unit) as well as the recomputed figure: when the inputs were printed with few
   * digits, the figure they were computed from may differ from theirs by more than 0.1 %. A claim
   * matches when it matches the recomputed figure, or when its own printed range meets the inputs'.
   * The range is named in the message only where it is wider than the tolerance, so that a study
   * with precise inputs reads as before.
   */
  public static Optional<Finding> check(String where, Text what, String claimedText, double claimed,
      double recomputed, String recomputedText, double low, double high) {
    double[] own = printed(claimedText, claimed);
    if (matches(claimedText, claimed, recomputed) || own[1] >= low && own[0] <= high) {
      return Optional.empty();
    }
    boolean coarse = Math.abs(recomputed) > 0 && (high - low) / 2 > TOLERANCE * Math.abs(recomputed);
    Optional<Finding> plain = check(where, what, claimedText, claimed, recomputed, recomputedText);
    if (!coarse || plain.isEmpty()) {
      return plain;
    }
    Text text = plain.get().text();
    String unit = recomputedText.contains(" ") ? recomputedText.substring(recomputedText.indexOf(' ')) : "";
    return Optional.of(Finding.warning(CODE, where, Text.of("claim.mismatch.range", text,
        org.tanji.core.i18n.Numbers.readable(low) + unit, org.tanji.core.i18n.Numbers.readable(high) + unit)));
  }

  /**
   * A {@code CLAIM_MISMATCH} warning when the claim does not match, naming both figures and,
   * when they differ by a factor of about 1000, the likely unit slip.
   *
   * @param what the claimed figure's description
   * @param claimedText what the report printed
   * @param recomputedText the recomputed figure, formatted in the claim's unit
   */
  public static Optional<Finding> check(String where, Text what, String claimedText, double claimed,
      double recomputed, String recomputedText) {
    if (matches(claimedText, claimed, recomputed)) {
      return Optional.empty();
    }
    double ratio = recomputed == 0 ? 0 : claimed / recomputed;
    Text hint = Math.abs(ratio * 1000 - 1) < 0.05 || Math.abs(ratio / 1000 - 1) < 0.05
        ? Text.of("claim.hint.thousand")
        : Text.of("claim.hint.none");
    String diff = percent((claimed - recomputed) / recomputed);
    return Optional.of(Finding.warning(CODE, where,
        Text.of("claim.mismatch", what, claimedText, recomputedText, diff, hint)));
  }

  private static String percent(double fraction) {
    if (!Double.isFinite(fraction)) {
      return "—";
    }
    return BigDecimal.valueOf(fraction * 100).setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
  }
}
