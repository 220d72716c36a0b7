package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tanji.core.calc.Result;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;
import org.tanji.core.model.SourceMap;
import org.tanji.core.model.TextTooLongException;
import org.tanji.core.model.Study;

/** Writing a study and reading it back gives the same study and the same result, in every format. */
final class StudyWriterTest {

  /** The examples and the test studies of real reports' shapes, as paths from the repository root. */
  static Stream<String> examples() throws IOException {
    List<String> all = new java.util.ArrayList<>();
    for (String dir : List.of("examples", "testdata")) {
      try (Stream<Path> files = Files.list(Path.of("..", dir))) {
        // studies only: the CBAM files sit in their own folder (examples/cbam, testdata/cbam)
        files.filter(Files::isRegularFile).map(p -> dir + "/" + p.getFileName()).sorted().forEach(all::add);
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

  /** A study read from YAML whose product name is {@code name}. */
  private static Study named(String name, String description) {
    return Fixtures.read(Fixtures.MINIMAL.replace("  name: Steel balls",
        "  name: " + name + "\n  description: " + description)).study();
  }

  @ParameterizedTest
  @EnumSource(StudyFormat.class)
  void longestAllowedTexts_writeAndReadBack(StudyFormat format) throws IOException {
    String name = "钢".repeat(250) + "x".repeat(250);
    String description = "d".repeat(4000);
    ReadResult back = StudyFiles.read(write(named(name, description), format), format, "back");
    assertThat(back.findings()).filteredOn(Finding::isError).isEmpty();
    assertThat(back.study().product().name()).isEqualTo(name);
    assertThat(back.study().product().description()).isEqualTo(description);
  }

  /** Text formats hold any length: the text is written whole and refused, with its length, when read back. */
  @ParameterizedTest
  @EnumSource(value = StudyFormat.class, names = {"YAML", "JSON"})
  void overLongName_writtenWhole_refusedWhenReadBack(StudyFormat format) throws IOException {
    String name = "x".repeat(100_000);
    ReadResult back = StudyFiles.read(write(named(name, "d"), format), format, "back");
    assertThat(back.study().product().name()).isEqualTo(name);
    assertThat(back.findings()).extracting(Finding::code, Finding::where)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("TEXT_TOO_LONG", "product.name"));
  }

  /** A cell holds 32,767 characters: more is the one typed exception (the server's 422), not POI's. */
  @Test
  void overLongName_workbook_isTextTooLong() {
    Study study = named("x".repeat(100_000), "d");
    assertThatThrownBy(() -> write(study, StudyFormat.XLSX))
        .isInstanceOfSatisfying(TextTooLongException.class, e -> {
          assertThat(e.length()).isEqualTo(100_000);
          assertThat(e.limit()).isEqualTo(32_767);
          assertThat(e.where()).matches(".+!B\\d+");
          assertThat(e.text().render(Messages.EN)).contains("100000 characters long, more than the 32767");
        });
  }
}
