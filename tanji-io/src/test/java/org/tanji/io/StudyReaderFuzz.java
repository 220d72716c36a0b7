package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tanji.core.calc.Result;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;

/**
 * Fuzzes the study reader and calculator with mutated study files and random bytes: whatever
 * arrives, the answer is a result with findings, never an exception.
 */
final class StudyReaderFuzz {

  private static final com.fasterxml.jackson.databind.ObjectMapper STRICT = new com.fasterxml.jackson.databind.ObjectMapper();
  private static final String SEED = read("seed-003-steel-balls.yaml");
  private static final String PUBLISHED = read("seed-003-as-published.yaml");

  private static String read(String name) {
    try {
      return Files.readString(Path.of("..", "examples", name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A study file with a few random edits: characters deleted, inserted or replaced, lines swapped. */
  @Provide
  Arbitrary<String> mutatedStudy() {
    Arbitrary<String> base = Arbitraries.of(SEED, PUBLISHED, Fixtures.MINIMAL);
    Arbitrary<List<int[]>> edits = Combinators.combine(
            Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 1_000_000),
            Arbitraries.integers().between(0, 15))
        .as((kind, pos, pick) -> new int[] {kind, pos, pick})
        .list().ofMinSize(1).ofMaxSize(6);
    return Combinators.combine(base, edits).as(StudyReaderFuzz::mutate);
  }

  private static final String[] INSERTS = {":", "- ", "{", "}", "[", "]", "\n", "  ", "&a ", "*a", "\"", "'",
      "４", "NaN", "-", "1e999", "/", "*", "tanji: 1\n", "---\n", "\t", "\u0000", "吨", "kwh", "#",
      "1e-310", "0", "false", "\u00a0", "!!binary ", "- oops\n", "piece", "coproducts: [{output: 5 个}]\n",
      "allocation: mass\n", "boundary: gate-to-gate\n"};

  private static String mutate(String text, List<int[]> edits) {
    StringBuilder b = new StringBuilder(text);
    for (int[] e : edits) {
      int pos = b.length() == 0 ? 0 : e[1] % b.length();
      switch (e[0]) {
        case 0 -> {
          if (b.length() > 0) {
            b.deleteCharAt(pos);
          }
        }
        case 1 -> b.insert(pos, INSERTS[e[2] % INSERTS.length]);
        case 2 -> b.replace(pos, Math.min(b.length(), pos + 1), INSERTS[(e[2] + 7) % INSERTS.length]);
        case 3 -> {
          List<String> lines = new ArrayList<>(List.of(b.toString().split("\n", -1)));
          int i = pos % lines.size();
          int j = (pos / 7 + e[2]) % lines.size();
          String t = lines.get(i);
          lines.set(i, lines.get(j));
          lines.set(j, t);
          b = new StringBuilder(String.join("\n", lines));
        }
        default -> b.setLength(pos); // truncated file
      }
    }
    return b.toString();
  }

  @Property(tries = 3000)
  void mutatedYaml_neverThrows(@ForAll("mutatedStudy") String text) {
    check(text.getBytes(StandardCharsets.UTF_8), StudyFormat.YAML);
  }

  @Property(tries = 300)
  void mutatedYamlReadAsJson_neverThrows(@ForAll("mutatedStudy") String text) {
    check(text.getBytes(StandardCharsets.UTF_8), StudyFormat.JSON);
  }

  @Property(tries = 500)
  void randomBytes_neverThrow(@ForAll byte[] bytes) {
    check(bytes, null);
  }

  private static void check(byte[] bytes, StudyFormat format) {
    ReadResult read = StudyFiles.read(bytes, format, "fuzz");
    Result r = read.calculate();
    if (r.hasErrors()) {
      assertThat(r.totalKgCO2e()).isNull();
    } else {
      assertThat(r.totalKgCO2e()).isNotNull();
      assertThat(Double.isFinite(r.totalKgCO2e())).isTrue();
    }
    for (Finding f : r.findings()) {
      assertThat(f.message(Messages.EN)).isNotBlank().doesNotContainPattern("![a-z]+(\\.[a-zA-Z]+)+!");
      assertThat(f.message(Messages.ZH)).isNotBlank().doesNotContainPattern("![a-z]+(\\.[a-zA-Z]+)+!");
    }
    // the JSON must parse strictly: no Infinity, no NaN
    try {
      STRICT.readTree(ResultJson.toJson(r, Messages.EN));
    } catch (java.io.IOException e) {
      throw new AssertionError("result JSON does not parse: " + e.getMessage(), e);
    }
  }
}
