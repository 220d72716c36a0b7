package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
  void factors_supplierFootprintOnlyWhereThereIsOne() throws Exception {
    JsonNode j = new ObjectMapper().readTree(ResultJson.toJson(Fixtures.withPlates(2025, "40 piece", "Active").calculate(),
        Messages.EN));
    JsonNode steel = j.get("factors").get(0);
    assertThat(steel.get("key").asText()).isEqualTo("steel");
    assertThat(steel.has("supplier")).isFalse();
    JsonNode plate = j.get("factors").get(1);
    assertThat(plate.get("libraryId").asText()).isEqualTo("supplier-plate");
    assertThat(plate.get("value").asText()).isEqualTo("77 kgCO2e/piece");
    assertThat(plate.get("type").asText()).isEqualTo("supplier");
    JsonNode s = plate.get("supplier");
    assertThat(s.get("footprintId").asText()).isEqualTo("8b26f3b8-f5d9-4adf-8a11-02e05d273e58");
    assertThat(s.get("companyName").asText()).isEqualTo("Company 3");
    assertThat(s.get("validFrom").asText()).isEqualTo("2024-12-31T00:00:00Z");
    assertThat(s.get("validUntil").asText()).isEqualTo("2027-12-31T00:00:00Z");
    assertThat(s.get("declaredUnit").asText()).isEqualTo("1 piece");
    assertThat(s.get("pcfExcludingBiogenicUptake").asText()).isEqualTo("77.0");
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
    assertThat(f.get("line").asInt()).isEqualTo(17);
    assertThat(f.get("message").asText()).contains("(line 17, column 5)");
  }

  @Test
  void lines_unallocatedEmissions_allocatedTimesTheShare() throws Exception {
    var read = StudyFiles.read(java.nio.file.Path.of("..", "examples", "two-products-mass-allocation.yaml"));
    JsonNode j = new ObjectMapper().readTree(ResultJson.toJson(read.calculate(), Messages.EN));
    double share = j.get("allocationShare").asDouble();
    assertThat(share).isEqualTo(0.75); // 30,000 t of balls and 10,000 t of bars, by mass
    int allocated = 0;
    for (JsonNode line : j.get("lines")) {
      double gross = line.get("unallocated_kgCO2e").asDouble();
      double kg = line.get("kgCO2e").asDouble();
      if (line.get("allocated").asBoolean()) {
        assertThat(kg).isCloseTo(gross * share, org.assertj.core.data.Offset.offset(1e-6));
        allocated++;
      } else {
        assertThat(kg).isEqualTo(gross);
      }
    }
    assertThat(allocated).isPositive();
  }

  @Test
  void lines_exchangeRate_onlyOnAConvertedLine() throws Exception {
    JsonNode lines = json(Fixtures.testdata("spend-in-three-currencies.yaml")).get("lines");
    assertThat(lines.get(0).has("exchangeRate")).isFalse(); // 10 t of steel: no money
    assertThat(lines.get(1).get("exchangeRate").asText()).isEqualTo("USD: 7.10 CNY");
    assertThat(lines.get(1).get("kgCO2e").asDouble()).isEqualTo(3550.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(lines.get(2).get("exchangeRate").asText()).isEqualTo("USD: 7.10 CNY"); // used the other way
    assertThat(lines.get(3).get("exchangeRate").asText()).isEqualTo("EUR: 7.80 CNY");
    // the lines of a study without rates keep exactly the fields they had
    assertThat(json(Fixtures.MINIMAL).get("lines").get(0).fieldNames()).toIterable().containsExactly("name", "stage",
        "kgCO2e", "share", "excluded", "score", "index", "factor", "points", "allocated", "unallocated_kgCO2e");
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

  /** What writeNumber makes of one figure, as the JSON text of {@code {"x": …}}. */
  private static String written(Double value) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      ResultJson.writeNumber(g, "x", value);
      g.writeEndObject();
    }
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void writeNumber_notFinite_asNull(double value) throws IOException {
    // JSON has no NaN or infinity: written raw, the file would not parse
    assertThat(written(value)).isEqualTo("{\"x\":null}");
  }

  @Test
  void writeNumber_figuresAndUnknown() throws IOException {
    assertThat(written(2821.88)).isEqualTo("{\"x\":2821.88}");
    assertThat(written(null)).isEqualTo("{\"x\":null}");
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      ResultJson.writeNumber(g, "known", OptionalDouble.of(0.5));
      ResultJson.writeNumber(g, "unknown", OptionalDouble.empty());
      g.writeEndObject();
    }
    assertThat(out.toString()).isEqualTo("{\"known\":0.5,\"unknown\":null}");
  }
}
