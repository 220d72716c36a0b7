package org.tanji.core.cbam;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tanji.core.cbam.CbamResult.GoodResult;
import org.tanji.core.cbam.CbamResult.ProcessResult;
import org.tanji.core.cbam.CbamResult.StreamResult;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Period;
import org.tanji.core.units.Dimension;
import org.tanji.core.units.Quantity;

/**
 * The CBAM embedded-emissions calculation of Implementing Regulation (EU) 2023/1773, Annex III, as
 * the Commission's communication template (version 2.1) carries it out. Formulas and their legal
 * sources are listed in {@code docs/cbam.md}.
 */
public final class Cbam {

  /** t CO₂ per t C: the ratio of the molar masses that Annex III and the template use. */
  public static final double CO2_PER_C = 3.664;
  /** t CO₂ per TJ of natural gas: the reference for the waste-gas correction (template constant). */
  public static final double EF_NATURAL_GAS = 56.1;
  /** Efficiency correction of exported waste gases against natural gas (Annex III, F.1). */
  public static final double WASTE_GAS_CORRECTION = 0.667;

  public static final String UNIT_MISMATCH = "UNIT_MISMATCH";
  public static final String UNKNOWN_PROCESS = "CBAM_UNKNOWN_PROCESS";
  public static final String NO_PRODUCTION = "CBAM_NO_PRODUCTION";
  public static final String ELECTRICITY_FACTOR_MISSING = "CBAM_ELECTRICITY_FACTOR_MISSING";
  public static final String PRECURSOR_SEE_MISSING = "CBAM_PRECURSOR_SEE_MISSING";
  public static final String DEFAULT_VALUE = "CBAM_DEFAULT_VALUE";
  public static final String NOT_CBAM_GOOD = "CBAM_NOT_CBAM_GOOD";
  public static final String CATEGORY_MISMATCH = "CBAM_CATEGORY_MISMATCH";
  public static final String PERIOD_NOT_CALENDAR_YEAR = "CBAM_PERIOD_NOT_CALENDAR_YEAR";
  public static final String CIRCULAR = "CBAM_CIRCULAR_PRECURSORS";
  public static final String STREAM_PROCESS_MISSING = "CBAM_STREAM_PROCESS_MISSING";
  public static final String DUPLICATE_ID = "CBAM_DUPLICATE_ID";

  /** The first day of the definitive period (Regulation (EU) 2023/956, Article 36). */
  public static final LocalDate DEFINITIVE_PERIOD = LocalDate.of(2026, 1, 1);

  private static final Dimension CO2_PER_ENERGY = Dimension.CO2E.dividedBy(Dimension.ENERGY);
  private static final Dimension CO2_PER_MASS = Dimension.CO2E.dividedBy(Dimension.MASS);
  private static final Dimension ENERGY_PER_MASS = Dimension.ENERGY.dividedBy(Dimension.MASS);
  // quantities compute in base units (kg, J, kgCO₂e); the template counts in t, TJ and MWh
  private static final org.tanji.core.units.Unit TERAJOULE = org.tanji.core.units.Units.unit("TJ");
  private static final double T = org.tanji.core.units.Units.unit("t").scale();
  private static final double TJ = TERAJOULE.scale();
  private static final double MWH = org.tanji.core.units.Units.unit("MWh").scale();

  private Cbam() {}

  /**
   * Computes attributed emissions per process and the specific embedded emissions of every good.
   * Mistakes in the input become findings; a figure that depends on one is left empty.
   *
   * @param input the installation's data, as a reader made it
   * @return the result, with the findings of the calculation (not the reader's)
   */
  public static CbamResult compute(CbamInput input) {
    return new Run(input).result();
  }

  /** One calculation: the findings gathered while it goes. */
  private static final class Run {
    private final CbamInput in;
    private final List<Finding> findings = new ArrayList<>();

    Run(CbamInput in) {
      this.in = in;
    }

