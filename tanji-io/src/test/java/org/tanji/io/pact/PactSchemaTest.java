package org.tanji.io.pact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tanji.io.ReadResult;
import org.tanji.io.StudyFiles;

/** The schema the export tests rely on refuses what the specification refuses. */
final class PactSchemaTest {

  private static ObjectNode seed() throws IOException {
    ReadResult read = StudyFiles.read(Path.of("..", "examples", "seed-003-steel-balls.yaml"));
    return PactExport.footprint(read.study(), read.calculate(),
        PactIssue.draft(PactIssue.idOf("o", "s", 1), Instant.EPOCH)).footprint().orElseThrow();
  }

  static Stream<Arguments> breakages() {
    return Stream.of(
        Arguments.of("id not a UUID", (Consumer<ObjectNode>) pf -> pf.put("id", "footprint-1")),
        Arguments.of("status unknown", (Consumer<ObjectNode>) pf -> pf.put("status", "Draft")),
        Arguments.of("decimal as a number", (Consumer<ObjectNode>) pf -> ((ObjectNode) pf.get("pcf"))
            .put("declaredUnitAmount", 1)),
        Arguments.of("company id not a URN", (Consumer<ObjectNode>) pf -> pf.putArray("companyIds").add("9137")),
        Arguments.of("required field missing", (Consumer<ObjectNode>) pf -> ((ObjectNode) pf.get("pcf"))
            .remove("fossilCarbonContent")),
        Arguments.of("created not a date-time", (Consumer<ObjectNode>) pf -> pf.put("created", "2026-11-30")),
        Arguments.of("two geographies", (Consumer<ObjectNode>) pf -> ((ObjectNode) pf.get("pcf"))
            .put("geographyCountry", "CN")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakages")
  void errors_brokenFootprint(String what, Consumer<ObjectNode> breakage) throws IOException {
    ObjectNode pf = seed();
    assertThat(PactSchema.errors(pf)).isEmpty();
    breakage.accept(pf);
    assertThat(PactSchema.errors(pf)).as(what).isNotEmpty();
  }
}
