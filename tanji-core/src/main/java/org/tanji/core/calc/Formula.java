package org.tanji.core.calc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.InventoryLine;
import org.tanji.core.model.Stage;
import org.tanji.core.units.Quantity;

/**
 * A checked study reduced to arithmetic over arrays: the numbers it depends on (inputs), and for
 * each line which inputs it multiplies, with what unit scales, its stage and whether it is
 * allocated. The {@link Calculator} builds one while checking a study and computes the
 * deterministic result with it; a Monte Carlo run evaluates the same formula with drawn inputs,
 * without reading or checking anything again.
 *
 * <p>Inputs are the numbers as typed (in the unit the user wrote): each line's amount, or its
 * mass and distance, and each factor once, however many lines use it. Gas-level lines are fixed
 * sums; excluded lines count zero.
 */
public final class Formula {

  /** What an input is. */
  public enum InputKind {
    AMOUNT("amount"), MASS("mass"), DISTANCE("distance"), FACTOR("factor");

    private final String id;

    InputKind(String id) {
      this.id = id;
    }

    /** The identifier in the uncertainty JSON. */
    public String id() {
      return id;
    }

    /** The kind's name for people ("factor", "因子"). */
    public Text label() {
      return Text.of("uncertainty.kind." + id);
    }
  }

  /**
   * One number the footprint depends on.
   *
   * @param kind amount, mass, distance or factor
   * @param path the key path of the value in the study file ({@code inventory[2].amount},
   *     {@code factors.grid.value})
   * @param name the line's name, or the factor's key
   * @param nominal the value as typed
   * @param line the line's index in the inventory, or −1 for a factor
   * @param factorKey the factor's key, or null for a line's quantity
   */
  public record Input(InputKind kind, String path, String name, Quantity nominal, int line, String factorKey) {
    public Input {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(nominal, "nominal");
    }
  }

  private static final byte NONE = 0;
  private static final byte AMOUNT = 1;
  private static final byte TRANSPORT = 2;
  private static final byte FIXED = 3;

  private final List<Input> inputs;
  private final double[] nominal;
  private final int[] slot;
  private final byte[] form;
  private final int[] a;
  private final int[] b;
  private final int[] f;
  private final double[] scaleA;
  private final double[] scaleB;
  private final double[] scaleF;
  private final double[] fixed;
  private final boolean[] dedicated;
  private final int[] stage;
  private final List<Stage> stages;
  private final double share;
  private final double declaredUnitsMade;

