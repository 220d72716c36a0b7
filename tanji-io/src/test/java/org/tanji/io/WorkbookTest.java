package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanji.core.calc.Result;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Position;
import org.tanji.core.model.Stage;
import org.tanji.io.library.FactorLibrary;
import org.tanji.io.library.UserLibrary;
import org.tanji.io.xlsx.Workbooks;

/**
 * Studies in Excel workbooks: the seed reads the same as from YAML, and every kind of bad
 * workbook the issue lists is a finding that names its cell, never a stack trace or a lost row.
 * Workbooks are edited with POI's own model, independently of Tanji's writer.
 */
final class WorkbookTest {

  private static final Path SEED = Path.of("..", "examples", "seed-003-steel-balls.yaml");
  // seed 003's inventory as written to a workbook: row 2 round steel, 3 its transport, 4 electricity, 5 bags
  private static final int ELECTRICITY_ROW = 4;

  private static byte[] seedWorkbook(Locale locale) throws IOException {
    ReadResult yaml = StudyFiles.read(SEED);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbooks.write(yaml.study(), locale, FactorLibrary.builtIn(), "seed.xlsx", out);
    return out.toByteArray();
  }

  private static byte[] edit(byte[] xlsx, Consumer<XSSFWorkbook> change) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      change.accept(wb);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static ReadResult read(byte[] bytes) {
    return StudyFiles.read(bytes, StudyFormat.XLSX, "study.xlsx");
  }

  /** The column (from 1) of a heading in a sheet's first row. */
  private static int column(Sheet s, String heading) {
    for (Cell c : s.getRow(0)) {
      if (c.getStringCellValue().equals(heading)) {
        return c.getColumnIndex() + 1;
      }
    }
    throw new AssertionError("no heading " + heading);
  }

  /** A fresh cell (an old one is removed: POI keeps an inline string's old text beside a new value). */
  private static Cell cell(Sheet s, int row, int column) {
    Row r = s.getRow(row - 1) == null ? s.createRow(row - 1) : s.getRow(row - 1);
    if (r.getCell(column - 1) != null) {
      r.removeCell(r.getCell(column - 1));
    }
    return r.createCell(column - 1);
  }

  private static Finding only(ReadResult r, String code) {
    List<Finding> f = r.calculate().findings().stream().filter(x -> x.code().equals(code)).toList();
    assertThat(f).as("findings " + code + " in " + r.calculate().findings()).hasSize(1);
    return f.get(0);
  }

  private static void assertSeedResult(ReadResult r) {
    Result result = r.calculate();
    assertThat(result.findings().stream().filter(Finding::isError)).isEmpty();
    assertThat(result.perUnitKgCO2e()).isCloseTo(2821.88, org.assertj.core.data.Offset.offset(0.005));
  }

  // ------------------------------------------------------------------ reading

  @Test
  void seedWorkbook_givesTheSeedResult_inBothLanguages() throws IOException {
    for (Locale l : List.of(Messages.ZH, Messages.EN)) {
      ReadResult r = read(seedWorkbook(l));
      assertSeedResult(r);
      assertThat(r.study().inventory()).hasSize(4);
      assertThat(r.study().inventory().get(0).stage()).isEqualTo(Stage.RAW_MATERIALS);
      assertThat(r.study().info().period().start()).hasToString("2023-01-01");
    }
  }

  @Test
  void unknownUnit_isReportedOnTheUnitCell() throws IOException {
    byte[] wb = edit(seedWorkbook(Messages.EN), w -> {
      Sheet inv = w.getSheet("inventory");
      cell(inv, ELECTRICITY_ROW, column(inv, "Amount unit")).setCellValue("kWhh");
    });
    Finding f = only(read(wb), "UNKNOWN_UNIT");
    assertThat(f.position()).isEqualTo(Position.cell("inventory", ELECTRICITY_ROW, 4));
    assertThat(f.message(Messages.EN)).contains("(cell inventory!D4)").contains("did you mean \"kWh\"");
  }

