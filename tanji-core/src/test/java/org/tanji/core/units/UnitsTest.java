package org.tanji.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class UnitsTest {

  /** Every unit and alias STUDY-FORMAT.md lists, with its dimension and size in base units. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      g       | MASS           | 0.001
      kg      | MASS           | 1
      t       | MASS           | 1000
      tonne   | MASS           | 1000
      吨      | MASS           | 1000
      J       | ENERGY         | 1
      kJ      | ENERGY         | 1000
      MJ      | ENERGY         | 1e6
      GJ      | ENERGY         | 1e9
      TJ      | ENERGY         | 1e12
      Wh      | ENERGY         | 3600
      kWh     | ENERGY         | 3.6e6
      度      | ENERGY         | 3.6e6
      MWh     | ENERGY         | 3.6e9
      GWh     | ENERGY         | 3.6e12
      L       | VOLUME         | 0.001
      m3      | VOLUME         | 1
      m³      | VOLUME         | 1
      Nm3     | GAS_VOLUME     | 1
      Nm³     | GAS_VOLUME     | 1
      m       | LENGTH         | 1
      km      | LENGTH         | 1000
      t*km    | TRANSPORT_WORK | 1e6
      tkm     | TRANSPORT_WORK | 1e6
      t·km    | TRANSPORT_WORK | 1e6
      kg*km   | TRANSPORT_WORK | 1000
      piece   | COUNT          | 1
      pcs     | COUNT          | 1
      个      | COUNT          | 1
      件      | COUNT          | 1
      gCO2e   | CO2E           | 0.001
      kgCO2e  | CO2E           | 1
      tCO2e   | CO2E           | 1000
      gCO2    | CO2E           | 0.001
      kgCO2   | CO2E           | 1
      tCO2    | CO2E           | 1000
      kL      | VOLUME         | 1
      mL      | VOLUME         | 1e-6
      gal     | VOLUME         | 0.003785411784
      m2      | AREA           | 1
      m²      | AREA           | 1
      ha      | AREA           | 10000
      亩      | AREA           | 666.6666666666667
      sheet   | COUNT          | 1
      张      | COUNT          | 1
      本      | COUNT          | 1
      台      | COUNT          | 1
      套      | COUNT          | 1
      tonne-km | TRANSPORT_WORK | 1e6
      lb      | MASS           | 0.45359237
      MMBtu   | ENERGY         | 1.055056e9
      tce     | ENERGY         | 2.93076e10
      kgce    | ENERGY         | 2.93076e7
      吨标准煤 | ENERGY         | 2.93076e10
      toe     | ENERGY         | 4.1868e10
      元      | CNY            | 1
      CNY     | CNY            | 1
      万元    | CNY            | 10000
      USD     | USD            | 1
      EUR     | EUR            | 1
      """)
  void parseUnit_everyListedUnit(String symbol, String dimension, double scale) throws Exception {
    Unit unit = Units.parseUnit(symbol);
    assertThat(unit.dimension()).isEqualTo(Dimension.class.getField(dimension).get(null));
    assertThat(unit.scale()).isCloseTo(scale, within(scale * 1e-12));
  }

  @Test
  void parseUnit_co2UnitsAreMarkedCo2Only() {
    assertThat(Units.parseUnit("kgCO2/t").co2Only()).isTrue();
    assertThat(Units.parseUnit("kgCO2e/t").co2Only()).isFalse();
  }

  @Test
  void parseUnit_combinedUnits() {
    Unit perTkm = Units.parseUnit("kgCO2e/(t*km)");
    assertThat(perTkm.dimension()).isEqualTo(Dimension.CO2E.dividedBy(Dimension.TRANSPORT_WORK));
    assertThat(perTkm.scale()).isCloseTo(1e-6, within(1e-18));
    assertThat(Units.parseUnit("kgCO2e/t/km")).satisfies(u -> {
      assertThat(u.dimension()).isEqualTo(perTkm.dimension());
      assertThat(u.scale()).isCloseTo(perTkm.scale(), within(1e-18));
    });
    assertThat(Units.parseUnit("kgCO2e / ( t · km )").dimension()).isEqualTo(perTkm.dimension());
    // tCO2e/MWh and kgCO2e/kWh are the same size
    assertThat(Units.parseUnit("tCO2e/MWh").scale()).isCloseTo(Units.parseUnit("kgCO2e/kWh").scale(), within(1e-20));
  }

  @Test
  void parseUnit_numericMultiples() {
    // the fuel defaults give natural gas in tCO2 per 10^4 Nm3; statistics count 万kWh
    Unit gas = Units.parseUnit("tCO2/10^4Nm3");
    assertThat(gas.dimension()).isEqualTo(Dimension.CO2E.dividedBy(Dimension.GAS_VOLUME));
    assertThat(gas.scale()).isCloseTo(0.1, within(1e-15)); // 1000 kg / 10000 Nm3
    assertThat(Units.parseQuantity("1.5 万kWh").in(Units.unit("kWh"))).isCloseTo(15_000, within(1e-9));
    assertThat(Units.parseQuantity("2 万吨").in(Units.unit("t"))).isCloseTo(20_000, within(1e-9));
    assertThatThrownBy(() -> Units.parseUnit("10^4furlong")).isInstanceOf(QuantityFormatException.class);
  }

  @Test
  void parseQuantity_keepsTextAndValue() {
    Quantity q = Units.parseQuantity("  44369.94 t ");
    assertThat(q.value()).isEqualTo(44369.94);
    assertThat(q.text()).isEqualTo("44369.94 t");
    assertThat(q.inBase()).isCloseTo(44369940, within(1e-6));
    assertThat(Units.parseQuantity("1.2e6 kWh").value()).isEqualTo(1.2e6);
    assertThat(Units.parseQuantity("44吨").in(Units.unit("kg"))).isEqualTo(44000);
  }

  @Test
  void convert_roundNumbers() {
    assertThat(Units.parseQuantity("1 MWh").in(Units.unit("kWh"))).isEqualTo(1000);
    assertThat(Units.parseQuantity("1 度").in(Units.unit("kWh"))).isEqualTo(1);
    assertThat(Units.parseQuantity("2500 L").in(Units.unit("m3"))).isEqualTo(2.5);
    assertThat(Units.parseQuantity("3.6 MJ").in(Units.unit("kWh"))).isCloseTo(1, within(1e-15));
  }

  @Test
  void convert_nm3NeverToM3() {
    Quantity nm3 = Units.parseQuantity("10 Nm3");
    assertThatThrownBy(() -> nm3.in(Units.unit("m3"))).hasMessageContaining("different dimensions");
  }

  @Test
  void parseUnit_unknownUnit_suggestsNearMiss() {
    assertThatThrownBy(() -> Units.parseUnit("kwh"))
        .isInstanceOfSatisfying(QuantityFormatException.class, e -> {
          assertThat(e.code()).isEqualTo("UNKNOWN_UNIT");
          assertThat(e.text().render(Locale.ENGLISH)).isEqualTo("unknown unit \"kwh\"; did you mean \"kWh\"?");
        });
    assertThat(Units.suggest("KG")).contains("kg");
    assertThat(Units.suggest("kgCO2ee")).contains("kgCO2e");
    assertThat(Units.suggest("furlong")).isEmpty();
  }

  @Test
  void parseUnit_dotBetweenUnits_suggestsProduct() {
    // seed 003 prints "kgCO2e/t.km"
    assertThatThrownBy(() -> Units.parseUnit("t.km"))
        .isInstanceOfSatisfying(QuantityFormatException.class,
            e -> assertThat(e.text().render(Locale.ENGLISH)).contains("did you mean \"t*km\""));
  }

  @Test
  void parseUnit_productAfterDivision_isAmbiguous() {
    assertThatThrownBy(() -> Units.parseUnit("kgCO2e/t*km"))
        .isInstanceOfSatisfying(QuantityFormatException.class, e -> {
          assertThat(e.code()).isEqualTo("INVALID_QUANTITY");
          assertThat(e.text().render(Locale.ENGLISH)).contains("write \"kgCO2e/(t*km)\"");
        });
  }

  @Test
  void parseUnit_spaceInsideName_suggestsJoined() {
    assertThatThrownBy(() -> Units.parseUnit("kg CO2e"))
        .isInstanceOfSatisfying(QuantityFormatException.class,
            e -> assertThat(e.text().render(Locale.ENGLISH)).contains("did you mean \"kgCO2e\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kgCO2e/(t*km", "kgCO2e/t*km)", "()", "/t", "t/", "t**km", "(", "kg(t)"})
  void parseUnit_malformed_isInvalidQuantity(String text) {
    assertThatThrownBy(() -> Units.parseUnit(text))
        .isInstanceOfSatisfying(QuantityFormatException.class, e -> assertThat(e.code()).isIn("INVALID_QUANTITY", "UNKNOWN_UNIT"));
  }

  @Test
  void parseQuantity_thousandsSeparator_suggestsPlainNumber() {
    assertThatThrownBy(() -> Units.parseQuantity("44,369.94 t"))
        .isInstanceOfSatisfying(QuantityFormatException.class,
            e -> assertThat(e.text().render(Locale.ENGLISH)).isEqualTo("\"44,369.94 t\" has thousands separators; write \"44369.94 t\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN t", "Infinity kg", "t", "", "   ", "1e400 t", "12", "1,5 t", "abc"})
  void parseQuantity_badNumbers_areRefused(String text) {
    assertThatThrownBy(() -> Units.parseQuantity(text)).isInstanceOf(QuantityFormatException.class);
  }

  @Test
  void parseQuantity_spaceInsideNumber_suggestsJoined() {
    assertThatThrownBy(() -> Units.parseQuantity("44 369.94 t"))
        .isInstanceOfSatisfying(QuantityFormatException.class,
            e -> assertThat(e.text().render(Locale.ENGLISH)).isEqualTo("\"44 369.94 t\" has a space inside the number; write \"44369.94 t\""));
  }

  @Test
  void parseQuantity_spaceBeforeAMultipleUnit_isOneOfThatUnit() {
    // "1 10^4Nm3" was refused with the suggestion "110^4Nm3", itself refused (issue 14)
    Quantity q = Units.parseQuantity("1 10^4Nm3");
    assertThat(q.value()).isEqualTo(1);
    assertThat(q.unit().dimension()).isEqualTo(Dimension.GAS_VOLUME);
    assertThat(q.inBase()).isEqualTo(10_000);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      44 369.94 t   | 44369.94 t
      44,369.94 t   | 44369.94 t
      2 kgCO2e/kwh  | 2 kgCO2e/kWh
      2 kgCO2e/t*km | 2 kgCO2e/(t*km)
      5 kg CO2e     | 5 kgCO2e
      """)
  void parseQuantity_refusalsSuggestTextThatReads(String typed, String suggested) {
    assertThatThrownBy(() -> Units.parseQuantity(typed)).isInstanceOfSatisfying(QuantityFormatException.class,
        e -> assertThat(e.suggestion()).contains(suggested));
    assertThat(Units.parseQuantity(suggested).value()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"44 369.94 kwhh", "1,000 tonnnes"})
  void parseQuantity_noSuggestionThatWouldBeRefused(String typed) {
    assertThatThrownBy(() -> Units.parseQuantity(typed)).isInstanceOfSatisfying(QuantityFormatException.class,
        e -> assertThat(e.suggestion()).isEmpty());
  }

  @Test
  void convert_currenciesNeverIntoEachOther() {
    assertThat(Units.parseUnit("元").dimension()).isNotEqualTo(Units.parseUnit("USD").dimension());
    assertThat(Units.parseUnit("kgCO2e/元").dimension().times(Units.parseUnit("万元").dimension())).isEqualTo(Dimension.CO2E);
    assertThat(Units.parseUnit("kgCO2e/USD").dimension().times(Units.parseUnit("元").dimension())).isNotEqualTo(Dimension.CO2E);
  }

  @Test
  void parseQuantity_underflowIsNotZero() {
    assertThatThrownBy(() -> Units.parseQuantity("1e-400 t"))
        .isInstanceOfSatisfying(QuantityFormatException.class,
            e -> assertThat(e.text().render(Locale.ENGLISH)).contains("too small"));
    assertThat(Units.parseQuantity("0e5 t").value()).isZero();
  }

  @Test
  void parseUnit_scaleBeyondDoubles_isRefused() {
    String huge = String.join("*", java.util.Collections.nCopies(30, "GWh"));
    String tiny = "g/" + String.join("/", java.util.Collections.nCopies(30, "GWh"));
    for (String unit : new String[] {huge, tiny}) {
      assertThatThrownBy(() -> Units.parseUnit(unit))
          .isInstanceOfSatisfying(QuantityFormatException.class, e -> assertThat(e.code()).isEqualTo("INVALID_QUANTITY"));
    }
  }

  @Test
  void parseUnit_deepParentheses_areRefusedNotOverflowed() {
    String deep = "(".repeat(5000) + "t" + ")".repeat(5000);
    assertThatThrownBy(() -> Units.parseUnit(deep))
        .isInstanceOfSatisfying(QuantityFormatException.class,
            e -> assertThat(e.text().render(Locale.ENGLISH)).contains("nested more than 20 deep"));
    assertThat(Units.parseUnit("((t))").dimension()).isEqualTo(Dimension.MASS);
  }

  @Test
  void quantity_rejectsNonFiniteValues() {
    assertThatThrownBy(() -> new Quantity(Double.NaN, Units.unit("t"), "NaN t")).hasMessageContaining("finite");
  }
}