  private Formula(Builder bld, double share, double declaredUnitsMade) {
    this.inputs = List.copyOf(bld.inputs);
    this.nominal = bld.nominal.stream().mapToDouble(Double::doubleValue).toArray();
    int n = bld.lines.size();
    slot = new int[n];
    form = new byte[n];
    a = new int[n];
    b = new int[n];
    f = new int[n];
    scaleA = new double[n];
    scaleB = new double[n];
    scaleF = new double[n];
    fixed = new double[n];
    dedicated = new boolean[n];
    stage = new int[n];
    List<Stage> order = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Term t = bld.lines.get(k);
      slot[k] = t.slot;
      form[k] = t.form;
      a[k] = t.a;
      b[k] = t.b;
      f[k] = t.f;
      scaleA[k] = t.scaleA;
      scaleB[k] = t.scaleB;
      scaleF[k] = t.scaleF;
      fixed[k] = t.fixed;
      dedicated[k] = t.dedicated;
      int s = order.indexOf(t.stage);
      if (s < 0) {
        order.add(t.stage);
        s = order.size() - 1;
      }
      stage[k] = s;
    }
    this.stages = List.copyOf(order);
    this.share = share;
    this.declaredUnitsMade = declaredUnitsMade;
  }

  /** The inputs, in the order of their first use in the inventory. */
  public List<Input> inputs() {
    return inputs;
  }

  /** The inputs' values as typed, a fresh copy to draw into. */
  public double[] nominal() {
    return nominal.clone();
  }

  /** The stages in order of first appearance, as {@link #evaluate(double[], double[])} sums them. */
  public List<Stage> stages() {
    return stages;
  }

  /** The number of lines, in inventory order. */
  public int lineCount() {
    return slot.length;
  }

  /** The inventory index of the k-th line. */
  public int lineIndex(int k) {
    return slot[k];
  }

  /** The inputs the k-th line multiplies (none for gas-level and excluded lines). */
  public int[] inputsOf(int k) {
    return switch (form[k]) {
      case AMOUNT -> new int[] {a[k], f[k]};
      case TRANSPORT -> new int[] {a[k], b[k], f[k]};
      default -> new int[0];
    };
  }

  /** The number of declared units made in the period: the total's divisor for per-unit figures. */
  public double declaredUnitsMade() {
    return declaredUnitsMade;
  }

  /** The k-th line's emissions before allocation, with inputs {@code x} (values as typed). */
  public double unallocated(int k, double[] x) {
    return switch (form[k]) {
      case AMOUNT -> Footprint.emissions(x[a[k]], x[f[k]], scaleA[k]);
      case TRANSPORT -> Footprint.transportEmissions(
          Footprint.transportWork(x[a[k]], scaleA[k], x[b[k]], scaleB[k]), x[f[k]], scaleF[k]);
      case FIXED -> fixed[k];
      default -> 0;
    };
  }

  /** The k-th line's emissions attributed to the studied product. */
  public double attributed(int k, double unallocated) {
    return dedicated[k] ? unallocated : Footprint.allocate(unallocated, share);
  }

  /**
   * The total attributed emissions with inputs {@code x}, adding each stage's part into
   * {@code stageTotals} (indexed as {@link #stages()}, which the caller zeroes).
   */
  public double evaluate(double[] x, double[] stageTotals) {
    double total = 0;
    for (int k = 0; k < slot.length; k++) {
      double e = attributed(k, unallocated(k, x));
      stageTotals[stage[k]] += e;
      total += e;
    }
    return total;
  }

  /** Per declared unit. */
  public double perUnit(double total) {
    return Footprint.perUnit(total, declaredUnitsMade);
  }

  /** Collects inputs and lines while the calculator checks a study. */
  static final class Builder {
    private final List<Input> inputs = new ArrayList<>();
    private final List<Double> nominal = new ArrayList<>();
    private final Map<String, Integer> factorInput = new HashMap<>();
    private final List<Term> lines = new ArrayList<>();

    /**
     * A line {@code amount × factor}, the amount turned into the factor's currency by
     * {@code exchange} (1 when no currencies meet); returns its emissions before allocation. The
     * study's rate is fixed: it joins the scales, not the inputs a simulation draws.
     */
    double amount(InventoryLine line, Quantity amount, String factorKey, Quantity factor, double exchange) {
      Term t = new Term(line, AMOUNT);
      t.a = input(new Input(InputKind.AMOUNT, line.path() + ".amount", line.name(), amount, line.index(), null));
      t.f = factor(factorKey, factor);
      t.scaleA = amount.unit().scale() * factor.unit().scale() * exchange;
      lines.add(t);
      return Footprint.emissions(amount.value(), factor.value(), t.scaleA);
    }

    /** A line {@code mass × distance × factor}; returns its emissions before allocation. */
    double transport(InventoryLine line, Quantity mass, Quantity distance, String factorKey, Quantity factor) {
      Term t = new Term(line, TRANSPORT);
      t.a = input(new Input(InputKind.MASS, line.path() + ".mass", line.name(), mass, line.index(), null));
      t.b = input(new Input(InputKind.DISTANCE, line.path() + ".distance", line.name(), distance, line.index(), null));
      t.f = factor(factorKey, factor);
      t.scaleA = mass.unit().scale();
      t.scaleB = distance.unit().scale();
      t.scaleF = factor.unit().scale();
      lines.add(t);
      return Footprint.transportEmissions(Footprint.transportWork(mass.value(), t.scaleA, distance.value(), t.scaleB),
          factor.value(), t.scaleF);
    }

    /** A line whose emissions are fixed: gas-level amounts, or zero for an excluded line. */
    void fixed(InventoryLine line, double kgCO2e) {
      Term t = new Term(line, FIXED);
      t.fixed = kgCO2e;
      lines.add(t);
    }

    /** The formula, once the allocation share and the product's output are known. */
    Formula build(double share, double declaredUnitsMade) {
      lines.sort((x, y) -> Integer.compare(x.slot, y.slot));
      return new Formula(this, share, declaredUnitsMade);
    }

    private int factor(String key, Quantity value) {
      Integer i = factorInput.get(key);
      if (i == null) {
        i = input(new Input(InputKind.FACTOR, "factors." + key + ".value", key, value, -1, key));
        factorInput.put(key, i);
      }
      return i;
    }

    private int input(Input in) {
      inputs.add(in);
      nominal.add(in.nominal().value());
      return inputs.size() - 1;
    }
  }

  /** One line while building. */
  private static final class Term {
    final int slot;
    final byte form;
    final Stage stage;
    final boolean dedicated;
    int a = -1;
    int b = -1;
    int f = -1;
    double scaleA;
    double scaleB;
    double scaleF;
    double fixed;

    Term(InventoryLine line, byte form) {
      this.slot = line.index();
      this.form = form;
      this.stage = line.stage();
      this.dedicated = line.dedicated();
    }
  }
}
