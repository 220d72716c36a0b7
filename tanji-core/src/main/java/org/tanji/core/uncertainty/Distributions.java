package org.tanji.core.uncertainty;

/**
 * The standard normal's quantile and distribution functions, in plain arithmetic (and
 * {@link StrictMath} where a logarithm or root is needed) so that a draw is the same number on
 * every machine.
 */
final class Distributions {

  /** The standard normal's 97.5 % quantile. */
  static final double Z_975 = 1.959963984540054;

  private Distributions() {}

  // P. J. Acklam's rational approximation of the normal quantile (relative error below 1.2e-9)
  private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
      1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
  private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
      6.680131188771972e+01, -1.328068155288572e+01};
  private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
      -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
  private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
      3.754408661907416e+00};
  private static final double P_LOW = 0.02425;

  /** The standard normal quantile of p, for 0 &lt; p &lt; 1. */
  static double normalQuantile(double p) {
    if (p < P_LOW) {
      double q = StrictMath.sqrt(-2 * StrictMath.log(p));
      return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
    if (p > 1 - P_LOW) {
      double q = StrictMath.sqrt(-2 * StrictMath.log1p(-p));
      return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
        / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }

  /**
   * The standard normal distribution function, for messages and tests (absolute error below
   * 1.5e-7: Abramowitz and Stegun 7.1.26 for the error function).
   */
  static double normalCdf(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
        * Math.exp(-x * x);
    return z >= 0 ? 1 - erfc / 2 : erfc / 2;
  }
}
