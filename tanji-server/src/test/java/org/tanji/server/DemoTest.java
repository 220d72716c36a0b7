package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tanji.core.calc.Result;
import org.tanji.io.ReadResult;
import org.tanji.io.StudyFiles;
import org.tanji.server.domain.StudyFile;

/**
 * The demo's workbook is kept in the build rather than written at each first start, so it must stay
 * the study its YAML is: an example changed without the workbook made again fails here.
 */
final class DemoTest {

  private static final String AGAIN = "make it again: ./tanji convert examples/seed-003-library-factor.yaml"
      + " tanji-server/src/main/resources/org/tanji/server/demo/seed-003-library-factor.xlsx";

  @Test
  void workbook_readsBackToTheStudyOfItsYaml() {
    ReadResult yaml = read("seed-003-library-factor.yaml");
    ReadResult workbook = read(Demo.WORKBOOK);

    assertThat(workbook.findings()).as(AGAIN).isEmpty();
    // the same study, but for where each value stands (YAML lines, workbook cells)
    assertThat(workbook.study()).as(AGAIN).isNotNull().usingRecursiveComparison().ignoringFields("source")
        .isEqualTo(yaml.study());
    // seed 003 with the library's electricity factor (README, Examples)
    Result result = workbook.calculate();
    assertThat(result.findings()).isEmpty();
    assertThat(result.perUnitKgCO2e()).isCloseTo(2821.88, within(0.005));
  }

  @Test
  void example_takesItsFormatFromItsName() {
    assertThat(Demo.example(Demo.WORKBOOK).format()).isEqualTo("xlsx");
    assertThat(Demo.example("seed-003-steel-balls.yaml").format()).isEqualTo("yaml");
  }

  private static ReadResult read(String name) {
    StudyFile file = Demo.example(name);
    return StudyFiles.read(file.bytes(), file.studyFormat(), name);
  }
}
