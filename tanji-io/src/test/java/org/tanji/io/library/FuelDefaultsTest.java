package org.tanji.io.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tanji.core.units.Dimension;

final class FuelDefaultsTest {

  @Test
  void find_coke() {
    // GB/T 32151: coke 28.435 GJ/t, 29.5 tC/TJ, oxidation 0.93; factor 29.5 × 44/12 = 108.1667 tCO2/TJ
    FuelDefaults.Fuel coke = FuelDefaults.find("coke").orElseThrow();
    assertThat(coke.ncv().text()).isEqualTo("28.435 GJ/t");
    assertThat(coke.factor().value()).isCloseTo(108.1667, within(1e-4));
    assertThat(coke.oxidation()).isEqualTo(0.93);
    assertThat(coke.source()).contains("GB/T 32151");
  }

  @Test
  void find_naturalGasPerVolume() {
    FuelDefaults.Fuel gas = FuelDefaults.find("natural-gas").orElseThrow();
    assertThat(gas.ncv().dimension()).isEqualTo(Dimension.ENERGY.dividedBy(Dimension.GAS_VOLUME));
  }

  @Test
  void find_agreesWithTheLibrarysDerivedFactor() {
    // the library's cn-fuel-* factor (t CO2 per unit of fuel) is NCV × factor × oxidation
    for (String id : FuelDefaults.ids()) {
      FuelDefaults.Fuel f = FuelDefaults.find(id).orElseThrow();
      double perUnit = f.ncv().inBase() * f.factor().inBase() * f.oxidation();
      double library = FactorLibrary.builtIn().find("cn-fuel-" + id).orElseThrow().value().inBase();
      assertThat(perUnit).as(id).isCloseTo(library, within(library * 5e-4));
    }
  }

  @Test
  void find_unknownFuel() {
    assertThat(FuelDefaults.find("kerosene")).isEmpty();
  }
}
