package org.tanji.core.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.tanji.core.calc.Calculator;
import org.tanji.core.calc.Formula;
import org.tanji.core.calc.LineResult;
import org.tanji.core.calc.Result;
import org.tanji.core.calc.StageResult;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Finding;
import org.tanji.core.model.InventoryLine;
import org.tanji.core.model.LineUncertainty;
import org.tanji.core.model.Study;
import org.tanji.core.model.Uncertainty;
import org.tanji.core.units.Quantity;

/**
 * Monte Carlo simulation of a study: set up once (the study is computed and checked, its
 * distributions turned into samplers), then {@link #run} as often as wanted. A run draws every
 * input that has a distribution, evaluates the calculator's {@link Formula} and keeps the total
 * and the stages' totals; nothing is read or checked per run.
 *
 * <p>Reproducible: a draw is a pure function of the seed, the input and the run's number (see
 * {@code Streams}), so the same seed gives the same numbers with any number of threads. A factor
 * is one input, drawn once per run for all the lines that use it.
 *
 * <p>Memory: one number per run for the total and one per stage; inputs' draws are not kept but
 * drawn again for the rank correlations of the {@value #RANKED_INPUTS} inputs with the largest
 * expected contribution (a line's emissions times its input's relative spread).
 */
public final class Simulation {

  /** The inputs whose rank correlations are computed, at most. */
  public static final int RANKED_INPUTS = 100;
  /** The inputs in the tornado, at most. */
  public static final int TORNADO_INPUTS = 20;
  /** Bins of the histogram. */
  public static final int HISTOGRAM_BINS = 40;
  /** The one-at-a-time change of an input: ±10 %. */
  public static final double SENSITIVITY_STEP = 0.1;

  private static final int CHUNK = 1024;
  /** Bits for a run's number beside a draw's rank key: enough for {@link Settings#MAX_RUNS}. */
  private static final int RUN_BITS = 20;

  private final Study study;
  private final Result result;
  private final Formula formula;
  private final int[] uncertain;
  private final Sampler[] samplers;
  private final Uncertainty[] distributions;
  private final boolean[] fromQuality;
  private final String[] identities;
  private final String[] shareKeys;
  private final double[] exposure;

  private Simulation(Study study, Result result, Formula formula) {
    this.study = study;
    this.result = result;
    this.formula = formula;
    List<Integer> idx = new ArrayList<>();
    List<Uncertainty> dists = new ArrayList<>();
    List<Boolean> quality = new ArrayList<>();
    if (formula != null) {
      Map<Integer, InventoryLine> lines = new HashMap<>();
      for (InventoryLine l : study.inventory()) {
        lines.put(l.index(), l);
      }
      List<Formula.Input> inputs = formula.inputs();
      for (int j = 0; j < inputs.size(); j++) {
        Formula.Input in = inputs.get(j);
        Uncertainty typed = typed(in, lines);
        Uncertainty u = typed != null ? typed : study.uncertaintyFromQuality() ? fromQuality(in, lines) : null;
        if (u != null) {
          idx.add(j);
          dists.add(u);
          quality.add(typed == null);
        }
      }
    }
    int n = idx.size();
    uncertain = idx.stream().mapToInt(Integer::intValue).toArray();
    samplers = new Sampler[n];
    distributions = dists.toArray(new Uncertainty[0]);
    fromQuality = new boolean[n];
    identities = new String[n];
    shareKeys = new String[n];
    for (int i = 0; i < n; i++) {
      Formula.Input in = formula.inputs().get(uncertain[i]);
      samplers[i] = Sampler.of(distributions[i], in.nominal());
      fromQuality[i] = quality.get(i);
      if (in.kind() == Formula.InputKind.FACTOR) {
        Factor f = study.factors().get(in.factorKey());
        shareKeys[i] = f.libraryId() != null ? f.libraryId() : f.id();
        identities[i] = "factor|" + (f.libraryId() != null ? "library:" : "study:") + shareKeys[i] + "|"
            + samplers[i].identity(in.nominal().unit().scale());
      } else {
        identities[i] = "line|" + in.path();
      }
    }
    exposure = formula == null ? new double[0] : exposure(formula, result);
  }

  /**
   * Computes a study and prepares its simulation. The simulation can run when the study computes
   * without errors ({@link #runnable()}); its findings are the calculator's, the uncertainty
   * checks included.
   */
  public static Simulation prepare(Study study, List<Finding> readingFindings) {
    Calculator.Calculation c = Calculator.prepare(study, readingFindings);
    return new Simulation(study, c.result(), c.formula().orElse(null));
  }

