package org.tanji.io.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Factor;
import org.tanji.core.model.FactorType;
import org.tanji.core.model.Finding;
import org.tanji.core.model.SupplierFootprint;
import org.tanji.io.internal.TreeBuilder;

final class PactImportTest {

  /** A day on which the spec's examples (valid 2024-12-31 to 2027-12-31) are valid. */
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private static byte[] example(String name) throws IOException {
    return Files.readAllBytes(Path.of("..", "testdata", "pact", name));
  }

  private static String text(String name) throws IOException {
    return new String(example(name), StandardCharsets.UTF_8);
  }

  private static PactImport.Result read(String json) {
    return PactImport.read(json.getBytes(StandardCharsets.UTF_8), NOW);
  }

  @Test
  void read_example1_perKilogram() throws IOException {
    PactImport.Result r = PactImport.read(example("example-1.json"), NOW);
    assertThat(r.findings()).isEmpty();
    Factor f = r.factors().get(0);
    assertThat(f.id()).isEqualTo("pact-12345678-9abc-def0-1234-567812345678");
    assertThat(f.libraryId()).isEqualTo(f.id());
    // pcfExcludingBiogenicUptake 0.384 per 1 kilogram; the uptake (-1.23 including it) is not subtracted
    assertThat(f.value().text()).isEqualTo("0.384 kgCO2e/kg");
    assertThat(f.type()).isEqualTo(FactorType.SUPPLIER);
    assertThat(f.name()).isEqualTo("Product 1");
    assertThat(f.source()).isEqualTo("PACT 3.0.0 · Company 1");
    assertThat(f.region()).isEqualTo("US-TX");
    assertThat(f.year()).isEqualTo(2024);
    assertThat(f.publication()).isEqualTo("2025-04-30");
    SupplierFootprint s = f.footprint().orElseThrow();
    assertThat(s.footprintId()).isEqualTo("12345678-9abc-def0-1234-567812345678");
    assertThat(s.companyIds()).containsExactly("urn:company:example:company1");
    assertThat(s.productIds()).containsExactly("urn:gtin:5695872369587");
    assertThat(s.validFrom()).isEqualTo(Instant.parse("2024-12-31T00:00:00Z"));
    assertThat(s.validUntil()).isEqualTo(Instant.parse("2027-12-31T00:00:00Z"));
    assertThat(s.validityDeclared()).isTrue();
    assertThat(s.declaredUnit()).isEqualTo("1 kilogram");
    assertThat(s.pcfIncludingBiogenicUptake()).isEqualTo("-1.23");
  }

  @Test
  void read_examples_valuePerDeclaredUnit() throws IOException {
    // 5.14 kgCO2e per 12 liter = 0.42833… per liter; 77.0 per piece; 0.42 per kilogram (Latin America)
    assertThat(PactImport.read(example("example-2.json"), NOW).factors().get(0).value().text())
        .isEqualTo("0.4283333333333333 kgCO2e/L");
    Factor three = PactImport.read(example("example-3.json"), NOW).factors().get(0);
    assertThat(three.value().text()).isEqualTo("77 kgCO2e/piece");
    assertThat(three.region()).isEqualTo("DE-BW");
    Factor four = PactImport.read(example("example-4.json"), NOW).factors().get(0);
    assertThat(four.value().text()).isEqualTo("0.42 kgCO2e/kg");
    assertThat(four.region()).isEqualTo("Latin America and the Caribbean");
  }

  @Test
  void read_apiAnswers_listAndSingle() throws IOException {
    PactImport.Result list = PactImport.read(example("list-footprints-response.json"), Instant.parse("2025-06-01T00:00:00Z"));
    // the spec's own example is valid from 2025-03-01, before its reference period ends (2026-01-01)
    assertThat(list.findings()).extracting(f -> f.code() + " " + f.where())
        .containsExactly("PACT_VALIDITY data[0].validityPeriodStart");
    assertThat(list.factors()).extracting(Factor::id).containsExactly("pact-91715e5e-fd0b-4d1c-8fab-76290c46e6ed");
    assertThat(list.factors().get(0).value().text()).isEqualTo("1.85 kgCO2e/L");
    PactImport.Result one = PactImport.read(example("get-footprint-response.json"), Instant.parse("2025-06-01T00:00:00Z"));
    assertThat(one.findings()).extracting(f -> f.code() + " " + f.where())
        .containsExactly("PACT_VALIDITY data.validityPeriodStart");
    assertThat(one.factors()).hasSize(1);
  }

