package org.tanji.core.calc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tanji.core.model.GwpSet;

final class GwpTest {

  @Test
  void of_valuesFromTheIpccTables() {
    assertThat(Gwp.of(GwpSet.AR4, "CH4")).hasValue(25);
    assertThat(Gwp.of(GwpSet.AR5, "CH4")).hasValue(28);
    assertThat(Gwp.of(GwpSet.AR6, "CH4")).hasValue(27.9);
    assertThat(Gwp.of(GwpSet.AR5, "N2O")).hasValue(265);
    assertThat(Gwp.of(GwpSet.AR6, "SF6")).hasValue(25200);
    assertThat(Gwp.of(GwpSet.AR5, "CO2")).hasValue(1);
    assertThat(Gwp.of(GwpSet.AR5, "XYZ")).isEmpty();
  }

  @Test
  void suggest_caseAndDash() {
    assertThat(Gwp.suggest("ch4")).contains("CH4");
    assertThat(Gwp.suggest("HFC134a")).contains("HFC-134a");
  }
}