    CbamResult result() {
      checkPeriod(in.installation().period());
      // processes and purchased precursors share one name space: a precursor use names either
      Map<String, ProductionProcess> processes = new LinkedHashMap<>();
      for (ProductionProcess p : in.processes()) {
        if (unique(p.id(), p.where(), processes.keySet())) {
          processes.put(p.id(), p);
        }
      }
      Map<String, PurchasedPrecursor> purchased = new LinkedHashMap<>();
      for (PurchasedPrecursor p : in.purchasedPrecursors()) {
        if (unique(p.id(), p.where(), processes.keySet()) && unique(p.id(), p.where(), purchased.keySet())) {
          purchased.put(p.id(), p);
        }
      }

      List<StreamResult> streams = new ArrayList<>();
      Map<String, Double> direct = new HashMap<>();
      double fossilTotal = 0;
      double biomassTotal = 0;
      for (SourceStream s : in.sourceStreams()) {
        Optional<StreamResult> r = stream(s, processes);
        if (r.isPresent()) {
          streams.add(r.get());
          fossilTotal += r.get().fossil();
          biomassTotal += r.get().biomass();
          if (r.get().process() != null) {
            direct.merge(r.get().process(), r.get().fossil(), Double::sum);
          }
        }
      }

      // nodes of the input-output system: the processes, then the purchased precursors
      List<String> nodes = new ArrayList<>(processes.keySet());
      nodes.addAll(purchased.keySet());
      int n = nodes.size();
      double[][] a = new double[n][n];
      double[] seDir = new double[n];
      double[] seInd = new double[n];
      double[] elec = new double[n];
      boolean[] unknownDir = new boolean[n];
      boolean[] unknownInd = new boolean[n];
      boolean[] unknownElec = new boolean[n];
      boolean[] byDefault = new boolean[n];
      List<double[]> own = new ArrayList<>(); // per process: DirEm*, heat, waste gases, exported electricity, MWh

      int i = 0;
      for (ProductionProcess p : processes.values()) {
        double production = mass(p.production(), p.where() + ".production");
        if (production <= 0) {
          findings.add(Finding.error(NO_PRODUCTION, p.where() + ".production",
              Text.of("cbam.noProduction", p.id(), p.production().text())));
          production = Double.NaN;
        }
        double dirEm = direct.getOrDefault(p.id(), 0.0);
        double heat = flow(p.heatImported()) - flow(p.heatExported());
        double wasteGases = energyTj(p.wasteGasImported(), p.where() + ".wasteGases.imported") * EF_NATURAL_GAS
            - energyTj(p.wasteGasExported(), p.where() + ".wasteGases.exported") * EF_NATURAL_GAS
            * WASTE_GAS_CORRECTION;
        double exported = -flow(p.electricityExported());
        double mwh = p.electricity() == null ? 0 : energyMwh(p.electricity(), p.where() + ".electricity.amount");
        double indirect = Double.NaN;
        if (mwh == 0) {
          indirect = 0;
        } else if (p.electricityFactor() == null) {
          findings.add(Finding.error(ELECTRICITY_FACTOR_MISSING, p.where() + ".electricity.factor",
              Text.of("cbam.electricityFactorMissing", p.id(), p.electricity().text())));
        } else {
          indirect = p.electricity().inBase() * perEnergy(p.electricityFactor(), p.where() + ".electricity.factor") / T;
        }
        double attributedDirect = dirEm + heat + wasteGases + exported;
        own.add(new double[] {dirEm, heat, wasteGases, exported, mwh, attributedDirect, indirect, production});
        seDir[i] = attributedDirect / production;
        seInd[i] = indirect / production;
        elec[i] = mwh / production;
        unknownInd[i] = Double.isNaN(indirect);
        unknownDir[i] = Double.isNaN(production);
        unknownElec[i] = unknownDir[i];
        for (ProductionProcess.PrecursorUse u : p.precursors()) {
          int j = nodes.indexOf(u.precursor());
          if (j < 0) {
            findings.add(Finding.error(UNKNOWN_PROCESS, u.where() + ".precursor",
                Text.of("cbam.unknownPrecursor", u.precursor(), String.join(", ", nodes))));
            continue;
          }
          a[i][j] += mass(u.amount(), u.where() + ".amount") / production;
        }
        i++;
      }
      for (PurchasedPrecursor pp : purchased.values()) {
        if (pp.seeDirect() == null || pp.seeIndirect() == null) {
          findings.add(Finding.error(PRECURSOR_SEE_MISSING, pp.where() + ".see",
              Text.of("cbam.precursorSeeMissing", pp.id())));
        }
        if (pp.defaultValue()) {
          findings.add(Finding.info(DEFAULT_VALUE, pp.where() + ".see.source", Text.of("cbam.defaultValue", pp.id())));
        }
        seDir[i] = perMass(pp.seeDirect(), pp.where() + ".see.direct");
        seInd[i] = perMass(pp.seeIndirect(), pp.where() + ".see.indirect");
        // without the supplier's figure the embedded electricity is unknown, not zero
        elec[i] = pp.electricity() == null ? Double.NaN : energyPerMass(pp.electricity(), pp.where() + ".see.electricity");
        unknownDir[i] = Double.isNaN(seDir[i]);
        unknownInd[i] = Double.isNaN(seInd[i]);
        unknownElec[i] = Double.isNaN(elec[i]);
        byDefault[i] = pp.defaultValue();
        i++;
      }

      // SEE = (I − A)⁻¹ · SE: the template's InputOutput sheet (MINVERSE and MMULT)
      Optional<double[][]> inverse = invert(identityMinus(a, unknownDir));
      if (inverse.isEmpty()) {
        findings.add(Finding.error(CIRCULAR, "processes", Text.of("cbam.circular")));
      }
      List<ProcessResult> processResults = new ArrayList<>();
      i = 0;
      for (ProductionProcess p : processes.values()) {
        double[] o = own.get(i);
        OptionalDouble seeDir = inverse.isEmpty() ? OptionalDouble.empty() : embedded(inverse.get(), i, seDir, unknownDir);
        OptionalDouble seeInd = inverse.isEmpty() ? OptionalDouble.empty() : embedded(inverse.get(), i, seInd, unknownInd);
        OptionalDouble seeElec = inverse.isEmpty() ? OptionalDouble.empty() : embedded(inverse.get(), i, elec, unknownElec);
        OptionalDouble share = OptionalDouble.empty();
        if (seeDir.isPresent()) {
          double fromDefaults = 0;
          for (int j = 0; j < n; j++) {
            if (byDefault[j]) {
              fromDefaults += inverse.get()[i][j] * seDir[j];
            }
          }
          share = OptionalDouble.of(seeDir.getAsDouble() == 0 ? 0 : fromDefaults / seeDir.getAsDouble());
        }
        processResults.add(new ProcessResult(p.id(), p.name(), p.category(), o[7], o[0], o[1], o[2], o[3], o[5],
            present(o[6]), o[4], seDir[i], present(seInd[i]), seeDir, seeInd, seeElec, share));
        i++;
      }
      List<GoodResult> goods = new ArrayList<>();
      for (Good g : in.goods()) {
        goods.add(good(g, processes, processResults));
      }
      return new CbamResult(in.installation(), streams, processResults, goods, fossilTotal, biomassTotal, findings);
    }

