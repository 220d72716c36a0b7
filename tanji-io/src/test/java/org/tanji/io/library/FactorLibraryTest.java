package org.tanji.io.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.tanji.core.model.Factor;
import org.tanji.core.model.FactorType;
import org.tanji.core.units.Dimension;

final class FactorLibraryTest {

  private final FactorLibrary library = FactorLibrary.builtIn();

  @Test
  void builtIn_holdsEveryRowOfTheReferenceData() {
    // 38 electricity rows × 3 years, 15 reference factors, 7 fuels
    assertThat(library.size()).isEqualTo(114 + 15 + 7);
  }

  @Test
  void builtIn_everyIdHasAPrefixThatLookupsCheckFirst() {
    // contains/find answer "no" for other ids without parsing the data: that holds only while every id has a prefix
    assertThat(library.all()).extracting(Factor::id)
        .allMatch(id -> FactorLibrary.BUILT_IN_PREFIXES.stream().anyMatch(id::startsWith));
    assertThat(library.contains("grid")).isFalse();
    assertThat(library.find("round-steel")).isEmpty();
    assertThat(library.contains("cn-fuel-diesel")).isTrue();
    assertThat(library.contains("cn-fuel-nothing")).isFalse();
  }

  @Test
  void electricity_shandong2023IsTheCo2FactorNotTheFootprintFactor() {
    // DOMAIN.md: seed 003 cites 0.6205 as "Shandong"; Shandong's 2023 CO2 factor is 0.6191
    Factor sd = library.find("cn-electricity-co2-2023-shandong").orElseThrow();
    assertThat(sd.value().text()).isEqualTo("0.6191 kgCO2/kWh");
    assertThat(sd.value().unit().co2Only()).isTrue();
    assertThat(sd.type()).isEqualTo(FactorType.REGIONAL);
    assertThat(sd.year()).isEqualTo(2023);
    assertThat(sd.region()).isEqualTo("山东");
    assertThat(sd.publication()).isNotBlank();
    Factor national = library.find("cn-electricity-footprint-2023").orElseThrow();
    assertThat(national.value().value()).isEqualTo(0.6205);
    assertThat(national.boundary()).isEqualTo("cradle-to-grave");
    assertThat(library.find("cn-electricity-co2-2021-national").orElseThrow().type()).isEqualTo(FactorType.NATIONAL);
    assertThat(library.find("cn-electricity-co2-2022-grid-east")).isPresent();
    assertThat(library.find("cn-electricity-co2-2023-inner-mongolia")).isPresent();
  }

  @Test
  void fuels_valueIsNcvTimesCarbonTimesOxidationTimes44Over12() throws Exception {
    CsvRows csv;
    try (InputStream in = FactorLibrary.class.getResourceAsStream("/org/tanji/io/library/cn-fuel-defaults.csv")) {
      csv = CsvRows.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), new ArrayList<>());
    }
    for (CsvRows.Row r : csv.rows) {
      Factor f = library.find("cn-fuel-" + r.get("fuel")).orElseThrow();
      // diesel: 42.652 GJ/t / 1000 × 20.2 tC/TJ × 0.98 × 44/12 = 3.0959 tCO2/t
      assertThat(f.value().value()).as(f.id()).isCloseTo(BuiltInData.derive(r), within(f.value().value() * 5e-4));
      assertThat(f.note()).contains("× 44/12");
    }
    Factor gas = library.find("cn-fuel-natural-gas").orElseThrow();
    assertThat(gas.value().dimension()).isEqualTo(Dimension.CO2E.dividedBy(Dimension.GAS_VOLUME));
    // 21.622 tCO2 per 10^4 Nm3 is 2.1622 kgCO2 per Nm3
    assertThat(gas.value().inBase()).isCloseTo(2.1622, within(1e-9));
  }

  @Test
  void search_wordsRegionAndYear() {
    assertThat(library.search("山东", null, 2023)).extracting(Factor::id).containsExactly("cn-electricity-co2-2023-shandong");
    assertThat(library.search("", "shandong", null)).hasSize(3);
    assertThat(library.search("cpcd ship", null, null)).isEmpty(); // every word must match: no factor mentions "ship"
    assertThat(library.search("cpcd truck", null, null)).hasSize(4);
    assertThat(library.search("CPCD 货车", null, null)).extracting(Factor::id)
        .containsExactly("cpcd-diesel-truck", "cpcd-heavy-diesel-truck", "cpcd-medium-diesel-truck", "cpcd-light-diesel-truck");
    assertThat(library.search(null, null, null)).hasSize(library.size());
  }

  @Test
  void suggest_nearMisses() {
    assertThat(library.suggest("cn-electricity-footprint-2032")).contains("cn-electricity-footprint-2023");
    assertThat(library.suggest("nothing-like-it")).isEmpty();
  }
}