  @Test
  void unitMismatch_namesTheAmountCell() throws IOException {
    byte[] wb = edit(seedWorkbook(Messages.ZH), w -> {
      Sheet inv = w.getSheet("清单");
      cell(inv, ELECTRICITY_ROW, column(inv, "活动量单位")).setCellValue("t");
    });
    Finding f = only(read(wb), "UNIT_MISMATCH");
    assertThat(f.position()).isEqualTo(Position.cell("清单", ELECTRICITY_ROW, 3));
    assertThat(f.message(Messages.ZH)).contains("单元格 清单!C4");
  }

  @Test
  void numbersStoredAsText_chineseUnitNames_andFullWidthDigits_readAsMeant() throws IOException {
    byte[] wb = edit(seedWorkbook(Messages.ZH), w -> {
      Sheet inv = w.getSheet("清单");
      cell(inv, ELECTRICITY_ROW, 3).setCellValue("１９６１３４３０"); // typed with a Chinese input method
      cell(inv, ELECTRICITY_ROW, 4).setCellValue("度");
      cell(inv, 2, 3).setCellValue("44369.94"); // number stored as text
      cell(inv, 2, 4).setCellValue("吨");
    });
    ReadResult r = read(wb);
    assertSeedResult(r);
    Finding f = only(r, "FULLWIDTH_CHARACTERS");
    assertThat(f.position()).isEqualTo(Position.cell("清单", ELECTRICITY_ROW, 3));
  }

  @Test
  void thousandsSeparatorsTypedAsText_areRefusedWithTheFix() throws IOException {
    byte[] wb = edit(seedWorkbook(Messages.EN), w -> cell(w.getSheet("inventory"), ELECTRICITY_ROW, 3)
        .setCellValue("19,613,430"));
    Finding f = only(read(wb), "INVALID_QUANTITY");
    assertThat(f.position()).isEqualTo(Position.cell("inventory", ELECTRICITY_ROW, 3));
    assertThat(f.message(Messages.EN)).contains("write \"19613430 kWh\"");
  }

  @Test
  void formulas_useTheCachedValue_andSaySo() throws IOException {
    byte[] wb = edit(seedWorkbook(Messages.EN), w -> {
      Sheet inv = w.getSheet("inventory");
      cell(inv, ELECTRICITY_ROW, 3).setCellFormula("19000000+613430");
      w.getCreationHelper().createFormulaEvaluator().evaluateAll(); // as a spreadsheet program saves it
    });
    ReadResult r = read(wb);
    assertSeedResult(r);
    Finding f = only(r, "FORMULA_VALUES");
    assertThat(f.message(Messages.EN)).contains("1 cells hold formulas").contains("inventory!C4");
  }

  @Test
  void formulaWithoutCalculatedValue_isAnError() throws IOException {
    byte[] wb = edit(seedWorkbook(Messages.EN), w -> cell(w.getSheet("inventory"), ELECTRICITY_ROW, 3)
        .setCellFormula("19000000+613430")); // POI writes no cached value unless asked to
    Finding f = only(read(wb), "FORMULA_NOT_CALCULATED");
    assertThat(f.isError()).isTrue();
    assertThat(f.position()).isEqualTo(Position.cell("inventory", ELECTRICITY_ROW, 3));
    assertThat(f.message(Messages.EN)).contains("=19000000+613430");
  }

  @Test
  void errorValues_areErrors() throws IOException {
    byte[] wb = edit(seedWorkbook(Messages.EN), w -> {
      Sheet inv = w.getSheet("inventory");
      cell(inv, ELECTRICITY_ROW, 3).setCellFormula("1/0");
      w.getCreationHelper().createFormulaEvaluator().evaluateAll();
    });
    List<Finding> errors = read(wb).calculate().findings().stream().filter(Finding::isError).toList();
    assertThat(errors).extracting(Finding::code).contains("INVALID_VALUE");
    assertThat(errors.get(0).message(Messages.EN)).contains("inventory!C4 holds the error #DIV/0!");
  }

  @Test
  void mergedCells_areRefused() throws IOException {
    byte[] wb = edit(seedWorkbook(Messages.EN), w -> w.getSheet("inventory")
        .addMergedRegion(new CellRangeAddress(1, 2, 1, 1))); // the stage of rows 2 and 3
    Finding f = only(read(wb), "MERGED_CELLS");
    assertThat(f.isError()).isTrue();
    assertThat(f.message(Messages.EN)).contains("cells B2:B3 are merged").contains("inventory!B2");
  }

