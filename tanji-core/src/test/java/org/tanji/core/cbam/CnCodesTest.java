package org.tanji.core.cbam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class CnCodesTest {

  @ParameterizedTest
  @CsvSource({
      "7326 11 00, IRON_OR_STEEL_PRODUCTS", // seed 003's forged grinding balls
      "'７３２６　１１　００', IRON_OR_STEEL_PRODUCTS", // the same, typed with a Chinese input method
      "72081000, IRON_OR_STEEL_PRODUCTS",
      "2523.29.00, CEMENT",
      "28041000, HYDROGEN",
      "27160000, ELECTRICITY",
      "76011010, UNWROUGHT_ALUMINIUM",
  })
  void find_cbamGoods(String cn, GoodsCategory category) {
    assertThat(CnCodes.find(cn).orElseThrow().category()).isEqualTo(category);
  }

  @ParameterizedTest
  @CsvSource({"84818081", "72042100", "7202 21 00", "73", "''", "732611"})
  void find_notCbamGoods(String cn) {
    // valves; ferrous scrap (7204) and ferro-silicon (7202 2) are excepted from Annex I; a six-digit
    // HS heading names no single good
    assertThat(CnCodes.find(cn)).isEmpty();
  }

  @Test
  void all_everyCategoryHasCodes() {
    assertThat(CnCodes.all()).hasSize(569);
    assertThat(CnCodes.all().values().stream().map(CnCodes.Entry::category).distinct())
        .containsExactlyInAnyOrder(GoodsCategory.values());
  }
}
