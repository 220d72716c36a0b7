package org.tanji.io.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;
import org.tanji.io.StudyFiles;
import org.tanji.io.library.FactorLibrary;

/** What becomes of a failure while a workbook's parts are read: the file's fault or a bug. */
final class WorkbookReaderTest {

  private static byte[] seedWorkbook() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbooks.write(StudyFiles.read(Path.of("..", "examples", "seed-003-steel-balls.yaml")).study(), Messages.EN,
        FactorLibrary.builtIn(), "seed.xlsx", out);
    return out.toByteArray();
  }

  @Test
  void open_bugWhileReadingParts_propagates() throws IOException {
    List<Finding> findings = new ArrayList<>();
    byte[] workbook = seedWorkbook();
    // once caught with everything else and reported as "the workbook is damaged"
    assertThatThrownBy(() -> new WorkbookReader(findings).open(workbook, parts -> {
      throw new ClassCastException("a bug in the reader");
    })).isInstanceOf(ClassCastException.class).hasMessage("a bug in the reader");
    assertThat(findings).isEmpty();
  }

  @Test
  void open_malformedXml_isADamagedWorkbook() throws IOException {
    List<Finding> findings = new ArrayList<>();
    Object read = new WorkbookReader(findings).open(seedWorkbook(), parts -> {
      throw new XMLStreamException("unexpected end of the part");
    });
    assertThat(read).isNull();
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("PARSE_ERROR");
      assertThat(f.message(Messages.EN)).startsWith("the workbook is damaged").contains("unexpected end of the part");
    });
  }
}