  @Test
  void emptyRowsInTheMiddle_arePassedOver_andSaid() throws IOException {
    byte[] wb = edit(seedWorkbook(Messages.EN), w -> w.getSheet("inventory").shiftRows(2, 4, 3));
    ReadResult r = read(wb);
    assertSeedResult(r);
    assertThat(r.study().inventory()).hasSize(4);
    Finding f = only(r, "EMPTY_ROWS");
    assertThat(f.message(Messages.EN)).contains("rows 3–5 are empty");
  }

  @Test
  void renamedSheet_isSaid_withTheNameItNeeds() throws IOException {
    byte[] wb = edit(seedWorkbook(Messages.ZH), w -> w.setSheetName(w.getSheetIndex("清单"), "清单 (2)"));
    ReadResult r = read(wb);
    Finding f = only(r, "UNKNOWN_SHEET");
    assertThat(f.message(Messages.ZH)).contains("清单 (2)").contains("是否应为“清单”");
    assertThat(r.calculate().hasErrors()).isTrue(); // and there is no inventory
  }

  @Test
  void deletedSheet_leavesTheStudyIncomplete() throws IOException {
    byte[] wb = edit(seedWorkbook(Messages.EN), w -> w.removeSheetAt(w.getSheetIndex("product")));
    List<Finding> errors = read(wb).calculate().findings().stream().filter(Finding::isError).toList();
    assertThat(errors).extracting(Finding::code, Finding::where).contains(org.assertj.core.groups.Tuple.tuple(
        "MISSING_VALUE", "product"));
  }

  @Test
  void unknownHeading_andValuesWithoutHeading_areErrors() throws IOException {
    byte[] wb = edit(seedWorkbook(Messages.EN), w -> {
      Sheet inv = w.getSheet("inventory");
      cell(inv, 1, column(inv, "Data source")).setCellValue("Data sourse");
      cell(inv, 3, 30).setCellValue("a remark in a column without heading");
    });
    List<Finding> found = read(wb).calculate().findings();
    assertThat(found).filteredOn(f -> f.code().equals("UNKNOWN_KEY")).extracting(f -> f.message(Messages.EN))
        .anySatisfy(m -> assertThat(m).contains("did you mean \"Data source\""))
        .anySatisfy(m -> assertThat(m).contains("inventory!AD3 has a value but column AD has no heading"));
  }

  @Test
  void choicesMayBeIdsOrLabels_inEitherLanguage() throws IOException {
    byte[] wb = edit(seedWorkbook(Messages.EN), w -> {
      Sheet inv = w.getSheet("inventory");
      cell(inv, ELECTRICITY_ROW, 2).setCellValue("产品生产");
    });
    ReadResult r = read(wb);
    assertSeedResult(r);
    assertThat(r.study().inventory().get(2).stage()).isEqualTo(Stage.PRODUCTION);
  }

  // ------------------------------------------------------------------ files that are not workbooks

