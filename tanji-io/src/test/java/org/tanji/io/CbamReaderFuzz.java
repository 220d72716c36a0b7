package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tanji.core.calc.Calculator;
import org.tanji.core.calc.Result;
import org.tanji.core.cbam.CbamInput;
import org.tanji.core.cbam.CbamResult;
import org.tanji.core.cbam.PcfBesideCbam;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Study;
import org.tanji.io.xlsx.CbamTemplate;

/**
 * Fuzzes the CBAM reader and calculation with mutated CBAM files, and what is made of their result:
 * the footprint beside each good and the filled template. Whatever arrives, the answer is findings
 * (and JSON that parses, a workbook that opens), never an exception.
 */
final class CbamReaderFuzz {

  private static final Study SEED;
  private static final Result SEED_PCF;
  private static final CbamTemplate TEMPLATE = CbamTemplate.bundled();
  private static final List<String> FILES;

  static {
    try {
      SEED = StudyFiles.read(Path.of("..", "examples", "seed-003-steel-balls.yaml")).study();
      SEED_PCF = Calculator.calculate(SEED);
      FILES = List.of(
          Files.readString(Path.of("..", "examples", "cbam", "seed-003-steel-balls.cbam.yaml")),
          Files.readString(Path.of("..", "testdata", "cbam", "steel-blast-furnace.cbam.yaml")),
          Files.readString(Path.of("..", "testdata", "cbam", "cement.cbam.yaml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper STRICT =
      new com.fasterxml.jackson.databind.ObjectMapper();

  @Provide
  Arbitrary<String> mutatedCbamFile() {
    return FuzzCorpus.mutated(FILES);
  }

  /**
   * Files that compute as they are, mutated: the Commission's two examples, and seed 003's with a
   * supplier's SEE for the round steel (without it, its result has an error and fills no template).
   */
  @Provide
  Arbitrary<String> mutatedComputingCbamFile() {
    String seed = FILES.get(0).replace("    # see: {direct:",
        "    see: {direct: 2.0 tCO2e/t, indirect: 0.4 tCO2e/t, electricity: 0.6 MWh/t, source: supplier}\n    #");
    return FuzzCorpus.mutated(List.of(seed, FILES.get(1), FILES.get(2)));
  }

  @Property(tries = 2000)
  void mutated_neverThrows(@ForAll("mutatedCbamFile") String text) throws IOException {
    CbamRead read = CbamReader.read(text.getBytes(StandardCharsets.UTF_8), "fuzz", Optional.of(SEED));
    Optional<CbamResult> r = read.compute();
    List<Finding> findings = r.map(CbamResult::findings).orElse(read.findings());
    for (Finding f : findings) {
      assertThat(f.message(Messages.EN)).isNotBlank().doesNotContainPattern("![a-z]+(\\.[a-zA-Z]+)+!");
      assertThat(f.message(Messages.ZH)).isNotBlank().doesNotContainPattern("![a-z]+(\\.[a-zA-Z]+)+!");
    }
    java.io.StringWriter w = new java.io.StringWriter();
    if (r.isPresent()) {
      CbamJson.write(r.get(), Messages.EN, w);
    } else {
      assertThat(findings).anyMatch(Finding::isError);
      CbamJson.writeUnread(findings, Messages.EN, w);
    }
    STRICT.readTree(w.toString()); // no NaN, no Infinity
    r.ifPresent(result -> beside(read.input().orElseThrow(), result));
  }

  /**
   * The template fill of mutated files, fewer of them: each fill opens and writes the Commission's
   * workbook (about 2 s). The bundled template is a template, so a NOT_A_TEMPLATE finding here would
   * be an internal error of the fill that its guard turned into a finding.
   */
  @Property(tries = 30)
  void mutated_templateFilledOrRefusedWithFindings(@ForAll("mutatedComputingCbamFile") String text)
      throws IOException {
    CbamRead read = CbamReader.read(text.getBytes(StandardCharsets.UTF_8), "fuzz", Optional.of(SEED));
    Optional<CbamResult> r = read.compute();
    if (r.isEmpty()) {
      Statistics.collect("not read"); // nothing computed, nothing to fill: mutated_neverThrows checks its findings
      return;
    }
    beside(read.input().orElseThrow(), r.get());
    CbamTemplate.Filled filled = TEMPLATE.fill(read.input().orElseThrow(), r.get());
    assertThat(filled.findings()).extracting(Finding::code)
        .doesNotContain(CbamTemplate.NOT_A_TEMPLATE, CbamTemplate.UNKNOWN_VERSION);
    for (Finding f : filled.findings()) {
      assertThat(f.message(Messages.EN)).isNotBlank().doesNotContainPattern("![a-z]+(\\.[a-zA-Z]+)+!");
    }
    Statistics.collect(filled.workbook().isPresent() ? "filled"
        : r.get().hasErrors() ? "not filled: the result has errors" : "refused by the fill with findings");
    if (filled.workbook().isPresent()) {
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled.workbook().get()))) {
        assertThat(wb.getSheet("Summary_Communication")).isNotNull();
      }
    } else {
      assertThat(filled.findings()).anyMatch(Finding::isError);
    }
  }

  /** The seed's footprint beside every good the result can compare, its steps named in both languages. */
  private static void beside(CbamInput input, CbamResult r) {
    List<PcfBesideCbam> beside = PcfBesideCbam.ofGoods(SEED, SEED_PCF, input, r);
    assertThat(beside.size()).isLessThanOrEqualTo(input.goods().size());
    for (PcfBesideCbam b : beside) {
      for (PcfBesideCbam.Step step : b.steps()) {
        assertThat(step.shownName(Messages.EN)).isNotBlank();
        assertThat(step.why().render(Messages.ZH)).doesNotContainPattern("![a-z]+(\\.[a-zA-Z]+)+!");
      }
    }
  }
}
