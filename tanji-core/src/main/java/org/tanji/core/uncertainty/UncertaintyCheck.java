package org.tanji.core.uncertainty;

import java.util.List;
import org.tanji.core.i18n.Numbers;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Uncertainty;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.Units;

/**
 * Checks a distribution against the quantity it belongs to, turning every mistake into a finding
 * at the distribution's key path.
 *
 * <p>The sign rule: a quantity keeps the sign of its value as typed. Amounts, masses and
 * distances are never negative (the calculator refuses that); a factor may be a credit. A
 * triangular or uniform range that reaches across zero is an error ({@code UNCERTAINTY_SIGN});
 * a normal distribution that reaches across zero with more than 2.5 % of its mass gets the
 * warning {@code UNCERTAINTY_TRUNCATED}, and its draws beyond zero are set to zero and counted.
 * A lognormal keeps its sign by construction.
 */
public final class UncertaintyCheck {

  /** A coefficient of variation above this is taken for a percentage typed as a fraction. */
  public static final double MAX_CV = 5;

  private UncertaintyCheck() {}

  /**
   * Checks one distribution; returns true when it can be sampled.
   *
   * @param where the key path of the {@code uncertainty} block
   * @param what the quantity in words, for messages ("the amount of line 圆钢")
   */
  public static boolean check(Uncertainty u, Quantity nominal, String where, Text what, List<Finding> findings) {
    int before = findings.size();
    if (u instanceof Uncertainty.Lognormal l) {
      if (!(l.gsd() > 1)) {
        invalid(findings, where + ".gsd", Text.of("uncertainty.gsd", what, Numbers.readable(l.gsd())));
      }
    } else if (u instanceof Uncertainty.Pedigree p) {
      int[] scores = p.scores().toArray();
      for (int i = 0; i < scores.length; i++) {
        if (scores[i] < 1 || scores[i] > 5) {
          String name = Uncertainty.PedigreeScores.NAMES.get(i);
          invalid(findings, where + ".pedigree." + name, Text.of("uncertainty.pedigreeScore", what, name, scores[i]));
        }
      }
      if (p.basic() < 0) {
        invalid(findings, where + ".basic", Text.of("uncertainty.basic", what, Numbers.readable(p.basic())));
      }
    } else if (u instanceof Uncertainty.Normal n) {
      normal(n, nominal, where, what, findings);
    } else if (u instanceof Uncertainty.Triangular t) {
      if (sameDimension(t.min(), nominal, where + ".min", what, findings)
          & sameDimension(t.mode(), nominal, where + ".mode", what, findings)
          & sameDimension(t.max(), nominal, where + ".max", what, findings)) {
        double min = t.min().in(nominal.unit());
        double max = t.max().in(nominal.unit());
        double mode = t.mode().in(nominal.unit());
        if (range(min, max, nominal, t.min(), t.max(), where, what, findings)
            && (mode < min || mode > max)) {
          invalid(findings, where + ".mode",
              Text.of("uncertainty.modeOutside", what, t.mode().text(), t.min().text(), t.max().text()));
        }
      }
    } else if (u instanceof Uncertainty.Uniform r) {
      if (sameDimension(r.min(), nominal, where + ".min", what, findings)
          & sameDimension(r.max(), nominal, where + ".max", what, findings)) {
        range(r.min().in(nominal.unit()), r.max().in(nominal.unit()), nominal, r.min(), r.max(), where, what, findings);
      }
    }
    return findings.subList(before, findings.size()).stream().noneMatch(Finding::isError);
  }

  private static void normal(Uncertainty.Normal n, Quantity nominal, String where, Text what, List<Finding> findings) {
    double sd;
    if (n.cv() != null) {
      double cv = n.cv();
      if (cv < 0) {
        invalid(findings, where + ".cv", Text.of("uncertainty.cvNegative", what, Numbers.readable(cv)));
        return;
      }
      if (cv > MAX_CV) {
        invalid(findings, where + ".cv",
            Text.of("uncertainty.cvAbsurd", what, Numbers.readable(cv), Numbers.readable(cv / 100)));
        return;
      }
      sd = cv * Math.abs(nominal.value());
    } else {
      if (!sameDimension(n.sd(), nominal, where + ".sd", what, findings)) {
        return;
      }
      if (n.sd().value() < 0) {
        invalid(findings, where + ".sd", Text.of("uncertainty.sdNegative", what, n.sd().text()));
        return;
      }
      sd = n.sd().in(nominal.unit());
    }
    double mean = nominal.value();
    boolean crosses = mean >= 0 ? mean - Distributions.Z_975 * sd < 0 : mean + Distributions.Z_975 * sd > 0;
    if (crosses) {
      double beyond = Distributions.normalCdf(-Math.abs(mean) / sd);
      findings.add(Finding.warning("UNCERTAINTY_TRUNCATED", where + (n.cv() != null ? ".cv" : ".sd"),
          Text.of("uncertainty.truncated", what, Numbers.percent(beyond))));
    }
  }

  /** min ≤ value ≤ max, and the range on the value's side of zero. */
  private static boolean range(double min, double max, Quantity nominal, Quantity minQ, Quantity maxQ, String where,
      Text what, List<Finding> findings) {
    if (min > max) {
      invalid(findings, where + ".min", Text.of("uncertainty.minAboveMax", what, minQ.text(), maxQ.text()));
      return false;
    }
    double v = nominal.value();
    if (v < min || v > max) {
      invalid(findings, where, Text.of("uncertainty.valueOutside", what, nominal.text(), minQ.text(), maxQ.text()));
      return false;
    }
    if (v >= 0 && min < 0 || v < 0 && max > 0) {
      findings.add(Finding.error("UNCERTAINTY_SIGN", where + (v >= 0 ? ".min" : ".max"),
          Text.of(v >= 0 ? "uncertainty.belowZero" : "uncertainty.aboveZero", what, minQ.text(), maxQ.text())));
      return false;
    }
    return true;
  }

  private static boolean sameDimension(Quantity q, Quantity nominal, String where, Text what, List<Finding> findings) {
    if (q.dimension().equals(nominal.dimension())) {
      return true;
    }
    findings.add(Finding.error("UNIT_MISMATCH", where, Text.of("uncertainty.unit", what, q.text(),
        q.dimension().describeWithArticle(), nominal.text(), nominal.dimension().describeWithArticle(),
        Units.preferredSymbol(nominal.dimension()).orElse(nominal.unit().symbol()))));
    return false;
  }

  private static void invalid(List<Finding> findings, String where, Text text) {
    findings.add(Finding.error("INVALID_UNCERTAINTY", where, text));
  }
}
