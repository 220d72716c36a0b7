package org.tanji.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The fuzz corpus of study files: the seed examples and a minimal study, mutated. The reader's
 * fuzz test and the report's both draw from it (the report module has it through the test jar).
 */
public final class FuzzCorpus {

  private FuzzCorpus() {}

  private static final String SEED = read("seed-003-steel-balls.yaml");
  private static final String PUBLISHED = read("seed-003-as-published.yaml");
  /** No quality on a line, a stage outside the boundary, inputs lighter than the output. */
  private static final String VALVES = read("../testdata/valves-zh.yaml");
  /** A data gap, biogenic carbon, avoided emissions and offsets, cradle-to-customer. */
  private static final String BIO_COKE = read("../testdata/bio-coke-per-tonne.yaml");
  /** Stages listed as the boundary, SAR, N2O-N and CO2-C, an area as the declared unit. */
  private static final String SUNFLOWER = read("../testdata/sunflower-per-hectare.yaml");

  private static String read(String name) {
    try {
      return Files.readString(Path.of("..", "examples").resolve(name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A study file with a few random edits: characters deleted, inserted or replaced, lines swapped or dropped. */
  public static Arbitrary<String> mutatedStudies() {
    return mutated(List.of(SEED, PUBLISHED, VALVES, BIO_COKE, SUNFLOWER, Fixtures.MINIMAL));
  }

  /** Any of the given texts with a few random edits, as {@link #mutatedStudies()} makes them. */
  static Arbitrary<String> mutated(List<String> texts) {
    Arbitrary<List<int[]>> edits = Combinators.combine(
            Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 1_000_000),
            Arbitraries.integers().between(0, 15))
        .as((kind, pos, pick) -> new int[] {kind, pos, pick})
        .list().ofMinSize(1).ofMaxSize(6);
    return Combinators.combine(Arbitraries.of(texts), edits).as(FuzzCorpus::mutate);
  }

  private static final String[] INSERTS = {":", "- ", "{", "}", "[", "]", "\n", "  ", "&a ", "*a", "\"", "'",
      "４", "NaN", "-", "1e999", "/", "*", "tanji: 1\n", "---\n", "\t", "\u0000", "吨", "kwh", "#",
      "1e-310", "0", "false", "\u00a0", "!!binary ", "- oops\n", "piece", "coproducts: [{output: 5 个}]\n",
      "allocation: mass\n", "boundary: gate-to-gate\n", "boundary: [use]\n", "gwp: {N2O: 0}\n", "N2O-N",
      "claimedShare: 200 %\n", "avoided: x=1 t\n", "%"};

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
        case 4 -> {
          // a whole line dropped: a key left out (period, boundary …) still reads as a study
          List<String> lines = new ArrayList<>(List.of(b.toString().split("\n", -1)));
          lines.remove(pos % lines.size());
          b = new StringBuilder(String.join("\n", lines));
        }
        default -> b.setLength(pos); // truncated file
      }
    }
    return b.toString();
  }
}
