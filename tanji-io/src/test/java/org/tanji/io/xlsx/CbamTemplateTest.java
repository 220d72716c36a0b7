package org.tanji.io.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanji.core.cbam.CbamResult;
import org.tanji.core.model.Finding;
import org.tanji.io.CbamRead;
import org.tanji.io.CbamReader;
import org.tanji.io.xlsx.CbamTemplate.Entry;
import org.tanji.io.xlsx.CbamTemplate.Filled;

/** Filling the Commission's communication template: input cells only, formulas kept, bad templates refused. */
final class CbamTemplateTest {

  /** The bundled blank template, opened once: loading it takes seconds on a busy machine. */
  private static XSSFWorkbook blank;
  /** The blank filled with FIRST, then that copy filled again with SECOND. */
  private static XSSFWorkbook filled;
  private static XSSFWorkbook refilled;
  private static final List<Entry> FIRST = List.of(
      Entry.of(CbamCell.REPORTING_PERIOD_START, LocalDate.of(2026, 1, 1), "installation.period"),
      Entry.of(CbamCell.INSTALLATION_NAME_EN, "Jinan Forge", "installation.name"),
      new Entry(CbamCell.STREAM_NAME, 3, 0, "Coke", "sourceStreams[3].name"),
      new Entry(CbamCell.STREAM_ACTIVITY, 2, 0, 1234.5, "sourceStreams[2].amount"),
      new Entry(CbamCell.PROCESS_HEAT_RELEVANT, 1, 0, true, "processes[1]"));
  private static final List<Entry> SECOND = List.of(
      new Entry(CbamCell.STREAM_NAME, 0, 0, "Coal", "sourceStreams[0].name"));

  @BeforeAll
  static void load() throws IOException {
    try (var in = CbamTemplate.class.getResourceAsStream(CbamTemplate.BUNDLED)) {
      blank = open(in.readAllBytes());
    }
    Filled first = CbamTemplate.bundled().fill(FIRST);
    assertThat(first.findings()).isEmpty();
    byte[] once = first.workbook().orElseThrow();
    filled = open(once);
    refilled = open(CbamTemplate.of(once, "filled.xlsx").fill(SECOND).workbook().orElseThrow());
  }

  @AfterAll
  static void close() throws IOException {
    blank.close();
    filled.close();
    refilled.close();
  }

  private static XSSFWorkbook open(byte[] bytes) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  private static Cell cell(XSSFWorkbook wb, String ref) {
    CellReference r = new CellReference(ref);
    var row = wb.getSheet(r.getSheetName()).getRow(r.getRow());
    return row == null ? null : row.getCell(r.getCol());
  }

