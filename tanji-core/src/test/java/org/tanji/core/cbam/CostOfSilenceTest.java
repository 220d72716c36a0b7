package org.tanji.core.cbam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The marked-up default beside the actual SEE, with figures checkable by hand. */
final class CostOfSilenceTest {

  private static CbamResult.GoodResult good(String cn, GoodsCategory category, double direct, double indirect) {
    return new CbamResult.GoodResult(cn, "good", "p", Optional.ofNullable(category), OptionalDouble.of(direct),
        OptionalDouble.of(indirect), OptionalDouble.of(direct + indirect), OptionalDouble.of(0), OptionalDouble.empty(),
        Optional.empty(), Map.of(), Optional.empty());
  }

  @ParameterizedTest
  @CsvSource({"2026, 0.10", "2027, 0.20", "2028, 0.30", "2035, 0.30"})
  void markUp_byYear(int year, double expected) {
    assertThat(CostOfSilence.markUp(year)).isEqualTo(expected);
  }

  @Test
  void markUp_beforeTheDefinitivePeriod() {
    assertThatThrownBy(() -> CostOfSilence.markUp(2025)).hasMessageContaining("starts in 2026");
  }

  @Test
  void of_steelCountsDirectOnly() {
    // default 2.00 direct (+0.40 indirect, not charged for steel) in 2027: 2.00 × 1.2 = 2.40;
    // actual direct 1.50: 0.90 t/t more; for 1,000 t: 2,400 against 1,500, 900 t CO2e
    DefaultValue dv = new DefaultValue(2.0, OptionalDouble.of(0.4), "table", "goods[0].euDefault");
    CostOfSilence c = CostOfSilence.of(good("73261100", GoodsCategory.IRON_OR_STEEL_PRODUCTS, 1.5, 0.3), dv, 2027,
        OptionalDouble.of(1000)).orElseThrow();
    assertThat(c.defaultValue()).isEqualTo(2.0);
    assertThat(c.markedUp()).isCloseTo(2.4, within(1e-12));
    assertThat(c.actual().getAsDouble()).isEqualTo(1.5);
    assertThat(c.differencePerTonne().getAsDouble()).isCloseTo(0.9, within(1e-12));
    assertThat(c.defaultForVolume().getAsDouble()).isCloseTo(2400, within(1e-9));
    assertThat(c.actualForVolume().getAsDouble()).isCloseTo(1500, within(1e-9));
    assertThat(c.differenceForVolume().getAsDouble()).isCloseTo(900, within(1e-9));
  }

  @Test
  void of_cementCountsIndirectToo() {
    // (0.80 + 0.05) × 1.1 = 0.935 against 0.70 + 0.04 = 0.74
    DefaultValue dv = new DefaultValue(0.8, OptionalDouble.of(0.05), "table", "goods[0].euDefault");
    CostOfSilence c = CostOfSilence.of(good("25232900", GoodsCategory.CEMENT, 0.7, 0.04), dv, 2026,
        OptionalDouble.empty()).orElseThrow();
    assertThat(c.markedUp()).isCloseTo(0.935, within(1e-12));
    assertThat(c.actual().getAsDouble()).isCloseTo(0.74, within(1e-12));
    assertThat(c.defaultForVolume()).isEmpty();
  }

  @Test
  void of_cementWithoutIndirectDefault() {
    DefaultValue dv = new DefaultValue(0.8, OptionalDouble.empty(), "table", "goods[0].euDefault");
    assertThat(CostOfSilence.of(good("25232900", GoodsCategory.CEMENT, 0.7, 0.04), dv, 2026, OptionalDouble.empty()))
        .isEmpty();
  }

  @Test
  void of_fertilisersHaveTheirOwnMarkUps() {
    DefaultValue dv = new DefaultValue(2.0, OptionalDouble.of(0.1), "table", "goods[0].euDefault");
    assertThat(CostOfSilence.of(good("31021010", GoodsCategory.UREA, 1.5, 0.1), dv, 2027, OptionalDouble.empty()))
        .isEmpty();
  }

  @Test
  void of_notACbamGood() {
    DefaultValue dv = new DefaultValue(2.0, OptionalDouble.empty(), "table", "goods[0].euDefault");
    assertThat(CostOfSilence.of(good("84818081", null, 1, 0), dv, 2026, OptionalDouble.empty())).isEmpty();
  }

  @Test
  void of_actualUnknown() {
    DefaultValue dv = new DefaultValue(2.0, OptionalDouble.empty(), "table", "goods[0].euDefault");
    CbamResult.GoodResult unknown = new CbamResult.GoodResult("73261100", "balls", "p",
        Optional.of(GoodsCategory.IRON_OR_STEEL_PRODUCTS), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), Map.of(),
        Optional.empty());
    CostOfSilence c = CostOfSilence.of(unknown, dv, 2028, OptionalDouble.of(10)).orElseThrow();
    assertThat(c.markedUp()).isCloseTo(2.6, within(1e-12));
    assertThat(c.defaultForVolume().getAsDouble()).isCloseTo(26, within(1e-12));
    assertThat(c.differencePerTonne()).isEmpty();
    assertThat(c.differenceForVolume()).isEmpty();
  }

  @Test
  void compare_onlyGoodsWithADefaultAndFindingsForTheRest() {
    Installation y = new Installation("x", null, null, "China", null, null, null,
        new org.tanji.core.model.Period(java.time.LocalDate.of(2025, 1, 1), java.time.LocalDate.of(2025, 12, 31)));
    DefaultValue steel = new DefaultValue(2.0, OptionalDouble.empty(), "table", "goods[0].euDefault");
    DefaultValue valves = new DefaultValue(1.0, OptionalDouble.empty(), "table", "goods[2].euDefault");
    CbamInput input = new CbamInput(y, java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(
        new Good("73261100", "balls", "p", Map.of(), null, steel, "goods[0]"),
        new Good("73261100", "balls 2", "p", Map.of(), null, "goods[1]"),
        new Good("84818081", "valves", "p", Map.of(), null, valves, "goods[2]")));
    CbamResult result = new CbamResult(y, java.util.List.of(), java.util.List.of(), java.util.List.of(
        good("73261100", GoodsCategory.IRON_OR_STEEL_PRODUCTS, 1.5, 0.3),
        good("73261100", GoodsCategory.IRON_OR_STEEL_PRODUCTS, 1.5, 0.3),
        good("84818081", null, 1, 0)), 0, 0, java.util.List.of());
    CostOfSilence.Comparison c = CostOfSilence.compare(input, result, 2026, OptionalDouble.empty());
    assertThat(c.costs()).extracting(CostOfSilence::markedUp).containsExactly(2.2);
    assertThat(c.findings()).extracting(org.tanji.core.model.Finding::code, org.tanji.core.model.Finding::where)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(CostOfSilence.NOT_COMPARED, "goods[2].euDefault"));
  }
}
