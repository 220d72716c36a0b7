package org.tanji.core.uncertainty;

import org.tanji.core.model.Uncertainty;
import org.tanji.core.units.Quantity;

/**
 * One checked distribution in the numbers of its quantity's typed unit, turning a uniform
 * number into a draw by the inverse distribution function: one uniform per draw, so that the
 * draw's rank is the uniform's rank.
 */
final class Sampler {

  private enum Kind { LOGNORMAL, NORMAL, TRIANGULAR, UNIFORM }

  private final Kind kind;
  private final double nominal;
  private final double p1;
  private final double p2;
  private final double p3;

  private Sampler(Kind kind, double nominal, double p1, double p2, double p3) {
    this.kind = kind;
    this.nominal = nominal;
    this.p1 = p1;
    this.p2 = p2;
    this.p3 = p3;
  }

  /** A sampler for a distribution that passed {@link UncertaintyCheck}. */
  static Sampler of(Uncertainty u, Quantity q) {
    double v = q.value();
    if (u instanceof Uncertainty.Lognormal l) {
      return new Sampler(Kind.LOGNORMAL, v, StrictMath.log(l.gsd()), 0, 0);
    } else if (u instanceof Uncertainty.Pedigree p) {
      return new Sampler(Kind.LOGNORMAL, v, StrictMath.sqrt(Pedigree.variance(p.scores(), p.basic())), 0, 0);
    } else if (u instanceof Uncertainty.Normal n) {
      return new Sampler(Kind.NORMAL, v, n.cv() != null ? n.cv() * Math.abs(v) : n.sd().in(q.unit()), 0, 0);
    } else if (u instanceof Uncertainty.Triangular t) {
      return new Sampler(Kind.TRIANGULAR, v, t.min().in(q.unit()), t.mode().in(q.unit()), t.max().in(q.unit()));
    } else if (u instanceof Uncertainty.Uniform r) {
      return new Sampler(Kind.UNIFORM, v, r.min().in(q.unit()), r.max().in(q.unit()), 0);
    }
    throw new IllegalArgumentException("unknown distribution " + u);
  }

  /** The draw for a uniform p in (0, 1), before the sign rule. */
  double draw(double p) {
    return switch (kind) {
      case LOGNORMAL -> nominal * StrictMath.exp(p1 * Distributions.normalQuantile(p));
      case NORMAL -> nominal + p1 * Distributions.normalQuantile(p);
      case TRIANGULAR -> triangular(p);
      case UNIFORM -> p1 + p * (p2 - p1);
    };
  }

  private double triangular(double p) {
    double min = p1;
    double mode = p2;
    double max = p3;
    double width = max - min;
    if (width == 0) {
      return min;
    }
    if (p < (mode - min) / width) {
      return min + StrictMath.sqrt(p * width * (mode - min));
    }
    return max - StrictMath.sqrt((1 - p) * width * (max - mode));
  }

  /**
   * True when a draw lies beyond zero on the other side from the value as typed; only a normal
   * can (the check refuses ranges that do, and a lognormal keeps its sign).
   */
  boolean beyondZero(double draw) {
    return kind == Kind.NORMAL && (nominal >= 0 ? draw < 0 : draw > 0);
  }

  /** The standard deviation relative to the value as typed (for ranking inputs), 0 for a zero value. */
  double relativeSpread() {
    double sd = switch (kind) {
      case LOGNORMAL -> Math.abs(nominal) * Math.sqrt(Math.expm1(p1 * p1));
      case NORMAL -> p1;
      case TRIANGULAR -> Math.sqrt((p1 * p1 + p2 * p2 + p3 * p3 - p1 * p2 - p1 * p3 - p2 * p3) / 18);
      case UNIFORM -> (p2 - p1) / Math.sqrt(12);
    };
    return nominal == 0 ? 0 : sd / Math.abs(nominal);
  }

  /** The distribution's parameters in base units, so that equal distributions written in other units agree. */
  String identity(double scale) {
    return kind + ":" + nominal * scale + ":" + (kind == Kind.LOGNORMAL ? p1 : p1 * scale) + ":" + p2 * scale + ":"
        + p3 * scale;
  }
}