  /**
   * A small workbook with the template's sheet names and version list but none of its content,
   * changed by {@code change}: enough for the checks made before any cell is written.
   */
  private static CbamTemplate lookalike(String version, Consumer<XSSFWorkbook> change) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      wb.createSheet("0_Versions").createRow(8).createCell(4).setCellValue(version);
      for (CbamCell c : CbamCell.values()) {
        if (wb.getSheet(c.sheet()) == null) {
          wb.createSheet(c.sheet());
        }
      }
      wb.createSheet("Summary_Communication");
      change.accept(wb);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return CbamTemplate.of(out.toByteArray(), "mine.xlsx");
    }
  }

  @Test
  void cells_areInputCellsOfTheBundledTemplate() {
    int checked = 0;
    for (CbamCell c : CbamCell.values()) {
      for (int i = 0; i < c.count(); i++) {
        for (int j = 0; j < c.width(); j++) {
          String ref = c.at(i, j).formatAsString();
          Cell cell = cell(blank, ref);
          assertThat(cell).as(ref).isNotNull();
          assertThat(cell.getCellStyle().getLocked()).as(ref + " locked").isFalse();
          assertThat(cell.getCellType()).as(ref).isEqualTo(CellType.BLANK);
          checked++;
        }
      }
    }
    // every sheet the map writes to is protected: what is not unlocked there cannot be typed over
    for (CbamCell c : CbamCell.values()) {
      assertThat(blank.getSheet(c.sheet()).getProtect()).as(c.sheet()).isTrue();
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void at_repeatsByStrideAndSpan() {
    // production process 3's second route row; purchased precursor 2 as consumed by process 3
    assertThat(CbamCell.PROCESS_PRODUCTION.at(2, 1).formatAsString()).isEqualTo("D_Processes!L147");
    assertThat(CbamCell.PRECURSOR_CONSUMED_IN.at(1, 2).formatAsString()).isEqualTo("E_PurchPrec!L74");
    assertThat(CbamCell.PRECURSOR_SEE_DIRECT.at(1, 0).formatAsString()).isEqualTo("E_PurchPrec!L93");
    assertThat(CbamCell.STREAM_NAME.firstCell()).isEqualTo("B_EmInst!E17");
  }

  @Test
  void cells_allInTheDocsTable() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "cbam.md"));
    for (CbamCell c : CbamCell.values()) {
      assertThat(docs).as(c.name()).contains("| `" + c.firstCell() + "` | " + c.meaning() + " |");
    }
  }

  @Test
  void version_bundledIs211() {
    assertThat(CbamTemplate.version(blank)).contains("2.1.1");
  }

  @Test
  void fill_writesInputsAndKeepsFormulasAndLists() {
    assertThat(cell(filled, "A_InstData!I20").getStringCellValue()).isEqualTo("Jinan Forge");
    assertThat(cell(filled, "A_InstData!I9").getLocalDateTimeCellValue().toLocalDate())
        .isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(cell(filled, "B_EmInst!F19").getNumericCellValue()).isEqualTo(1234.5);
    assertThat(cell(filled, "D_Processes!K115").getBooleanCellValue()).isTrue();
    assertThat(cell(filled, "Summary_Communication!K26").getCellFormula())
        .isEqualTo(cell(blank, "Summary_Communication!K26").getCellFormula());
    assertThat(filled.getSheet("B_EmInst").getDataValidations())
        .hasSameSizeAs(blank.getSheet("B_EmInst").getDataValidations());
    assertThat(cell(filled, "A_InstData!I20").getCellStyle().getFillForegroundColorColor())
        .isEqualTo(cell(blank, "A_InstData!I20").getCellStyle().getFillForegroundColorColor());
    assertThat(filled.getForceFormulaRecalculation()).isTrue();
  }

  @Test
  void fill_clearsTheInputsOfAFilledTemplate() {
    assertThat(cell(refilled, "B_EmInst!E20").getCellType()).isEqualTo(CellType.BLANK);
    assertThat(cell(refilled, "A_InstData!I20").getCellType()).isEqualTo(CellType.BLANK);
    assertThat(cell(refilled, "B_EmInst!E17").getStringCellValue()).isEqualTo("Coal");
  }

  @Test
  void fill_notAWorkbook() {
    Filled f = CbamTemplate.of("name,value\n".getBytes(StandardCharsets.UTF_8), "notes.csv").fill(List.of());
    assertThat(f.workbook()).isEmpty();
    assertThat(f.findings()).extracting(Finding::code).containsExactly(CbamTemplate.NOT_A_TEMPLATE);
    assertThat(f.findings().get(0).message(Locale.ENGLISH)).startsWith("notes.csv cannot be read as an Excel workbook");
  }

  @Test
  void fill_anotherWorkbook() throws IOException {
    CbamTemplate other = lookalike("2.1.1", wb -> {
      wb.removeSheetAt(wb.getSheetIndex("E_PurchPrec"));
      wb.removeSheetAt(wb.getSheetIndex("B_EmInst"));
    });
    Filled f = other.fill(List.of());
    assertThat(f.workbook()).isEmpty();
    assertThat(f.findings()).extracting(Finding::code).containsExactly(CbamTemplate.NOT_A_TEMPLATE);
    assertThat(f.findings().get(0).message(Locale.ENGLISH))
        .contains("mine.xlsx is not the Commission's CBAM communication template")
        .contains("B_EmInst and E_PurchPrec");
  }

  @Test
  void fill_unknownVersion() throws IOException {
    CbamTemplate v3 = lookalike("3.0", wb -> {});
    Filled f = v3.fill(List.of());
    assertThat(f.findings()).extracting(Finding::code).containsExactly(CbamTemplate.UNKNOWN_VERSION);
    assertThat(f.findings().get(0).message(Locale.ENGLISH)).contains("version 3.0").contains("2.1 and 2.1.1");
  }

  @Test
  void fill_lockedCell() throws IOException {
    CbamTemplate locked = lookalike("2.1", wb -> {
      var style = wb.createCellStyle();
      style.setLocked(true); // E17, the first source stream's name, locked as the template's own cells are
      wb.getSheet("B_EmInst").createRow(16).createCell(4).setCellStyle(style);
    });
    Filled f = locked.fill(List.of(new Entry(CbamCell.STREAM_NAME, 0, 0, "Coke", "sourceStreams[0].name")));
    assertThat(f.workbook()).isEmpty();
    assertThat(f.findings()).extracting(Finding::code, Finding::where)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(CbamTemplate.NOT_AN_INPUT, "sourceStreams[0].name"));
    assertThat(f.findings().get(0).message(Locale.ENGLISH))
        .contains("cell B_EmInst!E17 (name of the source stream) is not an input cell");
  }

  @Test
  void fill_moreRowsThanTheTemplateHolds() throws IOException {
    Filled f = lookalike("2.1.1", wb -> {}).fill(List.of(
        new Entry(CbamCell.STREAM_NAME, 75, 0, "stream 76", "sourceStreams[75].name")));
    assertThat(f.workbook()).isEmpty();
    assertThat(f.findings()).extracting(Finding::code, Finding::where)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(CbamTemplate.TOO_MANY, "sourceStreams[75].name"));
    assertThat(f.findings().get(0).message(Locale.ENGLISH)).contains("room for 75 of these (name of the source stream)");
  }

  @Test
  void entries_gasStreamIn1000Nm3(@TempDir Path dir) throws IOException {
    // 200,000 Nm3 of natural gas at 389.31 GJ/10^4 Nm3 (GB/T 32151): 200 × 1000 Nm3 at 38.931 GJ/1000 Nm3
    Path file = dir.resolve("gas.cbam.yaml");
    Files.writeString(file, """
        tanji-cbam: 1
        installation: {name: X, unlocode: CNXXX, latitude: "1", longitude: "1", period: {start: 2023-01-01, end: 2023-12-31}}
        processes:
          - {id: p, category: iron-or-steel-products, production: 100 t}
        sourceStreams:
          - {name: gas, method: combustion, amount: 200000 Nm3, ncv: 389.31 GJ/10^4Nm3, factor: 56.1 tCO2/TJ, oxidation: 0.99, process: p}
        """);
    CbamRead read = CbamReader.read(file);
    CbamEntries e = CbamEntries.of(read.input().orElseThrow(), read.compute().orElseThrow());
    assertThat(e.findings()).isEmpty();
    assertThat(e.entries()).filteredOn(x -> x.cell() == CbamCell.STREAM_ACTIVITY).singleElement()
        .satisfies(x -> assertThat((Double) x.value()).isCloseTo(200, within(1e-9)));
    assertThat(e.entries()).filteredOn(x -> x.cell() == CbamCell.STREAM_NCV).singleElement()
        .satisfies(x -> assertThat((Double) x.value()).isCloseTo(38.931, within(1e-9)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // computes (12 m3 × 38 GJ/m3 × 74.1 tCO2/TJ), but the template's rows take t or 1000 Nm3
      "100 t|{name: diesel, method: combustion, amount: 12 m3, ncv: 38 GJ/m3, factor: 74.1 tCO2/TJ, oxidation: 1,"
          + " process: p}|CBAM_TEMPLATE_UNIT|sourceStreams[0].amount",
      // does not compute (a production in pieces): no workbook from it
      "100 piece|{name: coke, method: combustion, amount: 10 t, ncv: 28 GJ/t, factor: 100 tCO2/TJ, oxidation: 1,"
          + " process: p}|UNIT_MISMATCH|processes[0].production"})
  void fill_whatTheTemplateCannotTake_findingNoWorkbook(String production, String stream, String code, String where,
      @TempDir Path dir) throws IOException {
    Path file = java.nio.file.Files.writeString(dir.resolve("x.cbam.yaml"), """
        tanji-cbam: 1
        installation: {name: X, unlocode: CNXXX, latitude: "1", longitude: "1", period: {start: 2023-01-01, end: 2023-12-31}}
        processes:
          - {id: p, category: iron-or-steel-products, production: %s}
        sourceStreams:
          - %s
        """.formatted(production, stream));
    CbamRead read = CbamReader.read(file);
    CbamResult result = read.compute().orElseThrow();
    Filled f = CbamTemplate.bundled().fill(read.input().orElseThrow(), result);
    assertThat(f.workbook()).isEmpty();
    assertThat(f.findings()).extracting(Finding::code, Finding::where).contains(
        org.assertj.core.groups.Tuple.tuple(code, where));
  }

  /**
   * The acceptance test of the output: the Commission's steel example, read from Tanji's file of it,
   * written into the bundled template; LibreOffice recalculates the template's own formulas, and
   * its Summary_Communication must show Tanji's SEE for every good.
   */
  @Test
  void fill_steelExampleRecalculatedByLibreOffice(@TempDir Path dir) throws Exception {
    Optional<String> soffice = LibreOffice.find();
    assumeTrue(soffice.isPresent(), "LibreOffice (soffice) is not installed; scripts/test installs libreoffice-calc-nogui");
    CbamRead read = CbamReader.read(Path.of("..", "testdata", "cbam", "steel-blast-furnace.cbam.yaml"));
    CbamResult result = read.compute().orElseThrow();
    Filled f = CbamTemplate.bundled().fill(read.input().orElseThrow(), result);
    assertThat(f.findings()).isEmpty();
    Path written = dir.resolve("steel.xlsx");
    Files.write(written, f.workbook().orElseThrow());

    try (XSSFWorkbook wb = open(LibreOffice.recalculate(soffice.get(), written, dir.resolve("out")))) {
      assertThat(result.goods()).hasSize(4);
      for (int g = 0; g < result.goods().size(); g++) {
        CbamResult.GoodResult good = result.goods().get(g);
        int row = 26 + g; // Summary_Communication rows 26 ff.: one per product
        assertThat(cell(wb, "Summary_Communication!F" + row).getStringCellValue()).isEqualTo(good.cn().replace(" ", ""));
        assertThat(cell(wb, "Summary_Communication!I" + row).getNumericCellValue())
            .isCloseTo(good.seeDirect().getAsDouble(), within(1e-9));
        assertThat(cell(wb, "Summary_Communication!J" + row).getNumericCellValue())
            .isCloseTo(good.seeIndirect().getAsDouble(), within(1e-9));
        assertThat(cell(wb, "Summary_Communication!K" + row).getNumericCellValue())
            .isCloseTo(good.seeTotal().getAsDouble(), within(1e-9));
      }
      // and both agree with what the Commission's example prints: 1.743 tCO2e/t
      assertThat(cell(wb, "Summary_Communication!K26").getNumericCellValue()).isCloseTo(1.743, within(0.0005));
    }
  }
}
