package org.tanji.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where the product is made, as the footprint's geography: an ISO 3166-1 alpha-2 country
 * ({@code CN}) or an ISO 3166-2 subdivision of one ({@code CN-SD}).
 *
 * @param code the code in capitals
 */
public record Geography(String code) {

  private static final Pattern SHAPE = Pattern.compile("([A-Z]{2})(-[A-Z0-9]{1,3})?");

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  /** @throws IllegalArgumentException unless the code is a known country, alone or with a subdivision */
  public Geography {
    Objects.requireNonNull(code, "code");
    var m = SHAPE.matcher(code);
    if (!m.matches() || !COUNTRIES.contains(m.group(1))) {
      throw new IllegalArgumentException("not an ISO 3166 country or subdivision code: " + code);
    }
  }

  /** A code as typed, in any case; empty when it is not a known country or a subdivision of one. */
  public static Optional<Geography> parse(String text) {
    String code = text.strip().toUpperCase(Locale.ROOT);
    var m = SHAPE.matcher(code);
    return m.matches() && COUNTRIES.contains(m.group(1)) ? Optional.of(new Geography(code)) : Optional.empty();
  }

  /** True for a subdivision ({@code CN-SD}), false for a whole country. */
  public boolean isSubdivision() {
    return code.length() > 2;
  }

  /** The country: the code itself, or the two letters before the subdivision. */
  public String country() {
    return code.substring(0, 2);
  }
}
