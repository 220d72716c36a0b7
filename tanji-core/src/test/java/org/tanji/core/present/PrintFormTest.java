package org.tanji.core.present;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.Units;

final class PrintFormTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "44369.94 t | 44,369.94 t | t",
      "0.074 kgCO2e/(t*km) | 0.074 kgCO₂e/(t·km) | kgCO₂e/(t·km)",
      "1e3 m3 | 1,000 m³ | m³",
      "1 个 | 1 个 | 个"})
  void quantity_asTypedInPrintForm(String typed, String printed, String unit) {
    Quantity q = Units.parseQuantity(typed);
    assertThat(PrintForm.quantity(q)).isEqualTo(printed);
    assertThat(PrintForm.unitOf(q)).isEqualTo(unit);
  }

  @Test
  void quantity_madeByTheProgramShowsValueAndSymbol() {
    Quantity q = new Quantity(2.5, Units.unit("kg"), "");
    assertThat(PrintForm.quantity(q)).isEqualTo("2.5 kg");
  }
}
