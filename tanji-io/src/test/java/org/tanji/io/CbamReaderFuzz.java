package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.tanji.core.cbam.CbamResult;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Study;

/**
 * Fuzzes the CBAM reader and calculation with mutated CBAM files: whatever arrives, the answer is
 * findings (and JSON that parses), never an exception.
 */
final class CbamReaderFuzz {

  private static final Study SEED;
  private static final List<String> FILES;

  static {
    try {
      SEED = StudyFiles.read(Path.of("..", "examples", "seed-003-steel-balls.yaml")).study();
      FILES = List.of(
          Files.readString(Path.of("..", "examples", "cbam", "seed-003-steel-balls.cbam.yaml")),
          Files.readString(Path.of("..", "testdata", "cbam", "steel-blast-furnace.cbam.yaml")),
          Files.readString(Path.of("..", "testdata", "cbam", "cement.cbam.yaml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper STRICT =
      new com.fasterxml.jackson.databind.ObjectMapper();

  @Provide
  Arbitrary<String> mutatedCbamFile() {
    return FuzzCorpus.mutated(FILES);
  }

  @Property(tries = 2000)
  void mutated_neverThrows(@ForAll("mutatedCbamFile") String text) throws IOException {
    CbamRead read = CbamReader.read(text.getBytes(StandardCharsets.UTF_8), "fuzz", Optional.of(SEED));
    Optional<CbamResult> r = read.compute();
    List<Finding> findings = r.map(CbamResult::findings).orElse(read.findings());
    for (Finding f : findings) {
      assertThat(f.message(Messages.EN)).isNotBlank().doesNotContainPattern("![a-z]+(\\.[a-zA-Z]+)+!");
      assertThat(f.message(Messages.ZH)).isNotBlank().doesNotContainPattern("![a-z]+(\\.[a-zA-Z]+)+!");
    }
    java.io.StringWriter w = new java.io.StringWriter();
    if (r.isPresent()) {
      CbamJson.write(r.get(), Messages.EN, w);
    } else {
      assertThat(findings).anyMatch(Finding::isError);
      CbamJson.writeUnread(findings, Messages.EN, w);
    }
    STRICT.readTree(w.toString()); // no NaN, no Infinity
  }
}
