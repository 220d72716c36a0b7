package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tanji.core.calc.Result;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;

/** Small studies written as YAML, so that a test reads like the file a user would write. */
final class Fixtures {

  private Fixtures() {}

  /** A minimal valid study; tests replace or append lines. */
  static final String MINIMAL = """
      tanji: 1
      study:
        title: Test study
        language: en
        boundary: cradle-to-gate
        period: {start: 2023-01-01, end: 2023-12-31}
        gwp: AR5
      product:
        name: Steel balls
        declaredUnit: 1 t
        output: 100 t
      factors:
        steel: {value: 2000 kgCO2e/t, type: national}
      inventory:
        - name: Steel
          stage: raw-materials
          amount: 110 t
          factor: steel
          quality: {activity: continuous, calibration: compliant}
      """;

  /** A study of the shapes real reports have, under {@code testdata/} (figures by hand in each file). */
  static String testdata(String name) {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("..", "testdata", name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The spec's example 3 (77.0 kgCO2e per piece, Company 3, valid 2024-12-31 to 2027-12-31)
   * imported as the factor {@code supplier-plate}, in a library with the built-in factors.
   */
  static org.tanji.io.library.FactorLibrary withSupplierPlate(String status) {
    try {
      String json = java.nio.file.Files.readString(java.nio.file.Path.of("..", "testdata", "pact", "example-3.json"))
          .replace("\"status\": \"Active\"", "\"status\": \"" + status + "\"");
      org.tanji.core.model.Factor f = org.tanji.io.pact.PactImport.stored(json.getBytes(StandardCharsets.UTF_8))
          .factors().get(0).withId("supplier-plate");
      return org.tanji.io.library.FactorLibrary.builtIn().with(org.tanji.io.library.UserLibrary.of(List.of(f)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** MINIMAL in the given year, with a line of 40 supplier plates (the spec's example 3): 40 × 77 = 3080 kgCO2e more. */
  static ReadResult withPlates(int year, String amount, String status) {
    String yaml = MINIMAL.replace("2023-01-01", year + "-01-01").replace("2023-12-31", year + "-12-31")
        + "  - {name: Plates, stage: raw-materials, amount: " + amount + ", factor: supplier-plate,"
        + " quality: {activity: continuous, calibration: compliant}}\n";
    return StudyFiles.read(yaml.getBytes(StandardCharsets.UTF_8), StudyFormat.YAML, "test.yaml", withSupplierPlate(status));
  }

  static ReadResult read(String yaml) {
    return StudyFiles.read(yaml.getBytes(StandardCharsets.UTF_8), StudyFormat.YAML, "test.yaml");
  }

  static Result calc(String yaml) {
    return read(yaml).calculate();
  }

  static List<Finding> findings(String yaml, String code) {
    return calc(yaml).findings().stream().filter(f -> f.code().equals(code)).toList();
  }

  /** The one finding with this code, checked to exist exactly once. */
  static Finding only(String yaml, String code) {
    List<Finding> found = findings(yaml, code);
    assertThat(found).as("findings with code %s in %s", code, calc(yaml).findings()).hasSize(1);
    return found.get(0);
  }

  static String en(Finding f) {
    return f.message(Messages.EN);
  }
}