    /** False, with a finding, when the id is taken: the second entry is left out of the calculation. */
    private boolean unique(String id, String where, java.util.Set<String> taken) {
      if (taken.contains(id)) {
        findings.add(Finding.error(DUPLICATE_ID, where + ".id", Text.of("cbam.duplicateId", id)));
        return false;
      }
      return true;
    }

    // ---------------------------------------------------------------- source streams (Annex III, B)

    private Optional<StreamResult> stream(SourceStream s, Map<String, ProductionProcess> processes) {
      String process = s.process();
      if (process == null && processes.size() == 1) {
        process = processes.keySet().iterator().next();
      } else if (process == null) {
        findings.add(Finding.error(STREAM_PROCESS_MISSING, s.where() + ".process",
            Text.of("cbam.streamProcessMissing", s.name(), String.join(", ", processes.keySet()))));
      } else if (!processes.containsKey(process)) {
        findings.add(Finding.error(UNKNOWN_PROCESS, s.where() + ".process",
            Text.of("cbam.unknownProcess", process, String.join(", ", processes.keySet()))));
        process = null;
      }
      double total;
      OptionalDouble energy = OptionalDouble.empty();
      if (s.ncv() != null) {
        if (!s.amount().dimension().times(s.ncv().dimension()).equals(Dimension.ENERGY)) {
          mismatch(s.where() + ".ncv", s.ncv(), Text.of("cbam.unit.ncv", s.amount().text()));
          return Optional.empty();
        }
        energy = OptionalDouble.of(s.amount().inBase() * s.ncv().inBase() / TJ);
      }
      if (s.method() == SourceStream.Method.MASS_BALANCE) {
        // Annex III, B.3.2: Em = AD × C × f, outputs with a negative amount
        if (!s.amount().dimension().equals(Dimension.MASS)) {
          mismatch(s.where() + ".amount", s.amount(), Text.of("cbam.unit.massBalance"));
          return Optional.empty();
        }
        total = s.amount().inBase() / T * s.carbonContent() * CO2_PER_C;
      } else {
        // Annex III, B.3.1: Em = AD × NCV × EF × OxF (combustion) or AD × EF × ConvF (process)
        Dimension f = s.factor().dimension();
        double perAmount;
        if (f.equals(CO2_PER_ENERGY)) {
          if (s.ncv() == null) {
            findings.add(Finding.error("MISSING_VALUE", s.where() + ".ncv",
                Text.of("cbam.ncvMissing", s.name(), s.factor().text())));
            return Optional.empty();
          }
          perAmount = s.ncv().inBase() * s.factor().inBase();
        } else if (s.amount().dimension().times(f).equals(Dimension.CO2E)) {
          perAmount = s.factor().inBase();
        } else {
          mismatch(s.where() + ".factor", s.factor(), Text.of("cbam.unit.factor", s.amount().text()));
          return Optional.empty();
        }
        double share = s.method() == SourceStream.Method.COMBUSTION ? s.oxidation() : s.conversion();
        total = s.amount().inBase() * perAmount * share / T;
      }
      return Optional.of(new StreamResult(s.name(), s.method(), process, total * (1 - s.biomass()),
          total * s.biomass(), energy));
    }

