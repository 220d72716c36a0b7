package org.tanji.core.units;

import java.util.ArrayList;
import java.util.Arrays;
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
 * Each currency is a base of its own: spend-based factors need money, and yuan never turn into
 * dollars without an exchange rate.
 */
public record Dimension(int mass, int length, int energy, int gasVolume, int count, int co2e, int cny, int usd,
    int eur) {

  /** The number of base dimensions. */
  private static final int BASES = 9;

  public static final Dimension NONE = base(-1);
  public static final Dimension MASS = base(0);
  public static final Dimension LENGTH = base(1);
  public static final Dimension AREA = LENGTH.times(LENGTH);
  public static final Dimension VOLUME = AREA.times(LENGTH);
  public static final Dimension ENERGY = base(2);
  public static final Dimension GAS_VOLUME = base(3);
  public static final Dimension COUNT = base(4);
  public static final Dimension CO2E = base(5);
  public static final Dimension CNY = base(6);
  public static final Dimension USD = base(7);
  public static final Dimension EUR = base(8);
  public static final Dimension TRANSPORT_WORK = MASS.times(LENGTH);

  private static final String[] BASE_KEYS = {
    "dim.base.mass", "dim.base.length", "dim.base.energy", "dim.base.gasVolume", "dim.base.count",
    "dim.base.co2e", "dim.base.cny", "dim.base.usd", "dim.base.eur"
  };

  /** The base dimension at {@code index} of the exponents, or none for -1. */
  private static Dimension base(int index) {
    int[] e = new int[BASES];
    if (index >= 0) {
      e[index] = 1;
    }
    return of(e);
  }

  // Names a person uses for whole dimensions; anything else is described from its parts.
  private static final Map<Dimension, String> NAMED = Map.ofEntries(
      Map.entry(NONE, "dim.none"),
      Map.entry(MASS, "dim.mass"),
      Map.entry(LENGTH, "dim.length"),
      Map.entry(AREA, "dim.area"),
      Map.entry(VOLUME, "dim.volume"),
      Map.entry(ENERGY, "dim.energy"),
      Map.entry(GAS_VOLUME, "dim.gasVolume"),
      Map.entry(COUNT, "dim.count"),
      Map.entry(CO2E, "dim.co2e"),
      Map.entry(CNY, "dim.cny"),
      Map.entry(USD, "dim.usd"),
      Map.entry(EUR, "dim.eur"),
      Map.entry(TRANSPORT_WORK, "dim.transportWork"));

  public Dimension times(Dimension o) {
    int[] a = exponents();
    int[] b = o.exponents();
    for (int i = 0; i < BASES; i++) {
      a[i] += b[i];
    }
    return of(a);
  }

  public Dimension dividedBy(Dimension o) {
    return times(o.inverse());
  }

  public Dimension inverse() {
    int[] e = exponents();
    for (int i = 0; i < BASES; i++) {
      e[i] = -e[i];
    }
    return of(e);
  }

  /** True for money in one currency (yuan, dollars, euros). */
  public boolean isMoney() {
    return equals(CNY) || equals(USD) || equals(EUR);
  }

  /** True for the dimension of a CO₂e mass, which every line's emissions must reduce to. */
  public boolean isCo2e() {
    return equals(CO2E);
  }

  // equals and hashCode written out rather than left to the record: a record's own are linked at
  // their first call through invokedynamic (java.lang.runtime.ObjectMethods), about 10 ms of the
  // 170 ms of CPU a calc's main thread uses, and a dimension is a map key from the first unit read
  // (bench/startup-profile.sh). Same meaning: every component compared.
  @Override
  public boolean equals(Object o) {
    return o instanceof Dimension d && mass == d.mass && length == d.length && energy == d.energy
        && gasVolume == d.gasVolume && count == d.count && co2e == d.co2e && cny == d.cny && usd == d.usd
        && eur == d.eur;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(exponents());
  }

  private int[] exponents() {
    return new int[] {mass, length, energy, gasVolume, count, co2e, cny, usd, eur};
  }

  private static Dimension of(int[] e) {
    return new Dimension(e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8]);
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
    int[] num = new int[BASES];
    int[] den = new int[BASES];
    for (int i = 0; i < BASES; i++) {
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
    for (int i = 0; i < BASES; i++) {
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
