package org.tanji.core.check;

import java.util.List;
import java.util.Optional;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Activity;
import org.tanji.core.model.Finding;
import org.tanji.core.model.InventoryLine;
import org.tanji.core.model.Stage;
import org.tanji.core.units.Dimension;
import org.tanji.core.units.Quantity;

/**
 * The cut-off rule: an input may be left out only when its mass is below a share of all
 * raw-material input mass (0.5 % by default).
 */
public final class Cutoff {

  public static final String CODE = "CUTOFF_EXCEEDED";

  private Cutoff() {}

  /**
   * The base of the rule: the mass of all raw-material inputs in kg, the excluded ones included
   * (positive masses of the raw-materials stage).
   */
  public static double rawMaterialMassKg(List<InventoryLine> inventory) {
    double kg = 0;
    for (InventoryLine line : inventory) {
      Quantity amount = null;
      if (line.activity() instanceof Activity.Amount a) {
        amount = a.amount();
      } else if (line.activity() instanceof Activity.Excluded x) {
        amount = x.amount();
      }
      if (line.stage() == Stage.RAW_MATERIALS && amount != null && amount.dimension().equals(Dimension.MASS)
          && amount.value() > 0) {
        kg += amount.inBase();
      }
    }
    return kg;
  }

  /** A warning when an excluded input's mass share reaches the threshold. */
  public static Optional<Finding> check(String where, String name, double massKg, double rawMaterialKg,
      double threshold, String shareText, String thresholdText) {
    if (massKg / rawMaterialKg < threshold) {
      return Optional.empty();
    }
    return Optional.of(Finding.warning(CODE, where, Text.of("cutoff.exceeded", name, shareText, thresholdText)));
  }
}