  /** The deterministic result, with all findings. */
  public Result result() {
    return result;
  }

  /** True when the study computed without errors, so that it can be simulated. */
  public boolean runnable() {
    return formula != null;
  }

  /** True when any input has a distribution. */
  public boolean hasUncertainty() {
    return uncertain.length > 0;
  }

  /**
   * Runs the simulation.
   *
   * @throws IllegalStateException if the study has errors ({@link #runnable()} is false)
   */
  public UncertaintyResult run(Settings settings) {
    requireRunnable();
    return summarise(simulate(settings, ""), settings);
  }

  /**
   * Simulates two studies with the same runs: factors they share (same key or library id, same
   * value and distribution) draw the same numbers in the same run; everything else is drawn
   * independently.
   *
   * @throws IllegalStateException if either study has errors
   */
  public static Comparison compare(Simulation a, Simulation b, Settings settings) {
    a.requireRunnable();
    b.requireRunnable();
    incomparable(a, b).ifPresent(f -> {
      throw new IllegalArgumentException(f.message(java.util.Locale.ENGLISH));
    });
    Outputs oa = a.simulate(settings, "");
    Outputs ob = b.simulate(settings, "b|"); // B's own quantities apart from A's; factors keep their identity
    double[] diff = new double[settings.runs()];
    int lower = 0;
    for (int r = 0; r < diff.length; r++) {
      double pa = a.formula.perUnit(oa.total[r]);
      double pb = b.formula.perUnit(ob.total[r]);
      diff[r] = pa - pb;
      if (pa < pb) {
        lower++;
      }
    }
    Set<String> inA = new LinkedHashSet<>();
    for (int i = 0; i < a.identities.length; i++) {
      if (a.identities[i].startsWith("factor|")) {
        inA.add(a.identities[i]);
      }
    }
    List<String> shared = new ArrayList<>();
    for (int i = 0; i < b.identities.length; i++) {
      if (inA.contains(b.identities[i])) {
        shared.add(b.shareKeys[i]);
      }
    }
    return new Comparison(a.summarise(oa, settings), b.summarise(ob, settings), Summary.of(diff),
        (double) lower / settings.runs(), shared);
  }

  /**
   * Why two studies cannot be compared, if they cannot: footprints per declared unit compare only
   * when the declared units are the same amount of the same kind (1 t and 1000 kg are).
   */
  public static Optional<Finding> incomparable(Simulation a, Simulation b) {
    Quantity ua = a.study.product().declaredUnit();
    Quantity ub = b.study.product().declaredUnit();
    if (ua.dimension().equals(ub.dimension()) && Math.abs(ua.inBase() - ub.inBase()) <= 1e-12 * Math.abs(ua.inBase())) {
      return Optional.empty();
    }
    return Optional.of(Finding.error("INCOMPARABLE_UNITS", "product.declaredUnit",
        Text.of("uncertainty.incomparable", ua.text(), ub.text())));
  }

  private void requireRunnable() {
    if (formula == null) {
      throw new IllegalStateException("the study has errors and cannot be simulated");
    }
  }

  // ------------------------------------------------------------------ distributions

  private Uncertainty typed(Formula.Input in, Map<Integer, InventoryLine> lines) {
    if (in.kind() == Formula.InputKind.FACTOR) {
      return study.factors().get(in.factorKey()).uncertainty();
    }
    LineUncertainty lu = lines.get(in.line()).uncertainty();
    if (lu == null) {
      return null;
    }
    return switch (in.kind()) {
      case AMOUNT -> lu.amount();
      case MASS -> lu.mass();
      case DISTANCE -> lu.distance();
      case FACTOR -> throw new AssertionError();
    };
  }

  private Uncertainty fromQuality(Formula.Input in, Map<Integer, InventoryLine> lines) {
    if (in.kind() == Formula.InputKind.FACTOR) {
      return QualityMapping.factor(study.factors().get(in.factorKey()));
    }
    InventoryLine line = lines.get(in.line());
    return in.kind() == Formula.InputKind.DISTANCE ? QualityMapping.distance(line.quality())
        : QualityMapping.activity(line.quality());
  }

