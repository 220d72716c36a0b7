package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tanji.core.calc.Result;
import org.tanji.core.model.SourceMap;
import org.tanji.core.model.Study;

/** Writing a study and reading it back gives the same study and the same result, in every format. */
final class StudyWriterTest {

  /** The examples and the test studies of real reports' shapes, as paths from the repository root. */
  static Stream<String> examples() throws IOException {
    List<String> all = new java.util.ArrayList<>();
    for (String dir : List.of("examples", "testdata")) {
      try (Stream<Path> files = Files.list(Path.of("..", dir))) {
        files.map(p -> dir + "/" + p.getFileName()).sorted().forEach(all::add);
      }
    }
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void roundTrip_everyFormat(String example) throws IOException {
    ReadResult original = StudyFiles.read(Path.of("..").resolve(example));
    for (StudyFormat format : StudyFormat.values()) {
      ReadResult back = StudyFiles.read(write(original.study(), format), format, "back");
      assertThat(withoutSource(back.study())).as(format + " " + example).isEqualTo(withoutSource(original.study()));
      Result a = original.calculate();
      Result b = back.calculate();
      assertThat(b.totalKgCO2e()).isEqualTo(a.totalKgCO2e());
      assertThat(b.perUnitKgCO2e()).isEqualTo(a.perUnitKgCO2e());
      assertThat(b.dataQuality()).isEqualTo(a.dataQuality());
      assertThat(b.findings()).extracting(f -> f.code() + " " + f.where())
          .isEqualTo(a.findings().stream().map(f -> f.code() + " " + f.where()).toList());
      // and writing again gives the same bytes
      assertThat(java.util.Arrays.equals(write(back.study(), format), write(original.study(), format)))
          .as("same bytes again, " + format + " " + example).isTrue();
    }
  }

  @Test
  void roundTrip_customGwpTable_everyFormat() throws IOException {
    String yaml = Files.readString(Path.of("..", "testdata", "sunflower-per-hectare.yaml"))
        .replace("gwp: SAR", "gwp: {N2O: 300, CH4: 30.5}");
    ReadResult original = StudyFiles.read(yaml, StudyFormat.YAML, "custom.yaml");
    assertThat(original.study().info().customGwp()).containsExactly(java.util.Map.entry("N2O", 300.0),
        java.util.Map.entry("CH4", 30.5));
    for (StudyFormat format : StudyFormat.values()) {
      ReadResult back = StudyFiles.read(write(original.study(), format), format, "back");
      assertThat(back.study().info()).as(format.name()).isEqualTo(original.study().info());
      assertThat(back.calculate().totalKgCO2e()).isEqualTo(original.calculate().totalKgCO2e());
    }
  }

  private static byte[] write(Study study, StudyFormat format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StudyWriter.write(study, format, out);
    return out.toByteArray();
  }

  private static Study withoutSource(Study s) {
    return new Study(s.info(), s.organization(), s.product(), s.factors(), s.inventory(), s.coproducts(),
        s.allocation(), s.cutoffMassShare(), s.claims(), s.evidence(), s.report(), SourceMap.empty());
  }
}
