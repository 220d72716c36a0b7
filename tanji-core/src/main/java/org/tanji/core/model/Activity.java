package org.tanji.core.model;

import java.util.Map;
import org.tanji.core.units.Quantity;

/**
 * What an inventory line records: one of the four forms the study format allows.
 *
 * <p>Quantities and factor keys are null where the file's value could not be read; the reader has
 * reported those, and the calculator skips what it cannot compute.
 *
 * <p>A future product system adds a form that links to another process; uncertainty is carried
 * by the quantities, so none of the forms need change for it.
 */
public sealed interface Activity {

  /** The factor key a line's activity refers to, or null (gas-level emissions take none). */
  static String factorOf(Activity a) {
    if (a instanceof Amount x) {
      return x.factor();
    } else if (a instanceof Transport x) {
      return x.factor();
    } else if (a instanceof Excluded x) {
      return x.factor();
    }
    return null;
  }

  /** An amount multiplied by a factor: {@code amount: 44369.94 t, factor: round-steel}. */
  record Amount(Quantity amount, String factor) implements Activity {}

  /** Transport as mass moved times distance, multiplied by a factor per t·km. */
  record Transport(Quantity mass, Quantity distance, String factor) implements Activity {}

  /** Direct greenhouse-gas amounts converted with the study's GWP set. */
  record Emissions(Map<String, Quantity> gases) implements Activity {
    public Emissions {
      gases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(gases));
    }
  }

  /**
   * A cut-off input: counted as zero and listed with its reason.
   *
   * @param reason why it was left out
   * @param amount how much of it there was (a mass, for the cut-off rule)
   * @param factor a factor key if one was given, or null
   */
  record Excluded(String reason, Quantity amount, String factor) implements Activity {}
}