    // ---------------------------------------------------------------- units

    private void mismatch(String where, Quantity q, Text expected) {
      findings.add(Finding.error(UNIT_MISMATCH, where, Text.of("cbam.unitMismatch", q.text(), expected)));
    }

    /** A mass in t, or NaN with a finding. */
    private double mass(Quantity q, String where) {
      if (!q.dimension().equals(Dimension.MASS)) {
        mismatch(where, q, Text.of("cbam.unit.mass"));
        return Double.NaN;
      }
      return q.inBase() / T;
    }

    private double energyTj(Quantity q, String where) {
      if (q == null) {
        return 0;
      }
      if (!q.dimension().equals(Dimension.ENERGY)) {
        mismatch(where, q, Text.of("cbam.unit.energy"));
        return Double.NaN;
      }
      return q.in(TERAJOULE); // not via joules: 12800 TJ stays 12800 exactly
    }

    private double energyMwh(Quantity q, String where) {
      if (!q.dimension().equals(Dimension.ENERGY)) {
        mismatch(where, q, Text.of("cbam.unit.energy"));
        return Double.NaN;
      }
      return q.inBase() / MWH;
    }

    /** A factor per energy in kgCO₂e per J, or NaN with a finding. */
    private double perEnergy(Quantity q, String where) {
      if (!q.dimension().equals(CO2_PER_ENERGY)) {
        mismatch(where, q, Text.of("cbam.unit.perEnergy"));
        return Double.NaN;
      }
      return q.inBase();
    }

    /** Specific emissions in t CO₂e per t (= kg per kg), NaN when unknown or mistyped. */
    private double perMass(Quantity q, String where) {
      if (q == null) {
        return Double.NaN;
      }
      if (!q.dimension().equals(CO2_PER_MASS)) {
        mismatch(where, q, Text.of("cbam.unit.perMass"));
        return Double.NaN;
      }
      return q.inBase();
    }

    private double energyPerMass(Quantity q, String where) {
      if (!q.dimension().equals(ENERGY_PER_MASS)) {
        mismatch(where, q, Text.of("cbam.unit.energyPerMass"));
        return Double.NaN;
      }
      return q.inBase() * T / MWH;
    }

    /** The emissions of a flow of heat or electricity, t CO₂e; 0 when there is none. */
    private double flow(ProductionProcess.EnergyFlow f) {
      if (f == null) {
        return 0;
      }
      if (!f.amount().dimension().equals(Dimension.ENERGY)) {
        mismatch(f.where() + ".amount", f.amount(), Text.of("cbam.unit.energy"));
        return Double.NaN;
      }
      return f.amount().inBase() * perEnergy(f.factor(), f.where() + ".factor") / T;
    }

    // ---------------------------------------------------------------- period

