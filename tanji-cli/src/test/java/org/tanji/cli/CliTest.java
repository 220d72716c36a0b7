package org.tanji.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tanji.core.i18n.Messages;
import picocli.CommandLine;

final class CliTest {

  private static final String SEED = "../examples/seed-003-steel-balls.yaml";

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void calc_summaryInTheStudysLanguage() {
    Run r = run("calc", SEED);
    assertThat(r.code()).isEqualTo(Main.OK);
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("锻造耐磨钢球产品碳足迹评价")
        .contains("单位产品碳足迹：2821.88 kgCO₂e / t")
        .contains("每千克产品：2.82 kgCO₂e/kg")
        .contains("核算期总排放：122992.87 tCO₂e")
        .contains("数据质量：4.51，二级")
        .contains("无发现项。");
    // the table's rows, with CJK names aligned by display width
    assertThat(r.out()).contains("  原材料获取  107375.25     2463.56  87.30 %");
    // 87.30 + 2.67 + 9.89 + 0.13 = 99.99: said, not bent
    assertThat(r.out()).contains("显示值合计为 99.99 %，不是 100.00 %");
  }

  /** Seed 000's mistake: 0.00046 kgCO₂e per piece once printed as 0.00 here; 460 kg shown as 0.46 t. */
  @Test
  void calc_tinyPerUnitFigure_exactOutput() throws Exception {
    // testdata/tiny-per-piece.yaml: 1000 kWh × 0.46 kgCO2e/kWh = 460 kgCO2e for 1,000,000 pieces, 0.00046 per piece
    Path study = Path.of("..", "testdata", "tiny-per-piece.yaml");
    Run r = run("calc", study.toString());
    assertThat(r.code()).isEqualTo(Main.OK);
    assertThat(r.out()).isEqualTo("""
        Brake back plate
        ================
        Product: Cast steel back plate
        Footprint per declared unit: 0.00046 kgCO₂e / piece
        Total for the period: 460.00 kgCO₂e, output 1000000 piece

        By life-cycle stage
          Stage       kgCO₂e  kgCO₂e / piece  Share
          production  460.00         0.00046  100.00 %

        By inventory line
          Line         Stage       kgCO₂e  Share     DQ score
          Electricity  production  460.00  100.00 %      3.67

        Emission factors used
          Factor  Value            From        Source
          grid    0.46 kgCO2e/kWh  this study       —

        Data quality: 3.67, grade 3

        Findings (1)
          INFO    MASS_UNKNOWN product.massPerUnit: the mass of one declared unit ("1 piece") is not given \
        (product.massPerUnit): no per-kg figure and no plausibility check (line 9, column 1)
        """);
  }