  /** Each input's deterministic exposure: the absolute emissions of the lines that multiply it. */
  private static double[] exposure(Formula formula, Result result) {
    double[] e = new double[formula.inputs().size()];
    Map<Integer, LineResult> byIndex = new HashMap<>();
    for (LineResult l : result.lines()) {
      byIndex.put(l.index(), l);
    }
    for (int k = 0; k < formula.lineCount(); k++) {
      double kg = Math.abs(byIndex.get(formula.lineIndex(k)).kgCO2e());
      for (int j : formula.inputsOf(k)) {
        e[j] += kg;
      }
    }
    return e;
  }

  // ------------------------------------------------------------------ runs

  /** The raw outputs of the runs. */
  private record Outputs(double[] total, double[][] stages, long[] truncated, long[] keys) {}

  private Outputs simulate(Settings s, String salt) {
    int n = uncertain.length;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = Streams.key(s.seed(), identities[i].startsWith("line|") ? salt + identities[i] : identities[i]);
    }
    int runs = s.runs();
    int stageCount = formula.stages().size();
    double[] total = new double[runs];
    double[][] stages = new double[stageCount][runs];
    long[] truncated = new long[n];
    int chunks = (runs + CHUNK - 1) / CHUNK;
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      double[] x = formula.nominal();
      double[] st = new double[stageCount];
      long[] cut = new long[n];
      for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
        int end = Math.min(runs, (c + 1) * CHUNK);
        for (int r = c * CHUNK; r < end; r++) {
          for (int i = 0; i < n; i++) {
            double v = samplers[i].draw(Streams.uniform(keys[i], r));
            if (samplers[i].beyondZero(v)) {
              v = 0;
              cut[i]++;
            }
            x[uncertain[i]] = v;
          }
          Arrays.fill(st, 0);
          total[r] = formula.evaluate(x, st);
          for (int k = 0; k < stageCount; k++) {
            stages[k][r] = st[k];
          }
        }
      }
      synchronized (truncated) {
        for (int i = 0; i < n; i++) {
          truncated[i] += cut[i];
        }
      }
    };
    int threads = Math.min(s.threads(), chunks);
    if (threads == 1) {
      worker.run();
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "tanji-monte-carlo");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          done.add(pool.submit(worker));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("the simulation was interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a simulation thread failed", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    return new Outputs(total, stages, truncated, keys);
  }

  // ------------------------------------------------------------------ results

  private UncertaintyResult summarise(Outputs o, Settings s) {
    double units = formula.declaredUnitsMade();
    Summary total = Summary.of(o.total);
    List<UncertaintyResult.StageSpread> stages = new ArrayList<>();
    for (int k = 0; k < formula.stages().size(); k++) {
      var stage = formula.stages().get(k);
      double deterministic = result.stages().stream().filter(st -> st.stage() == stage)
          .mapToDouble(StageResult::kgCO2e).findFirst().orElse(0);
      stages.add(new UncertaintyResult.StageSpread(stage, deterministic, Summary.of(o.stages[k])));
    }
    List<UncertaintyResult.InputSpread> inputs = new ArrayList<>();
    for (int i = 0; i < uncertain.length; i++) {
      double gsd = distributions[i] instanceof Uncertainty.Lognormal l ? l.gsd()
          : distributions[i] instanceof Uncertainty.Pedigree p ? Pedigree.gsd(p.scores(), p.basic()) : Double.NaN;
      inputs.add(new UncertaintyResult.InputSpread(formula.inputs().get(uncertain[i]), distributions[i],
          fromQuality[i], gsd, o.truncated[i]));
    }
    List<UncertaintyResult.FixedLine> fixed = new ArrayList<>();
    double fixedShare = 0;
    Set<Integer> drawn = new java.util.HashSet<>();
    for (int j : uncertain) {
      drawn.add(j);
    }
    Map<Integer, LineResult> byIndex = new HashMap<>();
    for (LineResult l : result.lines()) {
      byIndex.put(l.index(), l);
    }
    for (int k = 0; k < formula.lineCount(); k++) {
      LineResult l = byIndex.get(formula.lineIndex(k));
      if (l.excluded() || Arrays.stream(formula.inputsOf(k)).anyMatch(drawn::contains)) {
        continue;
      }
      fixed.add(new UncertaintyResult.FixedLine(l.index(), l.name(), l.share()));
      fixedShare += l.share();
    }
    return new UncertaintyResult(s.runs(), s.seed(), result.totalKgCO2e(), result.perUnitKgCO2e(), total,
        total.dividedBy(units), stages, histogram(o.total, units), inputs, contributions(o, s), tornado(), fixed,
        fixedShare);
  }

  private static UncertaintyResult.Histogram histogram(double[] totals, double units) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double t : totals) {
      min = Math.min(min, t / units);
      max = Math.max(max, t / units);
    }
    double width = (max - min) / HISTOGRAM_BINS;
    int[] counts = new int[width > 0 ? HISTOGRAM_BINS : 1];
    for (double t : totals) {
      int bin = width > 0 ? (int) ((t / units - min) / width) : 0;
      counts[Math.min(bin, counts.length - 1)]++;
    }
    return new UncertaintyResult.Histogram(min, width, Arrays.stream(counts).boxed().toList());
  }

  /** Spearman's rank correlation of each ranked input's draws with the total, drawn again. */
  private List<UncertaintyResult.Contribution> contributions(Outputs o, Settings s) {
    Integer[] order = new Integer[uncertain.length];
    double[] expected = new double[uncertain.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      double e = exposure[uncertain[i]] * samplers[i].relativeSpread();
      expected[i] = e * e;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -expected[i]).thenComparingInt(i -> i));
    int ranked = Math.min(RANKED_INPUTS, order.length);
    double[] outputRanks = ranks(o.total);
    long[] sorted = new long[s.runs()];
    double[] drawRanks = new double[s.runs()];
    double[] rho = new double[ranked];
    double sum = 0;
    for (int q = 0; q < ranked; q++) {
      int i = order[q];
      // a draw is an increasing function of its uniform, and the uniform of its random bits: the
      // top 43 bits rank the draws (ties below 2^-43 broken by run), with the run in the low 20
      for (int r = 0; r < sorted.length; r++) {
        sorted[r] = (Streams.bits(o.keys[i], r) >>> 21) << RUN_BITS | r;
      }
      Arrays.sort(sorted);
      for (int k = 0; k < sorted.length; k++) {
        drawRanks[(int) (sorted[k] & ((1L << RUN_BITS) - 1))] = k;
      }
      rho[q] = pearson(drawRanks, outputRanks);
      sum += rho[q] * rho[q];
    }
    List<UncertaintyResult.Contribution> out = new ArrayList<>();
    for (int q = 0; q < ranked; q++) {
      out.add(new UncertaintyResult.Contribution(formula.inputs().get(uncertain[order[q]]), rho[q],
          sum == 0 ? 0 : rho[q] * rho[q] / sum));
    }
    out.sort(Comparator.comparingDouble((UncertaintyResult.Contribution c) -> -c.share())
        .thenComparing(c -> c.input().path()));
    return out;
  }

  /** Mid-ranks from 0: tied values share the mean of their places (a total without spread ties in every run). */
  static double[] ranks(double[] v) {
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      int lo = bound(sorted, v[i], false);
      int hi = bound(sorted, v[i], true);
      r[i] = (lo + hi - 1) / 2.0;
    }
    return r;
  }

  /** The first place holding a value ≥ x (or &gt; x when {@code after}). */
  private static int bound(double[] sorted, double x, boolean after) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x || after && sorted[mid] == x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Pearson's correlation; 0 when either side does not vary. */
  static double pearson(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
  }

  /** ±10 % on each of the inputs with the largest exposure, whether or not it has a distribution. */
  private List<UncertaintyResult.Sensitivity> tornado() {
    List<Formula.Input> inputs = formula.inputs();
    Integer[] order = new Integer[inputs.size()];
    for (int j = 0; j < order.length; j++) {
      order[j] = j;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> -exposure[j]).thenComparingInt(j -> j));
    double[] x = formula.nominal();
    double[] st = new double[formula.stages().size()];
    List<UncertaintyResult.Sensitivity> out = new ArrayList<>();
    for (int q = 0; q < Math.min(TORNADO_INPUTS, order.length) && exposure[order[q]] > 0; q++) {
      int j = order[q];
      double nominal = x[j];
      x[j] = nominal * (1 - SENSITIVITY_STEP);
      Arrays.fill(st, 0);
      double low = formula.perUnit(formula.evaluate(x, st));
      x[j] = nominal * (1 + SENSITIVITY_STEP);
      Arrays.fill(st, 0);
      double high = formula.perUnit(formula.evaluate(x, st));
      x[j] = nominal;
      out.add(new UncertaintyResult.Sensitivity(inputs.get(j), low, high));
    }
    out.sort(Comparator.comparingDouble((UncertaintyResult.Sensitivity t) -> -Math.abs(t.highPerUnit() - t.lowPerUnit()))
        .thenComparing(t -> t.input().path()));
    return out;
  }
}
