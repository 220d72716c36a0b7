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
    assertThat(r.err()).isEqualTo("tanji cbam: no such file or directory: " + dir.resolve("none.cbam.yaml")
        + System.lineSeparator());
  }

  /** The steel example with an EU default value of 2.000 tCO2e/t beside its first good. */
  private Path steelWithDefault() throws Exception {
    String text = Files.readString(Path.of(STEEL)).replaceFirst("carbonPrice: \\{due: 30, rebate: 25}",
        "carbonPrice: {due: 30, rebate: 25}\n    euDefault: {direct: 2.000 tCO2e/t, source: test figure}");
    Path file = dir.resolve("steel-default.cbam.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void cbam_costOfSilence_perTonneAndVolume() throws Exception {
    // 2027: 2.000 × 1.2 = 2.400 against the actual SEE (direct) 1.539: 0.861 t/t; × 1,000 t: 2,400, 1,539, 861
    CliTest.Run r = run("cbam", steelWithDefault().toString(), "--lang", "en", "--year", "2027", "--volume", "1000");
    assertThat(r.code()).isEqualTo(Main.OK);
    assertThat(r.out()).contains("mark-up of 2027 (20.00 %)");
    assertThat(r.out().lines().filter(l -> l.contains("7208 10 00") && l.contains("2.400")).findFirst().orElseThrow())
        .contains("2.000", "2.400", "1.539", "0.861", "2,400", "1,539", "861");
    // the other three goods give no default value and are not compared
    assertThat(r.out().lines().filter(l -> l.contains("2.400")).count()).isEqualTo(1);
  }

  @Test
  void cbam_costOfSilence_json() throws Exception {
    // the reporting period is 2023, so without --year the mark-up is that of 2026, the first year: 10 %
    JsonNode json = new ObjectMapper().readTree(run("cbam", steelWithDefault().toString(), "--json").out());
    JsonNode c = json.at("/costOfSilence/0");
    assertThat(c.get("cn").asText()).isEqualTo("7208 10 00");
    assertThat(c.get("year").asInt()).isEqualTo(2026);
    assertThat(c.get("markUp").asDouble()).isEqualTo(0.1);
    assertThat(c.get("defaultMarkedUp_tCO2e_per_t").asDouble()).isEqualTo(2.2, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(c.get("actual_tCO2e_per_t").asDouble()).isBetween(1.5389760645, 1.5389760646);
    assertThat(c.get("volume_t").isNull()).isTrue();
    assertThat(json.at("/costOfSilence").size()).isEqualTo(1);
  }

  @Test
  void cbam_json_withoutDefaultsHasNoCostOfSilence() throws Exception {
    JsonNode json = new ObjectMapper().readTree(run("cbam", STEEL, "--json").out());
    assertThat(json.has("costOfSilence")).isFalse();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "--volume|0|--volume 0.0: give the export volume in t",
      "--volume|-5|--volume -5.0: give the export volume in t",
      "--year|2025|--year 2025: default values carry a mark-up from 2026"})
  void cbam_badOption(String option, String value, String message) {
    CliTest.Run r = run("cbam", STEEL, option, value);
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains(message);
  }

  @Test
  void cbam_badOption_inTheLanguageAskedFor() {
    CliTest.Run r = run("cbam", STEEL, "--volume", "-5", "--lang", "zh");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).isEqualTo("tanji cbam: --volume -5.0：请给出以 t 计、大于零的出口量" + System.lineSeparator());
  }

  @Test
  void cbam_missingTemplate_oneLineNamingIt_nothingWritten() {
    Path missing = dir.resolve("no-template.xlsx");
    CliTest.Run r = run("cbam", STEEL, "--template", missing.toString(), "-o", dir.resolve("out.xlsx").toString());
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).endsWith("tanji cbam: no such file or directory: " + missing + System.lineSeparator());
    assertThat(dir.resolve("out.xlsx")).doesNotExist();
  }

  @Test
  void cbam_templateWithoutOutput() {
    CliTest.Run r = run("cbam", STEEL, "--template", STEEL);
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("--template needs -o OUT.xlsx");
  }

  @Test
  void cbam_templateThatIsNotOne() {
    CliTest.Run r = run("cbam", STEEL, "--template", STEEL, "-o", dir.resolve("out.xlsx").toString());
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("steel-blast-furnace.cbam.yaml cannot be read as an Excel workbook");
    assertThat(dir.resolve("out.xlsx")).doesNotExist();
  }

  @Test
  void cbam_output_fillsTheBundledTemplate() throws Exception {
    Path out = dir.resolve("steel.xlsx");
    CliTest.Run r = run("cbam", STEEL, "--lang", "en", "-o", out.toString());
    assertThat(r.code()).isEqualTo(Main.OK);
    assertThat(r.err()).contains("communication template written to " + out);
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(out))) {
      // B_EmInst E17/F17 and Summary_Products F10 as the Commission's example has them
      assertThat(wb.getSheet("B_EmInst").getRow(16).getCell(4).getStringCellValue()).isEqualTo("Coke fines");
      assertThat(wb.getSheet("B_EmInst").getRow(16).getCell(5).getNumericCellValue()).isEqualTo(50000);
      assertThat(wb.getSheet("Summary_Products").getRow(9).getCell(5).getStringCellValue()).isEqualTo("72081000");
    }
  }

  @Test
  void cbam_report_fileWithAUnitThatDoesNotFit_noReport() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong.cbam.yaml"), Files.readString(Path.of(SEED))
        .replace("study: ../seed-003-steel-balls.yaml", "study: " + Path.of("../examples/seed-003-steel-balls.yaml")
            .toAbsolutePath().normalize())
        .replace("amount: {from: inventory/圆钢}", "amount: 5 MWh"));
    Path html = dir.resolve("wrong.html");
    CliTest.Run r = run("cbam", wrong.toString(), "--lang", "en", "--report", html.toString());
    assertThat(r.code()).isEqualTo(Main.STUDY_ERRORS);
    assertThat(r.out()).contains("UNIT_MISMATCH");
    assertThat(r.err()).contains("the report was not written: the CBAM data have errors besides a precursor SEE")
        .doesNotContain("internal error");
    assertThat(html).doesNotExist();
  }

  @Test
  void cbam_output_intoAMissingFolder_saysSoInTheStudysLanguage() {
    Path out = dir.resolve("no-such-folder").resolve("steel.xlsx");
    CliTest.Run r = run("cbam", STEEL, "--lang", "zh", "-o", out.toString());
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("无法写入 " + out + "：文件或目录不存在").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void cbam_report_seed003WithTheCbamSection() throws Exception {
    Path html = dir.resolve("seed.html");
    CliTest.Run r = run("cbam", SEED, "--lang", "en", "--report", html.toString());
    // the round steel's SEE is unknown: exit 1, but the report shows the footprint and what is known
    assertThat(r.code()).isEqualTo(Main.STUDY_ERRORS);
    String text = Files.readString(html);
    assertThat(text).contains("Product footprint beside CBAM embedded emissions",
        "CN 7326 11 00: footprint 2.822 tCO2e/t", "the CBAM specific embedded emissions are not known yet",
        "0.6205 kgCO2e/kWh", "0.6191 kgCO2/kWh", "transport: outside CBAM");
  }

  @Test
  void cbam_report_badExtension() {
    CliTest.Run r = run("cbam", SEED, "--report", dir.resolve("seed.txt").toString());
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("name a file ending in .html, .docx or .pdf");
  }
}
