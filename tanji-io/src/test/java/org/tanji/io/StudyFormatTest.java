package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which format a file is read as: by name, by what the sender declared, by content. */
class StudyFormatTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void namesByExtensionAnyCase() {
    assertThat(StudyFormat.fromFileName("钢球.XLSX")).contains(StudyFormat.XLSX);
    assertThat(StudyFormat.fromFileName("a.yml")).contains(StudyFormat.YAML);
    assertThat(StudyFormat.fromFileName("a.json")).contains(StudyFormat.JSON);
    assertThat(StudyFormat.fromFileName("a.txt")).isEmpty();
  }

  @Test
  void contentDecidesWhenNothingWasDeclared() {
    assertThat(StudyFiles.formatOf(bytes("  \n{\"study\": {}}"), null)).isEqualTo(StudyFormat.JSON);
    assertThat(StudyFiles.formatOf(bytes("\uFEFF[1]"), null)).isEqualTo(StudyFormat.JSON);
    assertThat(StudyFiles.formatOf(bytes("study:\n  title: x\n"), null)).isEqualTo(StudyFormat.YAML);
    // what was declared wins for text, as the reader uses it
    assertThat(StudyFiles.formatOf(bytes("{\"a\": 1}"), StudyFormat.YAML)).isEqualTo(StudyFormat.YAML);
    // a workbook is a workbook whatever was declared ("PK\3\4" starts every .xlsx)
    assertThat(StudyFiles.formatOf(new byte[] {'P', 'K', 3, 4, 0, 0}, StudyFormat.YAML)).isEqualTo(StudyFormat.XLSX);
    assertThat(StudyFiles.formatOf(bytes("a: 1"), StudyFormat.XLSX)).isEqualTo(StudyFormat.XLSX);
  }
}
