package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.tanji.core.i18n.Messages;

final class ResultJsonTest {

  private static JsonNode json(String yaml) throws Exception {
    return new ObjectMapper().readTree(ResultJson.toJson(Fixtures.calc(yaml), Messages.EN));
  }

  @Test
  void contract_fieldsOfTheSeedExample() throws Exception {
    JsonNode j = json(Fixtures.MINIMAL);
    assertThat(j.fieldNames()).toIterable().startsWith("total_kgCO2e", "perUnit_kgCO2e", "perKg_kgCO2e",
        "allocationShare", "stages", "lines", "dataQuality", "findings");
    assertThat(j.get("total_kgCO2e").asDouble()).isEqualTo(220_000);
    assertThat(j.get("allocationShare").asDouble()).isEqualTo(1.0);
    JsonNode line = j.get("lines").get(0);
    assertThat(line.get("name").asText()).isEqualTo("Steel");
    assertThat(line.get("stage").asText()).isEqualTo("raw-materials");
    assertThat(line.get("excluded").asBoolean()).isFalse();
    assertThat(line.get("share").asDouble()).isEqualTo(1.0);
    assertThat(j.get("dataQuality").get("grade").asInt()).isEqualTo(2);
    assertThat(j.get("findings")).isEmpty();
  }

  @Test
  void errors_giveNullTotalsAndLocatedFindings() throws Exception {
    JsonNode j = json(Fixtures.MINIMAL.replace("amount: 110 t", "amount: 110 km"));
    assertThat(j.get("total_kgCO2e").isNull()).isTrue();
    assertThat(j.get("perUnit_kgCO2e").isNull()).isTrue();
    assertThat(j.get("dataQuality").isNull()).isTrue();
    JsonNode f = j.get("findings").get(0);
    assertThat(f.get("code").asText()).isEqualTo("UNIT_MISMATCH");
    assertThat(f.get("severity").asText()).isEqualTo("error");
    assertThat(f.get("where").asText()).isEqualTo("inventory[0].amount");
    assertThat(f.get("line").asInt()).isEqualTo(16);
    assertThat(f.get("message").asText()).contains("(line 16, column 5)");
  }

  @Test
  void plain_numbersWithoutExponentForOrdinaryMagnitudes() {
    assertThat(ResultJson.plain(122992867.475)).isEqualTo("122992867.475");
    assertThat(ResultJson.plain(1.0)).isEqualTo("1.0");
    assertThat(ResultJson.plain(0.000123)).isEqualTo("0.000123");
    assertThat(ResultJson.plain(120)).isEqualTo("120.0");
    assertThat(ResultJson.plain(0)).isEqualTo("0");
    assertThat(Double.parseDouble(ResultJson.plain(1e-9))).isEqualTo(1e-9);
    assertThat(Double.parseDouble(ResultJson.plain(2.5e300))).isEqualTo(2.5e300);
  }
}
