package org.tanji.io.pact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tanji.core.units.Units;

final class PactUnitTest {

  /** A figure of 100 per declared unit, per one PACT unit instead: checked by hand from the unit sizes. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      1 t      | kilogram      | 0.1
      500 g    | kilogram      | 200
      1 piece  | piece         | 100
      10 个    | piece         | 10
      1 L      | liter         | 100
      1 m3     | cubic meter   | 100
      1 MWh    | kilowatt hour | 0.1
      1 GJ     | megajoule     | 0.1
      1 t*km   | ton kilometer | 100
      1 ha     | square meter  | 0.01
      """)
  void of_declaredUnit(String declared, String pact, String per) {
    var q = Units.parseQuantity(declared);
    PactUnit unit = PactUnit.of(q).orElseThrow();
    assertThat(unit.pactName()).isEqualTo(pact);
    assertThat(unit.perPactUnit(100, q).stripTrailingZeros().toPlainString()).isEqualTo(per);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1 km", "1 CNY", "1 Nm3"})
  void of_dimensionPactHasNoUnitFor(String declared) {
    assertThat(PactUnit.of(Units.parseQuantity(declared))).isEmpty();
  }
}