  @Test
  void corruptAndTruncatedFiles_areFindings() throws IOException {
    byte[] good = seedWorkbook(Messages.EN);
    byte[] truncated = Arrays.copyOf(good, good.length / 2);
    byte[] garbage = Arrays.copyOf(new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3}, 4000);
    for (byte[] bad : List.of(truncated, garbage)) {
      ReadResult r = read(bad);
      assertThat(r.study()).isNull();
      assertThat(r.findings()).singleElement().satisfies(f -> {
        assertThat(f.code()).isEqualTo("PARSE_ERROR");
        assertThat(f.message(Messages.EN)).contains("damaged or truncated");
      });
    }
    assertThat(read("tanji: 1\n".getBytes(StandardCharsets.UTF_8)).findings().get(0).message(Messages.EN))
        .contains("not an .xlsx workbook");
  }

  @Test
  void passwordProtectedWorkbook_saysToRemoveThePassword() throws Exception {
    byte[] plain = seedWorkbook(Messages.EN);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor enc = info.getEncryptor();
      enc.confirmPassword("secret");
      try (OutputStream os = enc.getDataStream(fs)) {
        os.write(plain);
      }
      fs.writeFilesystem(out);
    }
    ReadResult r = read(out.toByteArray());
    assertThat(r.study()).isNull();
    assertThat(r.findings().get(0).message(Messages.EN)).contains("protected with a password");
  }

  @Test
  void legacyXls_saysToSaveAsXlsx() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (HSSFWorkbook xls = new HSSFWorkbook()) {
      xls.createSheet("inventory").createRow(0).createCell(0).setCellValue("Name");
      xls.write(out);
    }
    ReadResult r = StudyFiles.read(out.toByteArray(), null, "old.xls");
    assertThat(r.findings().get(0).message(Messages.ZH)).contains("旧版 Excel 97-2003 工作簿（.xls）");
  }

  @Test
  void zipBomb_isRefusedBeforeItIsUnpacked() throws IOException {
    byte[] good = seedWorkbook(Messages.EN);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(good));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        in.transferTo(zip);
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry("xl/media/bomb.bin")); // 64 MB of zeros pack into some 60 kB
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    assertThat(out.size()).isLessThan(200_000);
    ReadResult r = read(out.toByteArray());
    assertThat(r.study()).isNull();
    assertThat(r.findings().get(0).message(Messages.EN)).contains("zip bomb");
  }

  /**
   * Parts whose XML is well formed but whose values the format requires to be numbers are not:
   * a damaged file, said as such, never an exception (they once reached a catch-all; now the
   * reader checks them, so a real bug is no longer mistaken for a damaged file).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "xl/worksheets/sheet | <row r=\"(\\d+)\" | <row r=\"x$1\" | r=\"x",
      "xl/worksheets/sheet | ( s=\")(\\d+)\" | $1s$2\" | s=\"s",
      "xl/worksheets/sheet | t=\"inlineStr\"><is><t>[^<]*</t></is> | t=\"s\"><v>99999</v> | shared string 99999 does not exist",
      "xl/styles.xml | numFmtId=\"(\\d+)\" | numFmtId=\"n$1\" | numFmtId=\"n"})
  void damagedValues_areADamagedWorkbook(String part, String pattern, String replacement, String said)
      throws IOException {
    ReadResult r = read(rewrite(seedWorkbook(Messages.EN), part, pattern, replacement));
    assertThat(r.study()).isNull();
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("PARSE_ERROR");
      assertThat(f.message(Messages.EN)).startsWith("the workbook is damaged").contains(said);
    });
  }

  /** The workbook with the first match of {@code pattern} replaced in each part whose name starts with {@code part}. */
  private static byte[] rewrite(byte[] xlsx, String part, String pattern, String replacement) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean changed = false;
    try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(xlsx));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] content = in.readAllBytes();
        if (e.getName().startsWith(part)) {
          String xml = new String(content, StandardCharsets.UTF_8);
          String edited = xml.replaceFirst(pattern, replacement);
          changed |= !edited.equals(xml);
          content = edited.getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(content);
        zip.closeEntry();
      }
    }
    assertThat(changed).as("the pattern matched").isTrue();
    return out.toByteArray();
  }

  // ------------------------------------------------------------------ factor import

  @Test
  void factorImport_fromAWorkbook_checksEveryRow_andNamesCells() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet("排放因子");
      String[] head = {"因子代号", "名称", "数值", "数值单位", "来源", "年份"};
      for (int i = 0; i < head.length; i++) {
        cell(s, 1, i + 1).setCellValue(head[i]);
      }
      Object[][] rows = {
          {"supplier-steel", "供应商圆钢", 1.98, "kgCO2e/kg", "供应商 EPD", 2024.0},
          {"supplier-bag", "吨袋", 2.1, "kgCO2e/kgg", "供应商", 2024.0},
      };
      for (int r = 0; r < rows.length; r++) {
        for (int c = 0; c < rows[r].length; c++) {
          if (rows[r][c] instanceof Double d) {
            cell(s, r + 2, c + 1).setCellValue(d);
          } else {
            cell(s, r + 2, c + 1).setCellValue((String) rows[r][c]);
          }
        }
      }
      wb.write(out);
    }
    UserLibrary.Import imported = UserLibrary.read(out.toByteArray(), FactorLibrary.builtIn());
    assertThat(imported.findings()).singleElement().satisfies(f -> {
      assertThat(f.position()).isEqualTo(Position.cell("排放因子", 3, 3));
      assertThat(f.text().render(Messages.EN)).contains("kgg");
    });
    assertThat(imported.factors()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo("supplier-steel");
      assertThat(f.value().text()).isEqualTo("1.98 kgCO2e/kg");
      assertThat(f.year()).isEqualTo(2024);
    });
  }

  @Test
  void factorImport_refusesUncalculatedFormulas_andMergedCells_likeAStudy() throws IOException {
    byte[] wb = edit(seedWorkbook(Messages.EN), w -> {
      Sheet s = w.getSheet("factors");
      cell(s, 2, 3).setCellFormula("2000+420"); // no cached value
      s.addMergedRegion(new CellRangeAddress(3, 4, 4, 4)); // source of rows 4 and 5
    });
    UserLibrary.Import imported = UserLibrary.read(wb, FactorLibrary.builtIn());
    assertThat(imported.hasErrors()).isTrue();
    assertThat(imported.findings()).extracting(Finding::code, f -> f.position().cellName()).contains(
        org.assertj.core.groups.Tuple.tuple("FORMULA_NOT_CALCULATED", "factors!C2"),
        org.assertj.core.groups.Tuple.tuple("MERGED_CELLS", "factors!E4"));
  }

  @Test
  void factorImport_takesTheFactorSheetOfAStudyWorkbook() throws IOException {
    UserLibrary.Import imported = UserLibrary.read(seedWorkbook(Messages.ZH), FactorLibrary.builtIn());
    assertThat(imported.findings()).isEmpty();
    assertThat(imported.factors()).extracting(f -> f.id() + " " + f.value().text() + " " + f.type().id())
        .containsExactly("round-steel 2420 kgCO2e/t national", "road-freight 0.074 kgCO2e/(t*km) national",
            "grid 0.6205 tCO2e/MWh regional", "pp-bag 2510 kgCO2e/t national");
  }

  @Test
  void template_readsAsAnEmptyStudy_withNoCrashAndCellsNamed() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbooks.template(Messages.ZH, FactorLibrary.builtIn(), "study.xlsx", out);
    ReadResult r = read(out.toByteArray());
    assertThat(r.study()).isNotNull();
    assertThat(r.calculate().findings()).extracting(Finding::code).contains("MISSING_VALUE").doesNotContain(
        "UNKNOWN_KEY", "UNKNOWN_SHEET", "PARSE_ERROR");
    Finding title = r.findings().stream().filter(f -> f.where().equals("study.title")).findFirst().orElseThrow();
    assertThat(title.position()).isEqualTo(Position.cell("研究", 3, 2));
    // drop-down lists for stages, quality levels, factor types; the unit table on unit cells
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(wb.getSheet("清单").getDataValidations()).hasSizeGreaterThanOrEqualTo(8);
      assertThat(wb.getSheet("排放因子").getDataValidations()).isNotEmpty();
      assertThat(wb.getSheet("因子库").getLastRowNum()).isEqualTo(FactorLibrary.builtIn().size());
      assertThat(wb.isSheetHidden(wb.getSheetIndex("列表"))).isTrue();
      // the units of real published reports are offered
      List<String> offered = new java.util.ArrayList<>();
      wb.getSheet("列表").forEach(row -> row.forEach(c -> offered.add(c.getStringCellValue())));
      assertThat(offered).contains("ha", "亩", "kL", "sheet", "tce", "kgCO2e/CNY", "万元");
      // and the new choices: cradle-to-customer, the older GWP sets
      assertThat(offered).contains("摇篮到客户", "SAR", "TAR");
      // a cell for the study's exchange rates, with its help in the sheet
      List<String> study = new java.util.ArrayList<>();
      wb.getSheet("研究").forEach(row -> row.forEach(c -> study.add(c.toString())));
      assertThat(study).contains("汇率").anyMatch(t -> t.contains("USD=7.10 CNY; EUR=7.80 CNY"));
    }
  }
}