  /**
   * A bug inside the reader is Tanji's fault, and so is an Error picocli hands on: exit 3 and one
   * line in the language asked for, never a finding blaming the file, never a stack trace.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "bug | '' | tanji: internal error: java.lang.NullPointerException: a bug in the reader (please report it; set TANJI_DEBUG=1 for details)",
      "bug | --lang=en | tanji: internal error: java.lang.NullPointerException: a bug in the reader (please report it; set TANJI_DEBUG=1 for details)",
      "bug | --lang zh | tanji: 内部错误：java.lang.NullPointerException: a bug in the reader（请报告此问题；设置 TANJI_DEBUG=1 可看到详情）",
      "memory | --lang en | tanji: out of memory: the study is too large for the Java heap; give more with TANJI_JAVA_OPTS_ADD=\"-Xmx4g\" (the launcher adds it to its own options)",
      "memory | --lang zh | tanji: 内存不足：研究过大，超出 Java 堆的容量；可用 TANJI_JAVA_OPTS_ADD=\"-Xmx4g\" 给予更多（启动脚本会把它加在自身选项之后）",
      "stack | --lang en | tanji: internal error: stack overflow (please report it; set TANJI_DEBUG=1 for details)",
      "stack | --lang zh | tanji: 内部错误：stack overflow（请报告此问题；设置 TANJI_DEBUG=1 可看到详情）"})
  void calc_failureInTheReader_oneLineInTheLanguageAskedFor(String failure, String lang, String said) {
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        K made = CommandLine.defaultFactory().create(type);
        if (made instanceof CalcCommand calc) {
          calc.reader = (file, library) -> {
            if (failure.equals("bug")) {
              throw new NullPointerException("a bug in the reader");
            }
            throw failure.equals("memory") ? new OutOfMemoryError("Java heap space") : new StackOverflowError();
          };
        }
        return made;
      }
    };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("calc", SEED));
    if (!lang.isEmpty()) {
      args.addAll(List.of(lang.split(" ")));
    }
    int code = Main.run(factory, new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    assertThat(code).isEqualTo(Main.INTERNAL);
    assertThat(err.toString()).isEqualTo(said + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void describe_namesTheFileOnce_theFailuresOwnElseTheOneGiven() {
    assertThat(Main.describe(new java.io.IOException("Is a directory"), Path.of("d.json"), Messages.ZH))
        .isEqualTo("d.json: Is a directory");
    assertThat(Main.describe(new java.nio.file.NoSuchFileException("a.json"), Path.of("b.json"), Messages.ZH))
        .isEqualTo("文件或目录不存在：a.json");
    assertThat(Main.describe(new java.nio.file.AccessDeniedException("a.json"), Path.of("a.json"), Messages.EN))
        .isEqualTo("permission denied: a.json");
  }

  @ParameterizedTest
  @CsvSource({"'calc,x.yaml,--lang,zh', zh", "'calc,x.yaml,--lang=zh', zh", "'calc,x.yaml,--lang,en', en",
      "'calc,x.yaml', en", "'calc,x.yaml,--lang', en", "'calc,--lang=fr,x.yaml', en"})
  void language_theOneLangAsksFor_elseEnglish(String args, String expected) {
    assertThat(Main.language(List.of(args.split(","))).getLanguage()).isEqualTo(expected);
  }

  @Test
  void calc_besideTheFootprint_saidToBeOutsideTheTotal() {
    // testdata/bio-coke-per-tonne.yaml: 392.64 kgCO2e/t; 2200 t biogenic, 5500 t removed, 1180 t avoided, 50 t offset
    Run r = run("calc", "../testdata/bio-coke-per-tonne.yaml", "--lang", "en");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Footprint per declared unit: 392.64 kgCO₂e / t",
        "Reported beside the footprint, not in its total:",
        "  Biogenic CO₂ emissions: 2200.00 tCO₂e, 2200.00 kgCO₂e / t",
        "  Biogenic CO₂ removals: 5500.00 tCO₂e, 5500.00 kgCO₂e / t",
        "  Biogenic carbon in the product: 800.00 kg C / 1 t (2933.33 kgCO₂)",
        "  Avoided elsewhere (not subtracted), 替代燃煤: 1180.00 tCO₂e",
        "  Offsets (not subtracted), CCER: 50.00 tCO₂e");
  }

  @Test
  void calc_langOverridesTheStudy() {
    Run r = run("calc", SEED, "--lang", "en");
    assertThat(r.out()).contains("Footprint per declared unit: 2821.88 kgCO₂e / t")
        .contains("Data quality: 4.51, grade 2")
        .contains("raw-material acquisition  107375.25     2463.56  87.30 %");
  }

  @Test
  void calc_jsonIsTheContract() throws Exception {
    Run r = run("calc", SEED, "--json");
    assertThat(r.code()).isEqualTo(Main.OK);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("perUnit_kgCO2e").asDouble()).isBetween(2821.88, 2821.885);
    assertThat(j.get("total_kgCO2e").asDouble()).isBetween(122_992_867.47, 122_992_867.48);
    assertThat(j.get("lines")).hasSize(4);
    assertThat(j.get("dataQuality").get("grade").asInt()).isEqualTo(2);
  }

  @Test
  void calc_studyWithErrors_exitsOneAndStillPrintsJson() throws Exception {
    Run r = run("calc", "../examples/seed-003-transport-in-km.yaml", "--json");
    assertThat(r.code()).isEqualTo(Main.STUDY_ERRORS);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("total_kgCO2e").isNull()).isTrue();
    assertThat(j.get("findings").findValuesAsText("code")).contains("UNIT_MISMATCH");
    Run human = run("calc", "../examples/seed-003-transport-in-km.yaml", "--lang", "en");
    assertThat(human.code()).isEqualTo(Main.STUDY_ERRORS);
    assertThat(human.out()).contains("Not computed: the study has errors")
        .contains("ERROR   UNIT_MISMATCH inventory[1].amount: line \"圆钢运输\": the amount is a length (km)");
  }

  @Test
  void calc_missingFile_isOneLineAndExitTwo() {
    Run r = run("calc", "no/such/study.yaml");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("tanji calc: no such file or directory: no/such/study.yaml" + System.lineSeparator());
  }

  @Test
  void calc_directory_isOneLineAndExitTwo() {
    Run r = run("calc", "..");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void fileSystemFailures_areOneLineAndExitTwo(@TempDir Path dir) throws Exception {
    // regression: a missing output directory or an unusable library directory ended as "internal error"
    Run convert = run("convert", SEED, dir.resolve("no/such/dir/out.json").toString());
    assertThat(convert.code()).isEqualTo(Main.USAGE);
    assertThat(convert.err()).startsWith("tanji convert: no such file or directory: ").doesNotContain("internal error");
    assertThat(convert.err().lines()).hasSize(1);
    Path notADir = dir.resolve("file");
    Files.writeString(notADir, "x");
    Path csv = dir.resolve("f.csv");
    Files.writeString(csv, "id,value,unit\nmine,1,kgCO2e/t\n");
    Run imported = run("factors", "import", csv.toString(), "--library", notADir.resolve("lib").toString());
    assertThat(imported.code()).isEqualTo(Main.USAGE);
    assertThat(imported.err()).startsWith("tanji import: ").doesNotContain("internal error");
  }

  @Test
  void unknownOption_isOneLineAndExitTwo() {
    Run r = run("calc", SEED, "--jsn");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).isEqualTo("tanji calc: Unknown option: '--jsn' (see 'tanji calc --help')" + System.lineSeparator());
    Run lang = run("calc", SEED, "--lang", "fr");
    assertThat(lang.code()).isEqualTo(Main.USAGE);
    assertThat(lang.err()).startsWith("tanji calc: Invalid value for option '--lang'");
    Run cmd = run("calcc");
    assertThat(cmd.code()).isEqualTo(Main.USAGE);
    assertThat(cmd.err().lines()).hasSize(1);
  }

  @Test
  void help_everyCommand() {
    Run top = run("--help");
    assertThat(top.code()).isZero();
    assertThat(top.out()).contains("Usage: tanji").contains("calc").contains("Exit status:");
    Run calc = run("calc", "--help");
    assertThat(calc.code()).isZero();
    assertThat(calc.out()).contains("Usage: tanji calc").contains("--json").contains("--lang=zh|en");
    // each command listed with its own description, not the program's
    assertThat(top.out()).contains("calc         Compute a study's carbon footprint", "report       Write the product carbon",
        "uncertainty  Monte Carlo simulation");
    assertThat(run("factors", "--help").out()).contains("search  Find factors");
    assertThat(run("report", "--help").out()).contains("--format=html,docx,pdf", "-o, --output=DIR");
  }

  /** Main builds only the subcommand the first argument names; help must still see all of them. */
  @Test
  void help_listsEveryCommand_whicheverWayItIsAsked() {
    Run top = run("--help");
    List<String> listed = top.out().lines().filter(l -> l.matches("  [a-z]+ +[A-Z].*"))
        .map(l -> l.trim().split(" ")[0]).toList();
    assertThat(listed).containsExactly("calc", "uncertainty", "report", "cbam", "serve", "audit", "convert", "template",
        "factors", "pact", "help");
    assertThat(run("help").out()).isEqualTo(top.out());
    assertThat(run().out()).isEqualTo(top.out());
    Run helpCalc = run("help", "calc");
    assertThat(helpCalc.code()).isZero();
    assertThat(helpCalc.out()).isEqualTo(run("calc", "--help").out());
    assertThat(run("--version").out()).startsWith("tanji ");
  }

