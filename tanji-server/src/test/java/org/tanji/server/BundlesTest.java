package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's words (API messages and the pages'): both languages, patterns MessageFormat can read. */
final class BundlesTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = BundlesTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {"/org/tanji/server/messages", "/org/tanji/server/web/ui"})
  void bundle_sameKeysInBothLanguages_patternsReadable_apostrophesDoubledBesideArguments(String base)
      throws IOException {
    Properties en = load(base + ".properties");
    Properties zh = load(base + "_zh.properties");
    assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    for (Properties p : new Properties[] {en, zh}) {
      for (String key : p.stringPropertyNames()) {
        String v = p.getProperty(key);
        new MessageFormat(v); // throws on a malformed pattern
        if (v.matches("(?s).*\\{\\d.*")) {
          // a single quote starts quoted text there: "the partner's host" would lose its apostrophe
          assertThat(v).as("%s %s", base, key).doesNotContainPattern("(?<=\\p{L})'(?!')(?=\\p{L})");
        }
      }
    }
  }
}
