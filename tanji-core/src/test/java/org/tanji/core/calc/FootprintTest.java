package org.tanji.core.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tanji.core.units.Units;

/** The formula on seed 003's lines, each checkable with a pocket calculator. */
final class FootprintTest {

  @Test
  void emissions_roundSteel() {
    // 44369.94 t × 2420 kgCO2e/t = 107375254.8 kgCO2e
    assertThat(Footprint.emissions(Units.parseQuantity("44369.94 t"), Units.parseQuantity("2420 kgCO2e/t")))
        .isCloseTo(107_375_254.8, within(1e-6));
  }

  @Test
  void emissions_electricityAcrossPrefixes() {
    // 19613430 kWh × 0.6205 tCO2e/MWh = 19613.43 MWh × 620.5 kgCO2e/MWh = 12170133.315 kgCO2e
    assertThat(Footprint.emissions(Units.parseQuantity("19613430 kWh"), Units.parseQuantity("0.6205 tCO2e/MWh")))
        .isCloseTo(12_170_133.315, within(1e-6));
  }

  @Test
  void transport_massTimesDistance() {
    // 44369.94 t × 1000 km = 44369940 t·km; × 0.074 kgCO2e/(t·km) = 3283375.56 kgCO2e
    double work = Footprint.transportWork(Units.parseQuantity("44369.94 t"), Units.parseQuantity("1000 km"));
    assertThat(work).isCloseTo(44_369_940e6, within(1.0)); // kg·m
    assertThat(Footprint.transportEmissions(work, Units.parseQuantity("0.074 kgCO2e/(t*km)")))
        .isCloseTo(3_283_375.56, within(1e-6));
  }

  @Test
  void gas_weightedByGwp() {
    // 0.5 t CH4 × 28 (AR5) = 14000 kgCO2e
    assertThat(Footprint.gasEmissions(Units.parseQuantity("0.5 t"), 28)).isEqualTo(14_000);
  }

  @Test
  void perUnit_seed003() {
    // 122992867.475 kgCO2e / 43585.4 t = 2821.88 kgCO2e/t
    assertThat(Footprint.perUnit(122_992_867.475, 43_585.4)).isCloseTo(2821.8823, within(1e-4));
  }

  @Test
  void share_ofZeroTotalIsZero() {
    assertThat(Footprint.share(0, 0)).isZero();
    assertThat(Footprint.share(1, 4)).isEqualTo(0.25);
  }

  @Test
  void allocationShare_byMass() {
    assertThat(Footprint.allocationShare(30_000, 40_000)).isEqualTo(0.75);
    assertThat(Footprint.allocate(100, 0.75)).isEqualTo(75);
  }
}
