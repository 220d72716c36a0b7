package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;

/** The JSON of docs/cbam.md: field names, nulls for what is unknown or absent, the shape of an unread file. */
final class CbamJsonTest {

  private static JsonNode json(String file) throws Exception {
    String text = CbamJson.toJson(CbamReader.read(Path.of("..", "testdata", "cbam", file)).compute().orElseThrow(),
        Locale.ENGLISH);
    return new ObjectMapper().readTree(text);
  }

  @Test
  void write_cementExample() throws Exception {
    JsonNode j = json("cement.cbam.yaml");
    // B_EmInst: raw meal 1255000 t × 0.525 = 658875 t, a process stream without a calorific value
    JsonNode meal = j.at("/sourceStreams/0");
    assertThat(meal.get("method").asText()).isEqualTo("process");
    assertThat(meal.get("fossil_tCO2e").asDouble()).isEqualTo(658875.0);
    assertThat(meal.get("energy_TJ").isNull()).isTrue();
    // household waste: 25000 t × 20 GJ/t = 500 TJ, 15 % biomass: 6225 t of 41500 t
    assertThat(j.at("/sourceStreams/2/energy_TJ").asDouble()).isEqualTo(500.0);
    assertThat(j.at("/sourceStreams/2/biomass_tCO2").asDouble()).isEqualTo(6225.0);
    JsonNode good = j.at("/goods/0");
    assertThat(good.get("category").asText()).isEqualTo("cement");
    assertThat(good.get("electricitySource").asText()).isEqualTo("D.4(b)");
    assertThat(good.at("/qualifying/clinkerFactor").asText()).isEqualTo("0.95");
    assertThat(good.at("/carbonPrice/effective_per_t").asDouble()).isEqualTo(30.0);
    assertThat(good.at("/carbonPrice/currency").isNull()).isTrue();
    assertThat(j.get("findings")).isEmpty();
  }

  @Test
  void write_uncomputableFigureIsNull(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    // heat in t instead of an energy: UNIT_MISMATCH, and the figures it feeds are null, not NaN
    Path file = java.nio.file.Files.writeString(dir.resolve("h.cbam.yaml"), """
        tanji-cbam: 1
        installation: {name: X, unlocode: CNXXX, latitude: "1", longitude: "1",
                       period: {start: 2023-01-01, end: 2023-12-31}}
        processes:
          - {id: p, category: crude-steel, production: 100 t, heat: {imported: {amount: 5 t, factor: 60 tCO2/TJ}}}
        """);
    String text = CbamJson.toJson(CbamReader.read(file).compute().orElseThrow(), Locale.ENGLISH);
    JsonNode j = new ObjectMapper().readTree(text);
    assertThat(j.at("/processes/0/heat_tCO2e").isNull()).isTrue();
    assertThat(j.at("/processes/0/attributedDirect_tCO2e").isNull()).isTrue();
    assertThat(j.at("/processes/0/seeDirect_tCO2e_per_t").isNull()).isTrue();
    assertThat(j.at("/findings/0/code").asText()).isEqualTo("UNIT_MISMATCH");
    assertThat(j.at("/findings/0/where").asText()).isEqualTo("processes[0].heat.imported.amount");
  }

  @Test
  void writeUnread_sameShapeWithFindings() throws Exception {
    StringWriter w = new StringWriter();
    CbamJson.writeUnread(List.of(Finding.error("PARSE_ERROR", "", Text.of("read.empty"))), Locale.ENGLISH, w);
    JsonNode j = new ObjectMapper().readTree(w.toString());
    assertThat(j.get("installation").isNull()).isTrue();
    assertThat(j.get("directEmissions_tCO2e").isNull()).isTrue();
    assertThat(j.get("goods")).isEmpty();
    assertThat(j.at("/findings/0/code").asText()).isEqualTo("PARSE_ERROR");
    assertThat(j.fieldNames()).toIterable().containsExactly("installation", "directEmissions_tCO2e",
        "biomassEmissions_tCO2", "sourceStreams", "processes", "goods", "findings");
  }
}
