package org.tanji.core.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Normal quantiles against published values (Python's statistics.NormalDist gives the same). */
final class DistributionsTest {

  @ParameterizedTest
  @CsvSource({
      "0.5, 0",
      "0.975, 1.959963984540054",
      "0.8413447460685429, 1.0",
      "0.02275013194817921, -2.0",
      "0.001, -3.090232306167813",
      "0.999, 3.090232306167813",
      "1e-10, -6.361340902404056"})
  void normalQuantile_knownValues(double p, double z) {
    assertThat(Distributions.normalQuantile(p)).isCloseTo(z, within(Math.abs(z) * 2e-9 + 1e-12));
  }

  @ParameterizedTest
  @CsvSource({"0, 0.5", "1.959963984540054, 0.975", "-2, 0.02275013194817921"})
  void normalCdf_knownValues(double z, double p) {
    assertThat(Distributions.normalCdf(z)).isCloseTo(p, within(2e-7));
  }
}