    private void checkPeriod(Period p) {
      boolean calendarYear = MonthDay.from(p.start()).equals(MonthDay.of(1, 1))
          && p.end().equals(p.start().withMonth(12).withDayOfMonth(31));
      if (!calendarYear && !p.end().isBefore(DEFINITIVE_PERIOD)) {
        findings.add(Finding.warning(PERIOD_NOT_CALENDAR_YEAR, "installation.period",
            Text.of("cbam.periodNotCalendarYear", p.start().toString(), p.end().toString())));
      }
    }

    // ---------------------------------------------------------------- goods

    private GoodResult good(Good g, Map<String, ProductionProcess> processes, List<ProcessResult> results) {
      Optional<CnCodes.Entry> entry = CnCodes.find(g.cn());
      Optional<GoodsCategory> category = entry.map(CnCodes.Entry::category);
      if (entry.isEmpty()) {
        findings.add(Finding.warning(NOT_CBAM_GOOD, g.where() + ".cn", Text.of("cbam.notCbamGood", g.cn())));
      }
      ProcessResult pr = results.stream().filter(r -> r.id().equals(g.process())).findFirst().orElse(null);
      if (pr == null) {
        findings.add(Finding.error(UNKNOWN_PROCESS, g.where() + ".process",
            Text.of("cbam.unknownProcess", g.process(), String.join(", ", processes.keySet()))));
      } else if (category.isPresent() && category.get() != pr.category()) {
        findings.add(Finding.warning(CATEGORY_MISMATCH, g.where() + ".cn", Text.of("cbam.categoryMismatch", g.cn(),
            category.get().templateName(), pr.id(), pr.category().templateName())));
      }
      Good.CarbonPrice price = g.carbonPrice();
      if (pr == null) {
        return new GoodResult(g.cn(), g.name(), g.process(), category, OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(),
            g.qualifying(), Optional.ofNullable(price));
      }
      OptionalDouble total = pr.seeDirect().isPresent() && pr.seeIndirect().isPresent()
          ? OptionalDouble.of(pr.seeDirect().getAsDouble() + pr.seeIndirect().getAsDouble()) : OptionalDouble.empty();
      return new GoodResult(g.cn(), g.name(), g.process(), category, pr.seeDirect(), pr.seeIndirect(), total,
          pr.defaultShare(), pr.embeddedElectricity(),
          Optional.ofNullable(processes.get(g.process()).electricitySource()), g.qualifying(),
          Optional.ofNullable(price));
    }
  }

  // ------------------------------------------------------------------ linear algebra

  private static OptionalDouble present(double v) {
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /**
   * Row i of (I − A)⁻¹ · v, or empty when it draws on an unknown value. Unknown entries of v
   * are NaN; a node that depends on one with weight zero does not draw on it.
   */
  private static OptionalDouble embedded(double[][] inverse, int i, double[] v, boolean[] unknown) {
    double sum = 0;
    for (int j = 0; j < v.length; j++) {
      if (inverse[i][j] == 0) {
        continue;
      }
      if (unknown[j] || Double.isNaN(v[j])) {
        return OptionalDouble.empty();
      }
      sum += inverse[i][j] * v[j];
    }
    return OptionalDouble.of(sum);
  }

  /** I − A, with the rows of processes whose production is unknown left as identity rows. */
  private static double[][] identityMinus(double[][] a, boolean[] skip) {
    int n = a.length;
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double aij = skip[i] || Double.isNaN(a[i][j]) ? 0 : a[i][j];
        m[i][j] = (i == j ? 1 : 0) - aij;
      }
    }
    return m;
  }

  /** Gauss–Jordan inversion with partial pivoting; empty when the matrix is singular. */
  static Optional<double[][]> invert(double[][] m) {
    int n = m.length;
    double[][] a = new double[n][];
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      a[i] = m[i].clone();
      inv[i][i] = 1;
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      if (Math.abs(a[pivot][c]) < 1e-12) {
        return Optional.empty();
      }
      double[] t = a[c];
      a[c] = a[pivot];
      a[pivot] = t;
      t = inv[c];
      inv[c] = inv[pivot];
      inv[pivot] = t;
      double p = a[c][c];
      for (int j = 0; j < n; j++) {
        a[c][j] /= p;
        inv[c][j] /= p;
      }
      for (int r = 0; r < n; r++) {
        if (r != c && a[r][c] != 0) {
          double f = a[r][c];
          for (int j = 0; j < n; j++) {
            a[r][j] -= f * a[c][j];
            inv[r][j] -= f * inv[c][j];
          }
        }
      }
    }
    return Optional.of(inv);
  }
}
