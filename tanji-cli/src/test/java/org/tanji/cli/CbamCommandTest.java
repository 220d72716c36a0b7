package org.tanji.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanji.cli.CliTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tanji cbam}: the summary and the JSON of docs/cbam.md, and its exit statuses. */
final class CbamCommandTest {

  private static final String STEEL = "../testdata/cbam/steel-blast-furnace.cbam.yaml";
  private static final String SEED = "../examples/cbam/seed-003-steel-balls.cbam.yaml";

  @TempDir
  Path dir;

  @Test
  void cbam_summaryPrintsTheTemplatesFigures() {
    CliTest.Run r = run("cbam", STEEL, "--lang", "en");
    assertThat(r.code()).isEqualTo(Main.OK);
    assertThat(r.out()).contains("Example Blast Steelworks, 2023-01-01 – 2023-12-31",
        "Direct emissions of the installation: 7,866,044 tCO₂e (biomass CO₂ 28,052 t",
        "7208 10 00", "1.539", "0.204", "1.743", "0.00 %", "No findings.");
  }

  @Test
  void cbam_summaryInChinese() {
    CliTest.Run r = run("cbam", STEEL, "--lang", "zh");
    assertThat(r.out()).contains("设施直接排放：7,866,044 tCO₂e", "SEE 合计");
  }

  @Test
  void cbam_json_seed003() throws Exception {
    CliTest.Run r = run("cbam", SEED, "--json");
    assertThat(r.code()).isEqualTo(Main.STUDY_ERRORS); // the round steel's SEE is unknown
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.at("/installation/period/start").asText()).isEqualTo("2023-01-01");
    JsonNode forging = json.at("/processes/0");
    assertThat(forging.get("production_t").asDouble()).isEqualTo(43585.4);
    assertThat(forging.get("electricity_MWh").asDouble()).isEqualTo(19613.43);
    assertThat(forging.get("seeDirect_tCO2e_per_t").isNull()).isTrue();
    JsonNode good = json.at("/goods/0");
    assertThat(good.get("cn").asText()).isEqualTo("7326 11 00");
    assertThat(good.get("category").asText()).isEqualTo("iron-or-steel-products");
    assertThat(good.get("seeTotal_tCO2e_per_t").isNull()).isTrue();
    assertThat(json.at("/findings/3/code").asText()).isEqualTo("CBAM_PRECURSOR_SEE_MISSING");
    assertThat(json.at("/findings/3/line").asInt()).isEqualTo(32);
  }

  @Test
  void cbam_json_steelIsUnrounded() throws Exception {
    JsonNode json = new ObjectMapper().readTree(run("cbam", STEEL, "--json").out());
    assertThat(json.at("/goods/0/seeDirect_tCO2e_per_t").asDouble()).isBetween(1.5389760645, 1.5389760646);
    assertThat(json.at("/goods/3/carbonPrice/effective_per_t").asDouble()).isEqualTo(15);
    assertThat(json.at("/processes/0/wasteGases_tCO2e").asDouble()) // D_Processes T62, to its 15 digits
        .isCloseTo(-478959.36, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void cbam_unreadableFile_jsonWithFindings() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.cbam.yaml"), "tanji-cbam: 1\ninstallation: [1, 2\n");
    CliTest.Run r = run("cbam", bad.toString(), "--json");
    assertThat(r.code()).isEqualTo(Main.STUDY_ERRORS);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("installation").isNull()).isTrue();
    assertThat(json.at("/findings/0/code").asText()).isEqualTo("PARSE_ERROR");
  }

  @Test
  void cbam_missingFile() {
    CliTest.Run r = run("cbam", dir.resolve("none.cbam.yaml").toString());
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("none.cbam.yaml: no such file");
  }
}
