package org.tanji.core.cbam;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.tanji.core.units.Quantity;

/**
 * A source stream of the installation (sheet {@code B_EmInst}): a fuel or material whose carbon
 * leaves as CO₂, by the standard method (combustion or process emissions) or by mass balance.
 *
 * @param name as the user names it
 * @param method how its emissions are determined
 * @param process the id of the production process its emissions belong to, or null when the
 *     installation has one process
 * @param amount activity data; negative only for a mass-balance output
 * @param ncv net calorific value (energy per unit of amount), or null; needed when the factor is
 *     per unit of energy
 * @param factor emission factor per unit of energy or of amount, null for mass balance
 * @param oxidation oxidation factor (combustion), a fraction 0–1
 * @param conversion conversion factor (process emissions), a fraction 0–1
 * @param carbonContent carbon content in t C per t (mass balance), a fraction 0–1
 * @param biomass biomass share of the carbon, a fraction 0–1; its CO₂ is reported, not counted
 * @param parameterSource where NCV and factor come from ({@code GB/T 32151 …}), or null when measured
 * @param where the key path of the stream in its file ({@code sourceStreams[2]})
 */
public record SourceStream(String name, Method method, String process, Quantity amount, Quantity ncv,
    Quantity factor, double oxidation, double conversion, double carbonContent, double biomass,
    String parameterSource, String where) {

  /** The monitoring approaches of the template's source-stream table. */
  public enum Method {
    COMBUSTION("combustion"), PROCESS("process"), MASS_BALANCE("mass-balance");

    private final String id;

    Method(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Optional<Method> ofId(String id) {
      return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
  }

  public SourceStream {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(where, "where");
    fraction("oxidation", oxidation);
    fraction("conversion", conversion);
    fraction("carbonContent", carbonContent);
    fraction("biomass", biomass);
    if (method == Method.MASS_BALANCE ? factor != null : factor == null) {
      throw new IllegalArgumentException("source stream " + name + ": a factor belongs to the standard method only");
    }
  }

  private static void fraction(String what, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be a fraction from 0 to 1: " + v);
    }
  }
}
