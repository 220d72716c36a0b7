package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which package of the server may import which (docs/server.md, "Layers"): read from the sources,
 * so that a shortcut through the layers fails the build instead of waiting for a review.
 */
final class LayersTest {

  private static final Path MAIN = Path.of("src/main/java/org/tanji/server");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?org\\.tanji\\.server\\.(\\w+)");
  private static final Pattern QUALIFIED = Pattern.compile("org\\.tanji\\.server\\.(\\w+)\\.[A-Z]");

  /** Package → the server packages it may use. The root package is the wiring: it may use all. */
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "domain", Set.of(),
      "store", Set.of("domain"),
      "app", Set.of("domain", "store"),
      "adapter", Set.of("domain", "app"),
      "http", Set.of("domain", "app", "adapter"),
      "web", Set.of("domain", "app", "adapter"),
      "verify", Set.of("domain", "app", "adapter"),
      "pact", Set.of("domain", "app", "adapter"));

  @Test
  void everyPackageUsesOnlyTheLayersBelowIt() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
      try (Stream<Path> files = Files.walk(MAIN.resolve(e.getKey()))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String source = Files.readString(f);
          for (Pattern p : List.of(IMPORT, QUALIFIED)) {
            Matcher m = p.matcher(source);
            while (m.find()) {
              String used = m.group(1);
              if (!used.equals(e.getKey()) && !e.getValue().contains(used)) {
                violations.add(f.getFileName() + " (" + e.getKey() + ") uses " + used);
              }
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void theRulesCoverEveryPackage() throws IOException {
    try (Stream<Path> dirs = Files.list(MAIN)) {
      assertThat(dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }
  }
}
