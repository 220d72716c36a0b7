package org.tanji.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tanji.core.i18n.Messages;
import org.tanji.core.i18n.Text;

final class PlausibilityTest {

  @Test
  void plausible_bounds() {
    assertThat(Plausibility.plausible(2.82)).isTrue(); // seed 003: 2.82 kgCO2e/kg
    assertThat(Plausibility.plausible(0.05)).isTrue();
    assertThat(Plausibility.plausible(1000)).isTrue();
    assertThat(Plausibility.plausible(0.00046 / 1.8)).isFalse(); // seed 000's figure per kg
    assertThat(Plausibility.plausible(1000.1)).isFalse();
  }

  @Test
  void check_messageWritesTheBoundsWithoutGrouping() {
    String high = Plausibility.check("product", Text.of("plausibility.result"), 2000, "2000").orElseThrow()
        .message(Messages.EN);
    assertThat(high).contains("above the plausible 1000 kgCO₂e/kg").doesNotContain("1,000");
    assertThat(Plausibility.check("product", Text.of("plausibility.result"), 2.8, "2.8")).isEmpty();
  }
}
