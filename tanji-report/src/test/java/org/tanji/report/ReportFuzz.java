package org.tanji.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
  void mutatedStudy_computedMeansReported(@ForAll("mutatedStudy") String text) throws IOException {
    ReadResult read = StudyFiles.read(text.getBytes(StandardCharsets.UTF_8), StudyFormat.YAML, "fuzz.yaml");
    Result result = read.calculate();
    if (result.hasErrors()) {
      return; // such a study has no report: the CLI prints its findings instead
    }
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
      ReportDocument doc = Reports.build(read.study(), result, locale);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Reports.write(doc, ReportFormat.HTML, out);
      // a key missing from a bundle shows as !key!
      assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContainPattern("![a-z]+(\\.[a-zA-Z-]+)+!");
    }
  }
}
