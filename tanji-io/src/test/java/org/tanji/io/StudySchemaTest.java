package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema published with the docs ({@code docs/schema/study.schema.json}) stays true:
 * every example and test study validates against it, as do the tests' minimal study and its JSON
 * form, and the mistakes Tanji refuses as unknown keys or values are refused by the schema too.
 */
final class StudySchemaTest {

  private static final Schema SCHEMA = load();

  private static Schema load() {
    try {
      JsonNode schema = new ObjectMapper().readTree(Files.readString(Path.of("..", "docs", "schema", "study.schema.json")));
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Stream<String> studies() throws IOException {
    List<String> all = new ArrayList<>();
    for (String dir : List.of("examples", "testdata")) {
      try (Stream<Path> files = Files.list(Path.of("..", dir))) {
        // studies only: the CBAM files sit in their own folder (examples/cbam, testdata/cbam)
        files.filter(Files::isRegularFile).map(p -> dir + "/" + p.getFileName()).sorted().forEach(all::add);
      }
    }
    return all.stream();
  }

  private static List<Error> errors(String yaml) throws IOException {
    return SCHEMA.validate(new YAMLMapper().readTree(yaml));
  }

  @ParameterizedTest
  @MethodSource("studies")
  void everyExampleAndTestStudy_validates(String study) throws IOException {
    assertThat(errors(Files.readString(Path.of("..").resolve(study)))).as(study).isEmpty();
  }

  @Test
  void minimalTestStudy_andItsJsonForm_validate() throws IOException {
    assertThat(errors(Fixtures.MINIMAL)).isEmpty();
    ReadResult read = Fixtures.read(Fixtures.MINIMAL);
    java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
    StudyWriter.write(read.study(), StudyFormat.JSON, json);
    assertThat(SCHEMA.validate(new ObjectMapper().readTree(json.toByteArray()))).isEmpty();
  }

  /** Each edit is a mistake Tanji refuses (UNKNOWN_KEY, INVALID_VALUE, INVALID_QUANTITY …); the schema refuses it too. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      'language: en'          | 'langauge: en'
      'boundary: cradle-to-gate' | 'boundary: cradle-to-factory'
      'gwp: AR5'              | 'gwp: AR7'
      'stage: raw-materials'  | 'stage: raw-material'
      'amount: 110 t'         | 'amount: 110'
      'amount: 110 t'         | 'amount: 110 t\\n    excluded: false'
      'output: 100 t'         | 'output: 100,000 t'
      'calibration: compliant' | 'calibration: yes'
      'gwp: AR5'              | 'gwp: AR5\n  exchangeRates: {kg: 7.10 CNY}'
      'gwp: AR5'              | 'gwp: AR5\n  exchangeRates: {USD: 7.10}'
      """)
  void mistakesTanjiRefuses_theSchemaRefusesToo(String from, String to) throws IOException {
    String yaml = Fixtures.MINIMAL.replace(from, to.replace("\\n", "\n"));
    assertThat(Fixtures.calc(yaml).findings()).anyMatch(f -> f.isError());
    assertThat(errors(yaml)).as(to).isNotEmpty();
  }
}
