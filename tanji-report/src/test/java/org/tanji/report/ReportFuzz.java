package org.tanji.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.tanji.core.calc.Result;
import org.tanji.io.FuzzCorpus;
import org.tanji.io.ReadResult;
import org.tanji.io.StudyFiles;
import org.tanji.io.StudyFormat;
import org.tanji.report.model.ReportDocument;

/**
 * Fuzzes the report with the reader's corpus: every mutated study that computes without errors
 * (a missing period, boundary, title, organization …) gets a report in both languages, never an
 * exception. HTML is rendered each time; PDF and DOCX draw the same document.
 */
final class ReportFuzz {

  @Provide
  Arbitrary<String> mutatedStudy() {
    return FuzzCorpus.mutatedStudies();
  }

  @Property(tries = 600)
  void mutatedStudy_computedMeansReported(@ForAll("mutatedStudy") String text) {
    ReadResult read = StudyFiles.read(text.getBytes(StandardCharsets.UTF_8), StudyFormat.YAML, "fuzz.yaml");
    Result result = read.calculate();
    // the property says something only when enough mutants compute: at least a tenth of them must
    Statistics.label("reported").collect(!result.hasErrors());
    Statistics.label("reported").coverage(c -> c.check(true).percentage(p -> p >= 10));
    if (result.hasErrors()) {
      return; // such a study has no report: the CLI prints its findings instead
    }
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
      ReportDocument doc = Reports.build(read.study(), result, locale);
      String html = new String(Reports.bytes(doc, ReportFormat.HTML), StandardCharsets.UTF_8);
      // a key missing from a bundle shows as !key!
      assertThat(html).doesNotContainPattern("![A-Za-z][\\w.-]*!");
    }
  }
}
