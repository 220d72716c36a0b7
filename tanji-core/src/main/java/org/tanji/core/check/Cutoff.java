package org.tanji.core.check;

import java.util.Optional;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;

/**
 * The cut-off rule: an input may be left out only when its mass is below a share of all
 * raw-material input mass (0.5 % by default).
 */
public final class Cutoff {

  public static final String CODE = "CUTOFF_EXCEEDED";

  private Cutoff() {}

  /** A warning when an excluded input's mass share reaches the threshold. */
  public static Optional<Finding> check(String where, String name, double massKg, double rawMaterialKg,
      double threshold, String shareText, String thresholdText) {
    if (massKg / rawMaterialKg < threshold) {
      return Optional.empty();
    }
    return Optional.of(Finding.warning(CODE, where, Text.of("cutoff.exceeded", name, shareText, thresholdText)));
  }
}
