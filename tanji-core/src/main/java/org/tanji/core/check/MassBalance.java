package org.tanji.core.check;

import java.util.Optional;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;

/**
 * A plant cannot ship more mass than it takes in: when the products' output mass exceeds the mass
 * of all raw-material inputs, an input is missing or an amount is wrong.
 */
public final class MassBalance {

  public static final String CODE = "MASS_BALANCE";

  private MassBalance() {}

  /**
   * A warning when output mass exceeds raw-material input mass.
   *
   * @param outputKg mass of the studied product and its coproducts made in the period
   * @param inputKg mass of all raw-material inputs (counted and excluded)
   */
  public static Optional<Finding> check(double outputKg, double inputKg, String outputText, String inputText) {
    if (outputKg <= inputKg) {
      return Optional.empty();
    }
    return Optional.of(Finding.warning(CODE, "product.output", Text.of("massBalance", outputText, inputText)));
  }
}
