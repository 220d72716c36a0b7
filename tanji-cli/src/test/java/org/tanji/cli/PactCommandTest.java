package org.tanji.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PactCommandTest {

  private static final String SEED = "../examples/seed-003-steel-balls.yaml";

  @Test
  void export_seed003_toStdout() throws IOException {
    CliTest.Run r = CliTest.run("pact", "export", SEED, "--lang", "en");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode pf = new ObjectMapper().readTree(r.out());
    // 2821.88 kgCO2e per t is 2.82188 per kg
    assertThat(new BigDecimal(pf.at("/pcf/fossilGhgEmissions").asText()).setScale(5, RoundingMode.HALF_UP))
        .isEqualByComparingTo("2.82188");
    assertThat(pf.at("/productIds/0").asText()).isEqualTo("urn:pact:taxation-customs.ec.europa.eu:cn:73261100");
    // what was written in place of what the study lacks is said on stderr
    assertThat(r.err()).contains("warning PACT_ASSUMED product.fossilCarbonContent: no product.fossilCarbonContent");
    // the same file, the same footprint id
    assertThat(new ObjectMapper().readTree(CliTest.run("pact", "export", SEED).out()).get("id"))
        .isEqualTo(pf.get("id"));
  }

  @Test
  void export_toFile(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("balls.json");
    CliTest.Run r = CliTest.run("pact", "export", SEED, "-o", out.toString(), "--lang", "en");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("wrote the PACT footprint to " + out);
    assertThat(new ObjectMapper().readTree(out.toFile()).at("/pcf/declaredUnitOfMeasurement").asText())
        .isEqualTo("kilogram");
  }

  @Test
  void export_studyLackingWhatPactRequires_namesEachKey() {
    CliTest.Run r = CliTest.run("pact", "export", "../testdata/tiny-per-piece.yaml");
    assertThat(r.code()).isEqualTo(Main.STUDY_ERRORS);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("error PACT_MISSING organization.name", "error PACT_MISSING study.gwp",
        "error PACT_MISSING study.standards", "error PACT_MISSING product.massPerUnit",
        "no PACT footprint; give what the errors above name");
  }

  @Test
  void export_studyWithErrors_showsItsFindings(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, Files.readString(Path.of(SEED)).replace("factor: grid", "factor: gird"));
    CliTest.Run r = CliTest.run("pact", "export", bad.toString(), "--lang", "en");
    assertThat(r.code()).isEqualTo(Main.STUDY_ERRORS);
    assertThat(r.err()).contains("error UNKNOWN_FACTOR").contains("no PACT footprint");
  }

  /**
   * The study is read once, so a pipe works ({@code tanji pact export <(…)}); the id is the SHA-256 of
   * the bytes read, the same as the file's.
   */
  @Test
  void export_fromAPipe_readOnce_idOfTheBytesRead(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/usr/bin/mkfifo").canExecute(), "mkfifo");
    Path pipe = dir.resolve("seed.yaml");
    assertThat(new ProcessBuilder("/usr/bin/mkfifo", pipe.toString()).start().waitFor()).isZero();
    byte[] seed = Files.readAllBytes(Path.of(SEED));
    Thread writer = new Thread(() -> {
      try {
        Files.write(pipe, seed); // waits for the reader, writes once
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.setDaemon(true);
    writer.start();
    CliTest.Run r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
        () -> CliTest.run("pact", "export", pipe.toString(), "--lang", "en"));
    assertThat(r.code()).as(r.err()).isZero();
    String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(seed));
    assertThat(new ObjectMapper().readTree(r.out()).get("id").asText())
        .isEqualTo(org.tanji.io.pact.PactIssue.idOf("913701811634663822", sha, 1).toString())
        .isEqualTo(new ObjectMapper().readTree(CliTest.run("pact", "export", SEED).out()).get("id").asText());
  }

  @Test
  void export_missingFile() {
    CliTest.Run r = CliTest.run("pact", "export", "no-such.yaml");
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).startsWith("tanji pact export: ");
  }
}
