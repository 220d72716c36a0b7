package org.tanji.core.cbam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

final class PrintedTest {

  @Test
  void specific_threeDecimalsHalfUp() {
    assertThat(Printed.specific(OptionalDouble.of(1.53897606455787))).isEqualTo("1.539");
    assertThat(Printed.specific(OptionalDouble.of(0.0005))).isEqualTo("0.001");
    assertThat(Printed.specific(OptionalDouble.empty())).isEqualTo("—");
  }

  @Test
  void tonnes_grouped() {
    assertThat(Printed.tonnes(7866044.46987776)).isEqualTo("7,866,044");
    assertThat(Printed.tonnes(-478959.5)).isEqualTo("-478,960");
    assertThat(Printed.tonnes(Double.NaN)).isEqualTo("—");
  }

  @Test
  void percent_twoDecimals() {
    assertThat(Printed.percent(OptionalDouble.of(0.4 / 2.55))).isEqualTo("15.69 %");
    assertThat(Printed.percent(OptionalDouble.of(0))).isEqualTo("0.00 %");
  }
}