  @Test
  void read_entryKeepsTheFootprintAlone() throws IOException {
    PactImport.Result r = PactImport.read(example("get-footprint-response.json"), Instant.parse("2025-06-01T00:00:00Z"));
    String json = new String(r.entries().get(0).json(), StandardCharsets.UTF_8);
    assertThat(json).startsWith("{\n  \"id\" : \"91715e5e-fd0b-4d1c-8fab-76290c46e6ed\"");
    // stored and read back: the same factor
    PactImport.Result back = PactImport.stored(r.entries().get(0).json());
    assertThat(back.factors()).isEqualTo(r.factors());
  }

  @Test
  void read_deprecated_importedWithWarning() throws IOException {
    PactImport.Result r = read(text("example-1.json").replace("\"status\": \"Active\"", "\"status\": \"Deprecated\""));
    assertThat(r.hasErrors()).isFalse();
    assertThat(r.factors()).hasSize(1);
    assertThat(r.findings()).extracting(Finding::code, Finding::where).containsExactly(
        org.assertj.core.groups.Tuple.tuple("PACT_DEPRECATED", "status"));
    assertThat(r.findings().get(0).position().line()).isEqualTo(5);
  }

  /** The end that expired is pointed at: the declared validity end, else the reference period's end it is taken from. */
  @ParameterizedTest
  @CsvSource({
      "true, validityPeriodEnd, 7, 24",
      "false, pcf.referencePeriodEnd, 25, 27"})
  void read_expired_warningNamesTheDatesAndWhere(boolean declared, String where, int line, int column)
      throws IOException {
    String json = declared ? text("example-1.json")
        : text("example-1.json").replace("  \"validityPeriodEnd\": \"2027-12-31T00:00:00Z\",\n", "");
    PactImport.Result r = PactImport.read(json.getBytes(StandardCharsets.UTF_8), Instant.parse("2028-03-01T00:00:00Z"));
    assertThat(r.factors()).hasSize(1);
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("PACT_EXPIRED");
      assertThat(f.where()).isEqualTo(where);
      assertThat(f.position()).isNotNull();
      assertThat(f.position().line()).isEqualTo(line);
      assertThat(f.position().column()).isEqualTo(column);
      assertThat(f.message(Messages.EN)).startsWith(
          "footprint 12345678-9abc-def0-1234-567812345678 of Company 1 was valid until 2027-12-30; today (2028-03-01) it has expired");
    });
  }

  @Test
  void read_noValidityPeriod_threeYearsAfterTheReferencePeriod() throws IOException {
    String json = text("example-1.json").replace("\"validityPeriodStart\": \"2024-12-31T00:00:00Z\",", "")
        .replace("\"validityPeriodEnd\": \"2027-12-31T00:00:00Z\",", "");
    SupplierFootprint s = read(json).factors().get(0).footprint().orElseThrow();
    // referencePeriodEnd 2024-12-31T00:00:00Z + 3 years
    assertThat(s.validFrom()).isEqualTo(Instant.parse("2024-12-31T00:00:00Z"));
    assertThat(s.validUntil()).isEqualTo(Instant.parse("2027-12-31T00:00:00Z"));
    assertThat(s.validityDeclared()).isFalse();
  }

  @Test
  void read_validityBeyondTheSpecsWindow_warnsAndKeepsTheGivenPeriod() throws IOException {
    // referencePeriodEnd is 2024-12-31: PACT allows validity from then to 2027-12-31 at most
    String json = text("example-1.json").replace("\"validityPeriodStart\": \"2024-12-31T00:00:00Z\"",
        "\"validityPeriodStart\": \"2024-06-30T00:00:00Z\"").replace("\"validityPeriodEnd\": \"2027-12-31T00:00:00Z\"",
        "\"validityPeriodEnd\": \"2028-01-01T00:00:00Z\"");
    PactImport.Result r = read(json);
    SupplierFootprint s = r.factors().get(0).footprint().orElseThrow();
    assertThat(s.validFrom()).isEqualTo(Instant.parse("2024-06-30T00:00:00Z"));
    assertThat(s.validUntil()).isEqualTo(Instant.parse("2028-01-01T00:00:00Z"));
    assertThat(r.findings()).extracting(f -> f.code() + " " + f.where())
        .containsExactly("PACT_VALIDITY validityPeriodStart", "PACT_VALIDITY validityPeriodEnd");
    assertThat(r.findings().get(1).message(Messages.EN)).startsWith("the validity period ends at 2028-01-01T00:00:00Z, "
        + "later than three years after the reference period (2027-12-31T00:00:00Z)");
  }

  @Test
  void read_startOnly_endThreeYearsAfterTheReferencePeriod() throws IOException {
    String json = text("example-1.json").replace("\"validityPeriodStart\": \"2024-12-31T00:00:00Z\"",
        "\"validityPeriodStart\": \"2025-06-01T00:00:00Z\"").replace("\"validityPeriodEnd\": \"2027-12-31T00:00:00Z\",", "");
    SupplierFootprint s = read(json).factors().get(0).footprint().orElseThrow();
    assertThat(s.validFrom()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
    assertThat(s.validUntil()).isEqualTo(Instant.parse("2027-12-31T00:00:00Z"));
    assertThat(s.validityDeclared()).isFalse();
  }

  static Stream<Arguments> badFootprints() throws IOException {
    String one = text("example-1.json");
    return Stream.of(
        Arguments.of(one.replace("\"specVersion\": \"3.0.0\"", "\"specVersion\": \"2.2.0\""),
            "PACT_SPEC_VERSION", "specVersion", "specVersion is \"2.2.0\": a PACT 2.2 footprint, whose fields differ"),
        Arguments.of(one.replace("\"specVersion\": \"3.0.0\"", "\"specVersion\": \"4.0.0\""),
            "PACT_SPEC_VERSION", "specVersion", "a PACT 4.0 footprint"),
        Arguments.of(one.replace("\"specVersion\": \"3.0.0\"", "\"specVersion\": \"3.0\""),
            "PACT_SPEC_VERSION", "specVersion", "specVersion is \"3.0\", not a version Tanji knows"),
        Arguments.of(one.replace("\"declaredUnitAmount\": \"1\",", ""),
            "MISSING_VALUE", "pcf.declaredUnitAmount", "pcf.declaredUnitAmount is missing; a PACT v3 ProductFootprint must have it"),
        Arguments.of(one.replace("\"companyName\": \"Company 1\",", ""),
            "MISSING_VALUE", "companyName", "companyName is missing"),
        Arguments.of(one.replace("\"declaredUnitAmount\": \"1\"", "\"declaredUnitAmount\": 1"),
            "INVALID_VALUE", "pcf.declaredUnitAmount", "pcf.declaredUnitAmount is the JSON number 1; PACT v3 writes decimals as strings: \"1\""),
        Arguments.of(one.replace("\"declaredUnitAmount\": \"1\"", "\"declaredUnitAmount\": \"0\""),
            "INVALID_VALUE", "pcf.declaredUnitAmount", "pcf.declaredUnitAmount is \"0\"; it must be greater than zero"),
        Arguments.of(one.replace("\"pcfExcludingBiogenicUptake\": \"0.384\"", "\"pcfExcludingBiogenicUptake\": \"0,384\""),
            "INVALID_VALUE", "pcf.pcfExcludingBiogenicUptake", "is \"0,384\", not a decimal number"),
        // only an end, before the reference period's end (the start it then takes): out of order
        Arguments.of(one.replace("\"validityPeriodStart\": \"2024-12-31T00:00:00Z\",", "")
                .replace("\"validityPeriodEnd\": \"2027-12-31T00:00:00Z\"", "\"validityPeriodEnd\": \"2024-06-30T00:00:00Z\""),
            "INVALID_VALUE", "validityPeriodEnd", "validityPeriodEnd (2024-06-30T00:00:00Z) is before pcf.referencePeriodEnd"),
        // a reference period ending so late that three years after it cannot be written, with and
        // without a declared validity period
        Arguments.of(one.replace("\"referencePeriodEnd\": \"2024-12-31T00:00:00Z\"",
                "\"referencePeriodEnd\": \"+999999998-06-01T00:00:00Z\""),
            "INVALID_VALUE", "pcf.referencePeriodEnd", "pcf.referencePeriodEnd"),
        Arguments.of(one.replace("\"referencePeriodEnd\": \"2024-12-31T00:00:00Z\"",
                "\"referencePeriodEnd\": \"+999999998-06-01T00:00:00Z\"").replace("\"validityPeriodEnd\": \"2027-12-31T00:00:00Z\",", ""),
            "INVALID_VALUE", "pcf.referencePeriodEnd", "pcf.referencePeriodEnd"),
        // a figure beyond what a double holds
        Arguments.of(one.replace("\"pcfExcludingBiogenicUptake\": \"0.384\"", "\"pcfExcludingBiogenicUptake\": \"1" + "0".repeat(400) + "\""),
            "INVALID_VALUE", "pcf.pcfExcludingBiogenicUptake", "is too large a number to compute with"),
        Arguments.of(one.replace("\"kilogram\"", "\"hour\""),
            "PACT_UNIT_UNSUPPORTED", "pcf.declaredUnitOfMeasurement", "the declared unit is \"hour\", which no inventory line can use"),
        Arguments.of(one.replace("\"kilogram\"", "\"kilo\""),
            "INVALID_VALUE", "pcf.declaredUnitOfMeasurement", "pcf.declaredUnitOfMeasurement is \"kilo\"; PACT allows liter, kilogram"),
        Arguments.of(one.replace("\"status\": \"Active\"", "\"status\": \"active\""),
            "INVALID_VALUE", "status", "status is \"active\"; PACT allows Active, Deprecated"),
        Arguments.of(one.replace("\"12345678-9abc-def0-1234-567812345678\"", "\"footprint-1\""),
            "INVALID_VALUE", "id", "id is \"footprint-1\", not a UUID"),
        Arguments.of(one.replace("\"urn:company:example:company1\"", "\"company1\""),
            "INVALID_VALUE", "companyIds[0]", "companyIds[0] is \"company1\", not a URN"),
        Arguments.of(one.replace("\"validityPeriodEnd\": \"2027-12-31T00:00:00Z\"", "\"validityPeriodEnd\": \"2023-12-31T00:00:00Z\""),
            "INVALID_VALUE", "validityPeriodEnd", "validityPeriodEnd (2023-12-31T00:00:00Z) is before validityPeriodStart"),
        Arguments.of(one.replace("\"created\": \"2025-04-30T00:00:00Z\"", "\"created\": \"2025-04-30\""),
            "INVALID_VALUE", "created", "created is \"2025-04-30\", not a date and time with offset"),
        Arguments.of(one.replace("\"productIds\": [\n    \"urn:gtin:5695872369587\"\n  ]", "\"productIds\": []"),
            "MISSING_VALUE", "productIds", "productIds is an empty list"),
        Arguments.of("{\"data\": []}", "MISSING_VALUE", "data", "the file holds no footprint"),
        Arguments.of("{\"name\": \"not a footprint\"}", "PACT_NOT_FOOTPRINT", "", "this is not a PACT ProductFootprint"),
        Arguments.of("[" + one + ", " + one + "]", "PACT_DUPLICATE_ID", "[1].id", "appears twice in the file (first at [0].)"));
  }

  @ParameterizedTest
  @MethodSource("badFootprints")
  void read_badFootprint(String json, String code, String where, String message) {
    PactImport.Result r = read(json);
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.entries()).isEmpty();
    assertThat(r.findings()).filteredOn(Finding::isError).first().satisfies(f -> {
      assertThat(f.code()).isEqualTo(code);
      assertThat(f.where()).isEqualTo(where);
      assertThat(f.message(Messages.EN)).contains(message);
      assertThat(f.position()).isNotNull();
    });
  }

  @Test
  void read_malformedJson_lineAndColumn() {
    PactImport.Result r = read("{\n  \"id\": \"x\",\n  \"specVersion\" \"3.0.0\"\n}");
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("PARSE_ERROR");
      assertThat(f.position().line()).isEqualTo(3);
      assertThat(f.position().column()).isEqualTo(17);
    });
  }

  @Test
  void read_nestedTenThousandDeep_aFindingNotAStackOverflow() {
    PactImport.Result r = read("[".repeat(10_000) + "]".repeat(10_000));
    assertThat(r.entries()).isEmpty();
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("PACT_TOO_DEEP");
      assertThat(f.position().line()).isEqualTo(1);
      assertThat(f.position().column()).isEqualTo(TreeBuilder.MAX_DEPTH + 1); // the first bracket too many
      assertThat(f.message(Messages.EN)).isEqualTo("the PACT file is nested more than 200 levels deep; "
          + "a footprint file is nested a few levels: this is not one (line 1, column 201)");
      assertThat(f.message(Messages.ZH)).startsWith("PACT 文件嵌套超过 200 层");
    });
  }

  @Test
  void read_stringLongerThanTheLimit_aFindingWithWhere() throws IOException {
    String json = text("example-1.json").replace("\"productDescription\": \"",
        "\"productDescription\": \"" + "x".repeat(PactImport.MAX_STRING_LENGTH + 1));
    PactImport.Result r = read(json);
    assertThat(r.entries()).isEmpty();
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("PACT_TOO_LONG");
      assertThat(f.position().line()).isEqualTo(12);
      // where the parser stood when the text grew too long: on the description's line
      assertThat(f.message(Messages.EN)).startsWith("a text in the PACT file is longer than 100000 characters, "
          + "the most a text in a footprint may have: shorten it (line 12, column ");
      assertThat(f.message(Messages.ZH)).startsWith("PACT 文件中有文本超过 100000 个字符");
    });
  }

  @Test
  void readFile_oversized_refusedWithoutReadingIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    // a sparse 3 GB file: reading it whole would not fit in the heap
    java.nio.file.Path huge = dir.resolve("huge.json");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(3L * 1024 * 1024 * 1024);
    }
    PactImport.Result r = PactImport.read(huge, NOW);
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("PACT_TOO_LARGE");
      assertThat(f.message(Messages.EN)).startsWith("the PACT file is 3072.0 MB, larger than the 4 MB");
    });
  }

  @Test
  void read_oversized_refusedBeforeParsing() {
    byte[] big = new byte[PactImport.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    PactImport.Result r = PactImport.read(big, NOW);
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("PACT_TOO_LARGE");
      assertThat(f.message(Messages.EN)).isEqualTo(
          "the PACT file is 4.0 MB, larger than the 4 MB a footprint file may have (a list of 1000 footprints fits); split it");
      assertThat(f.message(Messages.ZH)).startsWith("PACT 文件为 4.0 MB");
    });
  }

  @Test
  void read_listInsideData_pathsNameTheEntry() throws IOException {
    String one = text("example-1.json");
    String bad = one.replace("12345678-9abc-def0-1234-567812345678", "12345678-9abc-def0-1234-567812345679")
        .replace("\"declaredUnitAmount\": \"1\",", "");
    PactImport.Result r = read("{\"data\": [" + one + ", " + bad + "]}");
    assertThat(r.entries()).isEmpty();
    assertThat(r.findings()).extracting(Finding::where).containsExactly("data[1].pcf.declaredUnitAmount");
  }

  @Test
  void read_specExampleWithAllProperties() throws IOException {
    // the spec's "invalid" answer: an unknown property ("updated") and upper-case UUIDs, which a reader may accept
    PactImport.Result r = PactImport.read(example("invalid-response-all-properties.json"), Instant.parse("2025-06-01T00:00:00Z"));
    // only its validity, which starts before its reference period ends, as in the spec's list example
    assertThat(r.findings()).extracting(f -> f.code() + " " + f.where())
        .containsExactly("PACT_VALIDITY data[0].validityPeriodStart");
  }
}
