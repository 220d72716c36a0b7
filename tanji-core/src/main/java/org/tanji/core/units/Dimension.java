package org.tanji.core.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tanji.core.i18n.Text;

/**
 * A physical dimension as integer exponents over Tanji's base dimensions.
 *
 * <p>The bases are chosen for carbon accounting rather than physics: energy is a base of its own
 * (joules and kilowatt-hours convert, but nobody needs energy in kg·m²/s²), gas volume at normal
 * conditions is a base of its own so that {@code Nm3} never converts to or from {@code m3}, and
 * CO₂e mass is a base of its own so that an emission is never confused with a material's mass.
 */
public record Dimension(int mass, int length, int energy, int gasVolume, int count, int co2e) {

  public static final Dimension NONE = new Dimension(0, 0, 0, 0, 0, 0);
  public static final Dimension MASS = new Dimension(1, 0, 0, 0, 0, 0);
  public static final Dimension LENGTH = new Dimension(0, 1, 0, 0, 0, 0);
  public static final Dimension VOLUME = new Dimension(0, 3, 0, 0, 0, 0);
  public static final Dimension ENERGY = new Dimension(0, 0, 1, 0, 0, 0);
  public static final Dimension GAS_VOLUME = new Dimension(0, 0, 0, 1, 0, 0);
  public static final Dimension COUNT = new Dimension(0, 0, 0, 0, 1, 0);
  public static final Dimension CO2E = new Dimension(0, 0, 0, 0, 0, 1);
  public static final Dimension TRANSPORT_WORK = MASS.times(LENGTH);

  private static final String[] BASE_KEYS = {
    "dim.base.mass", "dim.base.length", "dim.base.energy", "dim.base.gasVolume", "dim.base.count",
    "dim.base.co2e"
  };

  // Names a person uses for whole dimensions; anything else is described from its parts.
  private static final Map<Dimension, String> NAMED = Map.of(
      NONE, "dim.none",
      MASS, "dim.mass",
      LENGTH, "dim.length",
      VOLUME, "dim.volume",
      ENERGY, "dim.energy",
      GAS_VOLUME, "dim.gasVolume",
      COUNT, "dim.count",
      CO2E, "dim.co2e",
      TRANSPORT_WORK, "dim.transportWork");

  public Dimension times(Dimension o) {
    return new Dimension(mass + o.mass, length + o.length, energy + o.energy,
        gasVolume + o.gasVolume, count + o.count, co2e + o.co2e);
  }

  public Dimension dividedBy(Dimension o) {
    return times(o.inverse());
  }

  public Dimension inverse() {
    return new Dimension(-mass, -length, -energy, -gasVolume, -count, -co2e);
  }

  /** True for the dimension of a CO₂e mass, which every line's emissions must reduce to. */
  public boolean isCo2e() {
    return equals(CO2E);
  }

  private int[] exponents() {
    return new int[] {mass, length, energy, gasVolume, count, co2e};
  }

  private static Dimension of(int[] e) {
    return new Dimension(e[0], e[1], e[2], e[3], e[4], e[5]);
  }

  /**
   * Describes this dimension in words with the article a sentence needs: "a length", "an energy",
   * "transport work"; composite dimensions as {@link #describe()}.
   */
  public Text describeWithArticle() {
    String named = NAMED.get(this);
    return named == null ? describe() : Text.of(named.replace("dim.", "dim.a."));
  }

  /**
   * Describes this dimension in words: "transport work", "CO₂e mass per mass",
   * "mass × length²" for something without a name.
   */
  public Text describe() {
    String named = NAMED.get(this);
    if (named != null) {
      return Text.of(named);
    }
    int[] e = exponents();
    int[] num = new int[6];
    int[] den = new int[6];
    for (int i = 0; i < 6; i++) {
      if (e[i] > 0) {
        num[i] = e[i];
      } else {
        den[i] = -e[i];
      }
    }
    Dimension n = of(num);
    Dimension d = of(den);
    if (!d.equals(NONE)) {
      return Text.of("dim.per", n.equals(NONE) ? Text.of("dim.one") : n.describe(), d.describe());
    }
    // a product of positive powers without a name, e.g. mass × length²
    List<Object> parts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      if (num[i] > 0) {
        parts.add(num[i] == 1 ? Text.of(BASE_KEYS[i]) : Text.of("dim.power", Text.of(BASE_KEYS[i]), num[i]));
      }
    }
    Text joined = (Text) parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      joined = Text.of("dim.product", joined, parts.get(i));
    }
    return joined;
  }
}