  @Test
  void calc_manyLines_showsTheLargestOnly(@TempDir Path dir) throws Exception {
    StringBuilder yaml = new StringBuilder(Files.readString(Path.of(SEED), StandardCharsets.UTF_8));
    // 40 more electricity lines of 1 … 40 kWh: the steel line stays the largest, then the published ones
    for (int i = 1; i <= 40; i++) {
      yaml.append("  - {name: meter-").append(i).append(", stage: production, amount: ").append(i)
          .append(" kWh, factor: grid, quality: {activity: periodic, calibration: compliant}}\n");
    }
    Path file = dir.resolve("many.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    Run r = run("calc", file.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(Main.OK);
    assertThat(r.out()).contains("By inventory line — the 30 largest of 44 lines (all of them with --json)");
    assertThat(r.out()).contains("  圆钢  ").contains("meter-40").contains("meter-15").doesNotContain("meter-14 ");
  }

  @Test
  void workbooks_templateConvertCalc(@TempDir Path dir) throws Exception {
    Path template = dir.resolve("收集表.xlsx");
    Run t = run("template", "-o", template.toString(), "--lang", "zh");
    assertThat(t.code()).isZero();
    assertThat(t.out()).contains("已写出数据收集工作簿");
    Run empty = run("calc", template.toString(), "--json");
    assertThat(empty.code()).isEqualTo(Main.STUDY_ERRORS);
    assertThat(empty.out()).contains("\"sheet\" : \"研究\"").contains("\"cell\" : \"研究!B3\"");

    Path xlsx = dir.resolve("seed.xlsx");
    Path back = dir.resolve("back.yaml");
    Path direct = dir.resolve("direct.yaml");
    assertThat(run("convert", SEED, xlsx.toString(), "--lang", "en").code()).isZero();
    assertThat(run("convert", xlsx.toString(), back.toString()).code()).isZero();
    assertThat(run("convert", SEED, direct.toString()).code()).isZero();
    assertThat(Files.readString(back)).isEqualTo(Files.readString(direct));
    Run calc = run("calc", xlsx.toString(), "--lang", "en");
    assertThat(calc.code()).isZero();
    assertThat(calc.out()).contains("2821.88 kgCO₂e / t").contains("Emission factors used");

    Run wrongName = run("template", "-o", dir.resolve("t.yaml").toString(), "--lang", "en");
    assertThat(wrongName.code()).isEqualTo(Main.USAGE);
    assertThat(wrongName.err()).contains("give it a .xlsx name");
  }

  @Test
  void factors_searchShowImport(@TempDir Path dir) throws Exception {
    Path lib = dir.resolve("lib");
    Run search = run("factors", "search", "山东", "--year", "2023", "--lang", "en", "--library", lib.toString());
    assertThat(search.code()).isZero();
    assertThat(search.out()).contains("cn-electricity-co2-2023-shandong").contains("0.6191 kgCO2/kWh").contains("Factors found: 1");
    Run show = run("factors", "show", "cn-electricity-footprint-2023", "--lang", "en", "--library", lib.toString());
    assertThat(show.out()).contains("Value        0.6205 kgCO2e/kWh").contains("Boundary     cradle-to-grave");
    Run missing = run("factors", "show", "cn-electricity-footprint-2032", "--lang", "en", "--library", lib.toString());
    assertThat(missing.code()).isEqualTo(Main.USAGE);
    assertThat(missing.err()).contains("(did you mean \"cn-electricity-footprint-2023\"?)");

    Path csv = dir.resolve("Suppliers.csv");
    Files.writeString(csv, "id,name,value,unit,type\nsupplier-steel,Steel A,1980,kgCO2e/t,supplier\n", StandardCharsets.UTF_8);
    Run imported = run("factors", "import", csv.toString(), "--lang", "en", "--library", lib.toString());
    assertThat(imported.code()).isZero();
    assertThat(imported.out()).startsWith("imported 1 factors into ");
    assertThat(lib.resolve("suppliers.csv")).exists();
    // importing the same file again replaces it rather than clashing with itself
    assertThat(run("factors", "import", csv.toString(), "--library", lib.toString()).code()).isZero();
    // a study may now use the imported id
    Path study = dir.resolve("study.yaml");
    Files.writeString(study, Files.readString(Path.of(SEED), StandardCharsets.UTF_8)
        .replace("    factor: round-steel\n", "    factor: supplier-steel\n"), StandardCharsets.UTF_8);
    Run calc = run("calc", study.toString(), "--json", "--library", lib.toString());
    assertThat(calc.out()).contains("\"libraryId\" : \"supplier-steel\"");

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,value,unit\nx,1,kg/t\n", StandardCharsets.UTF_8);
    Run refused = run("factors", "import", bad.toString(), "--lang", "en", "--library", lib.toString());
    assertThat(refused.code()).isEqualTo(Main.STUDY_ERRORS);
    assertThat(refused.err()).contains(bad + ":2:3: error INVALID_VALUE factor \"x\" is 1 kg/t, a pure number");
    assertThat(lib.resolve("bad.csv")).doesNotExist();
  }

  @Test
  void calc_binaryFile_isAFindingNotACrash(@TempDir Path dir) throws Exception {
    Path bin = dir.resolve("study.yaml");
    Files.write(bin, new byte[] {0, 1, 2, (byte) 0xff, 0});
    Run r = run("calc", bin.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(Main.STUDY_ERRORS);
    assertThat(r.out()).contains("PARSE_ERROR").contains("not a text file");
  }

  @Test
  void calc_emptyFile(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty.yaml");
    Files.writeString(empty, "", StandardCharsets.UTF_8);
    Run r = run("calc", empty.toString(), "--json");
    assertThat(r.code()).isEqualTo(Main.STUDY_ERRORS);
    assertThat(r.out()).contains("\"PARSE_ERROR\"");
  }

  @Test
  void report_writesAllThreeFormatsNamedAfterTheStudy(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("new/folder");
    Run r = run("report", SEED, "-o", out.toString(), "--lang", "en");
    assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
    for (String ext : new String[] {"html", "docx", "pdf"}) {
      Path file = out.resolve("seed-003-steel-balls." + ext);
      assertThat(file).isNotEmptyFile();
      assertThat(r.out()).contains("wrote " + file);
    }
    String html = Files.readString(out.resolve("seed-003-steel-balls.html"), StandardCharsets.UTF_8);
    assertThat(html).contains("lang=\"en\"", "2,821.88 kgCO₂e / t", "Contribution by stage");
    assertThat(Files.readAllBytes(out.resolve("seed-003-steel-balls.pdf"))).startsWith("%PDF".getBytes());

    Run only = run("report", SEED, "-o", dir.resolve("html").toString(), "--format", "html");
    assertThat(only.code()).isEqualTo(Main.OK);
    try (var files = Files.list(dir.resolve("html"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("seed-003-steel-balls.html");
    }
  }

  @Test
  void report_studyWithErrors_findingsAndNoFiles(@TempDir Path dir) throws Exception {
    Run r = run("report", "../examples/seed-003-transport-in-km.yaml", "-o", dir.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(Main.STUDY_ERRORS);
    assertThat(r.err()).contains("UNIT_MISMATCH", "no report was written");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void report_badFormatAndFileAsFolder_exitTwo(@TempDir Path dir) throws Exception {
    Run bad = run("report", SEED, "-o", dir.toString(), "--format", "html,odt");
    assertThat(bad.code()).isEqualTo(Main.USAGE);
    assertThat(bad.err()).contains("\"odt\"", "html, docx or pdf");
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Run notDir = run("report", SEED, "-o", file.toString());
    assertThat(notDir.code()).isEqualTo(Main.USAGE);
    assertThat(notDir.err()).contains("is a file");
  }

  // ------------------------------------------------------------------ uncertainty (issue 17)

  private static final String UNCERTAIN = "../examples/seed-003-uncertainty.yaml";

  @Test
  void uncertainty_json_sameBytesWithAnyThreads() throws Exception {
    Run one = run("uncertainty", UNCERTAIN, "--json", "--runs", "2000", "--seed", "42", "--threads", "1");
    Run two = run("uncertainty", UNCERTAIN, "--json", "--runs", "2000", "--seed", "42", "--threads", "2");
    assertThat(one.code()).isEqualTo(Main.OK);
    assertThat(two.out()).isEqualTo(one.out());
    JsonNode j = new ObjectMapper().readTree(one.out());
    assertThat(j.get("runs").asInt()).isEqualTo(2000);
    assertThat(j.get("seed").asLong()).isEqualTo(42);
    assertThat(j.at("/perUnit_kgCO2e/deterministic").asDouble()).isBetween(2821.88, 2821.885);
    assertThat(run("uncertainty", UNCERTAIN, "--json", "--runs", "2000", "--seed", "43").out()).isNotEqualTo(one.out());
  }

  @Test
  void uncertainty_text_inTheStudysLanguage() {
    Run r = run("uncertainty", UNCERTAIN, "--runs", "1000");
    assertThat(r.code()).isEqualTo(Main.OK);
    assertThat(r.out()).contains("蒙特卡洛模拟：1,000 次，种子 1", "计算值 2,821.88", "round-steel (因子)");
    assertThat(run("uncertainty", UNCERTAIN, "--runs", "1000", "--lang", "en").out())
        .contains("Monte Carlo: 1,000 runs, seed 1", "as computed 2,821.88", "Contribution to variance",
            "round-steel (factor)");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "--runs | 0          | the number of runs is \"0\"; give a whole number from 10 to 1,000,000",
      "--runs | 1000000000 | the number of runs is \"1000000000\"",
      "--runs | many       | the number of runs is \"many\"",
      "--seed | abc        | the seed is \"abc\"; give a whole number",
      "--seed | 1.5        | the seed is \"1.5\"",
      "--threads | 0       | --threads is 0; give 1 to 256",
      "--threads | 100000  | --threads is 100000; give 1 to 256"})
  void uncertainty_badOptions_exitTwoWithTheRule(String option, String value, String message) {
    Run r = run("uncertainty", UNCERTAIN, option, value, "--lang", "en");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).startsWith("tanji uncertainty: ").contains(message);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void uncertainty_studyWithErrors_exitsOne() throws Exception {
    Run r = run("uncertainty", "../examples/seed-003-transport-in-km.yaml", "--json");
    assertThat(r.code()).isEqualTo(Main.STUDY_ERRORS);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("perUnit_kgCO2e").isNull()).isTrue();
    assertThat(j.get("findings")).extracting(f -> f.get("code").asText()).contains("UNIT_MISMATCH");
  }

  @Test
  void uncertainty_compareTwoVersions() throws Exception {
    Run r = run("uncertainty", UNCERTAIN, "--compare", "../examples/seed-003-as-published.yaml", "--json", "--runs",
        "1000");
    assertThat(r.code()).isEqualTo(Main.OK);
    JsonNode j = new ObjectMapper().readTree(r.out());
    // as published (2746.55 kgCO2e/t, no distributions) against the corrected study with its spread
    assertThat(j.at("/b/perUnit_kgCO2e/sd").asDouble()).isCloseTo(0, within(1e-6)); // rounding in the mean only
    assertThat(j.at("/b/perUnit_kgCO2e/mean").asDouble()).isBetween(2746.54, 2746.56);
    assertThat(j.get("probabilityALower").asDouble()).isBetween(0.0, 1.0);
    assertThat(j.get("sharedFactors")).isEmpty(); // the published study's factors carry no distribution
  }
}
