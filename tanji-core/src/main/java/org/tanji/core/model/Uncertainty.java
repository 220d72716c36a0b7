package org.tanji.core.model;

import java.util.Objects;
import org.tanji.core.units.Quantity;

/**
 * How uncertain a quantity is: a distribution around the value as typed (an amount, a mass, a
 * distance or a factor). Values are kept as read; whether they make sense (a {@code gsd} above 1,
 * a mode inside its range, units of the right dimension) is checked by the calculator, which
 * turns every mistake into a finding.
 */
public sealed interface Uncertainty {

  /** The distribution's name as written in results and reports. */
  String type();

  /**
   * The distribution's parameters in the order and under the keys a study file writes them: a
   * {@link Quantity}, a {@code Double}, or, for the pedigree, each score (an {@code Integer}) under
   * {@code pedigree.<indicator>}. The one list every writer takes them from (YAML and JSON files,
   * workbook cells, the uncertainty JSON), each in its own notation.
   */
  default java.util.Map<String, Object> parameters() {
    java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
    if (this instanceof Lognormal l) {
      p.put("gsd", l.gsd());
    } else if (this instanceof Pedigree x) {
      int[] scores = x.scores().toArray();
      for (int i = 0; i < scores.length; i++) {
        p.put("pedigree." + PedigreeScores.NAMES.get(i), scores[i]);
      }
      p.put("basic", x.basic());
    } else if (this instanceof Normal n) {
      if (n.sd() != null) {
        p.put("sd", n.sd());
      } else {
        p.put("cv", n.cv());
      }
    } else if (this instanceof Triangular t) {
      p.put("min", t.min());
      p.put("mode", t.mode());
      p.put("max", t.max());
    } else if (this instanceof Uniform r) {
      p.put("min", r.min());
      p.put("max", r.max());
    }
    return java.util.Collections.unmodifiableMap(p);
  }

  /**
   * Lognormal whose median (geometric mean) is the value as typed, as ecoinvent uses it.
   *
   * @param gsd the geometric standard deviation, exp(σ) of the underlying normal
   */
  record Lognormal(double gsd) implements Uncertainty {
    public Lognormal {
      requireFinite(gsd, "gsd");
    }

    @Override
    public String type() {
      return "lognormal";
    }
  }

  /**
   * Lognormal from a pedigree score (ecoinvent v3): σ² = basic + the five indicators' variances.
   *
   * @param scores the five indicators, each 1–5 (checked by the calculator)
   * @param basic the basic variance of the underlying normal
   */
  record Pedigree(PedigreeScores scores, double basic) implements Uncertainty {
    public Pedigree {
      Objects.requireNonNull(scores, "scores");
      requireFinite(basic, "basic");
    }

    @Override
    public String type() {
      return "lognormal";
    }
  }

  /**
   * Normal whose mean is the value as typed; exactly one of {@code sd} and {@code cv}.
   *
   * @param sd the standard deviation as a quantity ({@code 2 t}), or null
   * @param cv the standard deviation as a fraction of the mean, or null
   */
  record Normal(Quantity sd, Double cv) implements Uncertainty {
    public Normal {
      if ((sd == null) == (cv == null)) {
        throw new IllegalArgumentException("a normal distribution needs exactly one of sd and cv");
      }
      if (cv != null) {
        requireFinite(cv, "cv");
      }
    }

    @Override
    public String type() {
      return "normal";
    }
  }

  /** Triangular between {@code min} and {@code max}, most likely at {@code mode}. */
  record Triangular(Quantity min, Quantity mode, Quantity max) implements Uncertainty {
    public Triangular {
      Objects.requireNonNull(min, "min");
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(max, "max");
    }

    @Override
    public String type() {
      return "triangular";
    }
  }

  /** Uniform between {@code min} and {@code max}. */
  record Uniform(Quantity min, Quantity max) implements Uncertainty {
    public Uniform {
      Objects.requireNonNull(min, "min");
      Objects.requireNonNull(max, "max");
    }

    @Override
    public String type() {
      return "uniform";
    }
  }

  /**
   * The five pedigree indicators of ecoinvent v3, each scored 1 (best) to 5.
   */
  record PedigreeScores(int reliability, int completeness, int temporal, int geographical, int technological) {

    /** The indicators' names in the order of the pedigree matrix, as keys in study files. */
    public static final java.util.List<String> NAMES =
        java.util.List.of("reliability", "completeness", "temporal", "geographical", "technological");

    /** The scores in the order of {@link #NAMES}. */
    public int[] toArray() {
      return new int[] {reliability, completeness, temporal, geographical, technological};
    }
  }

  private static void requireFinite(double v, String name) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite: " + v);
    }
  }
}
