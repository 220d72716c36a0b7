package org.tanji.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tanji.core.i18n.Characters;

/**
 * The product's customs code: an 8-digit code of the EU Combined Nomenclature (CN), or the 6-digit
 * Harmonized System (HS) heading the CN codes refine. Kept as digits only; written with the spaces
 * the tariff prints ({@code 7326 11 00}).
 *
 * @param digits 6 or 8 digits
 */
public record CustomsCode(String digits) {

  private static final Pattern DIGITS = Pattern.compile("\\d{6}|\\d{8}");

  // the tariff prints codes in groups of 4, 2 and 2 digits; people type dots or nothing between them
  private static final Pattern SEPARATORS = Pattern.compile("[\\s.]");

  /** @throws IllegalArgumentException unless the code is 6 or 8 digits */
  public CustomsCode {
    Objects.requireNonNull(digits, "digits");
    if (!DIGITS.matcher(digits).matches()) {
      throw new IllegalArgumentException("a customs code has 6 (HS) or 8 (CN) digits, not " + digits);
    }
  }

  /**
   * A code as people type it: {@code 7326 11 00}, {@code 7326.11.00}, {@code 73261100}, {@code 732611},
   * in full-width digits ({@code ７３２６　１１　００}) too. The one rule for every place a code is
   * read: the study's {@code product.cnCode}, a CBAM file's goods and the CBAM list of goods.
   *
   * @return empty when, without spaces and dots, it is not 6 or 8 digits
   */
  public static Optional<CustomsCode> parse(String text) {
    String digits = SEPARATORS.matcher(Characters.halfWidth(text)).replaceAll("");
    return DIGITS.matcher(digits).matches() ? Optional.of(new CustomsCode(digits)) : Optional.empty();
  }

  /** True for an 8-digit CN code, false for a 6-digit HS heading. */
  public boolean isCn() {
    return digits.length() == 8;
  }

  /** The 6-digit HS heading: the code itself, or the first six digits of a CN code. */
  public String hs() {
    return digits.substring(0, 6);
  }

  /** As the tariff prints it: {@code 7326 11 00}, {@code 7326 11}. */
  public String printed() {
    String out = digits.substring(0, 4) + " " + digits.substring(4, 6);
    return isCn() ? out + " " + digits.substring(6) : out;
  }
}
