package org.tanji.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanji.cli.CliTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PactImportCommandTest {

  /** The spec's example 3: Company 3, 77.0 kgCO2e per 1 piece, valid 2024-12-31 to 2027-12-31. */
  private static final String EXAMPLE3 = "../testdata/pact/example-3.json";
  private static final String ID3 = "8b26f3b8-f5d9-4adf-8a11-02e05d273e58";

  /** testdata/tiny-per-piece.yaml (460 kgCO2e) with 2,000 supplier plates: 2,000 × 77 = 154,000 kgCO2e more. */
  private static Path studyWithPlates(Path dir) throws Exception {
    String yaml = Files.readString(Path.of("..", "testdata", "tiny-per-piece.yaml"))
        + "  - name: Back plate blank\n    stage: raw-materials\n    amount: 2000 piece\n    factor: supplier-plate\n"
        + "    quality: {activity: periodic, calibration: compliant}\n";
    Path study = dir.resolve("plates.yaml");
    Files.writeString(study, yaml);
    return study;
  }

  @Test
  void import_thenCalcAndReportNameTheFootprint(@TempDir Path dir) throws Exception {
    Path lib = dir.resolve("lib");
    CliTest.Run imported = run("pact", "import", EXAMPLE3, "--id", "supplier-plate", "--library", lib.toString(),
        "--lang", "en");
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).isEqualTo("imported footprint " + ID3 + " of Company 3 as factor supplier-plate"
        + " (77 kgCO2e/piece, valid 2024-12-31 to 2027-12-30) into " + lib.resolve("supplier-plate.pact.json")
        + System.lineSeparator());
    assertThat(lib.resolve("supplier-plate.pact.json")).exists();

    Path study = studyWithPlates(dir);
    CliTest.Run calc = run("calc", study.toString(), "--library", lib.toString(), "--lang", "en");
    assertThat(calc.code()).as(calc.err()).isZero();
    assertThat(calc.out()).contains("Total for the period: 154.46 tCO₂e, output 1000000 piece")
        .contains("supplier-plate  77 kgCO2e/piece  library supplier-plate  PACT 3.0.0 · Company 3, supplier footprint "
            + ID3 + ", valid 2024-12-31 to 2027-12-30");

    CliTest.Run json = run("calc", study.toString(), "--library", lib.toString(), "--json");
    // (460 + 154,000) kgCO2e for 1,000,000 pieces
    assertThat(json.out()).contains("\"perUnit_kgCO2e\" : 0.15446,").contains("\"supplier\" : {\n      \"footprintId\" : \"" + ID3 + "\"");

    Path out = dir.resolve("out");
    CliTest.Run report = run("report", study.toString(), "--library", lib.toString(), "--format", "html",
        "--lang", "en", "-o", out.toString());
    assertThat(report.code()).as(report.err()).isZero();
    String html;
    try (var files = Files.list(out)) {
      html = Files.readString(files.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow());
    }
    assertThat(html).contains("factor library: supplier-plate; supplier footprint " + ID3
        + " of Company 3 (PACT 3.0.0), valid 2024-12-31 to 2027-12-30").contains("PACT 3.0.0 · Company 3");
    CliTest.Run zh = run("report", study.toString(), "--library", lib.toString(), "--format", "html",
        "--lang", "zh", "-o", dir.resolve("zh").toString());
    assertThat(zh.code()).isZero();
    try (var files = Files.list(dir.resolve("zh"))) {
      assertThat(Files.readString(files.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow()))
          .contains("因子库：supplier-plate；Company 3 的供应商足迹 " + ID3 + "（PACT 3.0.0），有效期 2024-12-31 至 2027-12-30");
    }
  }

  @Test
  void import_defaultIdAndReplacedOnReimport(@TempDir Path dir) {
    String lib = dir.resolve("lib").toString();
    assertThat(run("pact", "import", EXAMPLE3, "--library", lib).code()).isZero();
    assertThat(run("pact", "import", EXAMPLE3, "--library", lib).code()).isZero();
    CliTest.Run show = run("factors", "show", "pact-" + ID3, "--library", lib, "--lang", "en");
    assertThat(show.code()).isZero();
    assertThat(show.out()).contains("77 kgCO2e/piece", "PACT 3.0.0 · Company 3", "supplier");
  }

  @Test
  void import_unknownSpecVersion_refusedWithLineAndColumn(@TempDir Path dir) throws Exception {
    Path old = dir.resolve("old.json");
    Files.writeString(old, Files.readString(Path.of(EXAMPLE3)).replace("\"specVersion\": \"3.0.0\"", "\"specVersion\": \"2.2.0\""));
    CliTest.Run r = run("pact", "import", old.toString(), "--library", dir.resolve("lib").toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(Main.STUDY_ERRORS);
    assertThat(r.err()).startsWith(old + ":3:18: error PACT_SPEC_VERSION specVersion is \"2.2.0\": a PACT 2.2 footprint")
        .contains(old + " was not imported");
    assertThat(dir.resolve("lib")).doesNotExist();
  }

  @Test
  void import_expired_importedWithAWarning(@TempDir Path dir) throws Exception {
    Path expired = dir.resolve("expired.json");
    Files.writeString(expired, Files.readString(Path.of(EXAMPLE3))
        .replace("\"validityPeriodEnd\": \"2027-12-31T00:00:00+00:00\"", "\"validityPeriodEnd\": \"2025-01-31T00:00:00+00:00\""));
    CliTest.Run r = run("pact", "import", expired.toString(), "--library", dir.resolve("lib").toString(), "--lang", "en");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains(": warning PACT_EXPIRED footprint " + ID3 + " of Company 3 was valid until 2025-01-30"); // the end instant is outside
  }

  @Test
  void import_idForAListOrTaken_usageErrors(@TempDir Path dir) throws Exception {
    Path two = dir.resolve("two.json");
    Files.writeString(two, "[" + Files.readString(Path.of(EXAMPLE3)) + ","
        + Files.readString(Path.of("..", "testdata", "pact", "example-1.json")) + "]");
    String lib = dir.resolve("lib").toString();
    CliTest.Run list = run("pact", "import", two.toString(), "--id", "x", "--library", lib, "--lang", "en");
    assertThat(list.code()).isEqualTo(Main.USAGE);
    assertThat(list.err()).contains("--id names one footprint, but the file holds 2");
    CliTest.Run taken = run("pact", "import", EXAMPLE3, "--id", "cn-fuel-diesel", "--library", lib, "--lang", "en");
    assertThat(taken.code()).isEqualTo(Main.USAGE);
    assertThat(taken.err()).contains("id \"cn-fuel-diesel\" is already a factor in the library");
    CliTest.Run bad = run("pact", "import", EXAMPLE3, "--id", "Plate A", "--library", lib, "--lang", "en");
    assertThat(bad.code()).isEqualTo(Main.USAGE);
    assertThat(run("pact", "import", two.toString(), "--library", lib).code()).isZero();
    assertThat(run("factors", "show", "pact-12345678-9abc-def0-1234-567812345678", "--library", lib).code()).isZero();
  }
  /** A file that is not there: the one line every command gives (Main.describe), in the language asked for. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
      "en, 'tanji pact import: no such file or directory: %s'",
      "zh, 'tanji pact import: 文件或目录不存在：%s'"})
  void import_missingFile_oneLineInTheLanguageAskedFor(String lang, String expected, @TempDir Path dir) {
    Path missing = dir.resolve("missing.json");
    CliTest.Run r = run("pact", "import", missing.toString(), "--library", dir.resolve("lib").toString(), "--lang", lang);
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).isEqualTo(String.format(expected, missing) + System.lineSeparator());
    assertThat(dir.resolve("lib")).doesNotExist();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
      "en, 'tanji pact import: permission denied: %s'",
      "zh, 'tanji pact import: 权限不足：%s'"})
  void import_unreadableFile_oneLineInTheLanguageAskedFor(String lang, String expected, @TempDir Path dir)
      throws java.io.IOException {
    Path locked = dir.resolve("locked.json");
    Files.copy(Path.of(EXAMPLE3), locked);
    Files.setPosixFilePermissions(locked, java.util.Set.of());
    // root reads whatever the permissions say: nothing to test there
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "the file is readable to this user");
    CliTest.Run r = run("pact", "import", locked.toString(), "--library", dir.resolve("lib").toString(), "--lang", lang);
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).isEqualTo(String.format(expected, locked) + System.lineSeparator());
  }
}

