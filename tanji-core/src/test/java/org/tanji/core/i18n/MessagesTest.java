package org.tanji.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;

final class MessagesTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/org/tanji/core/i18n/" + name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void bundles_haveTheSameKeysAndValidPatterns() throws IOException {
    Properties en = load("messages.properties");
    Properties zh = load("messages_zh.properties");
    assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    for (Properties p : new Properties[] {en, zh}) {
      for (String key : p.stringPropertyNames()) {
        new MessageFormat(p.getProperty(key)); // throws on a malformed pattern
      }
    }
  }

  /**
   * In a message with arguments MessageFormat reads a single quote as the start of quoted text, so
   * "the study's own" would lose its apostrophe (and any placeholder after it): write it twice.
   */
  @Test
  void bundles_anApostropheInAWordIsDoubled_whereTheMessageHasArguments() throws IOException {
    for (String name : new String[] {"messages.properties", "messages_zh.properties"}) {
      Properties p = load(name);
      for (String key : p.stringPropertyNames()) {
        String v = p.getProperty(key);
        if (v.matches("(?s).*\\{\\d.*")) {
          assertThat(v).as("%s %s", name, key).doesNotContainPattern("(?<=\\p{L})'(?!')(?=\\p{L})");
        }
      }
    }
    assertThat(Messages.render(Text.of("library.shadows", "EF-1"), Messages.EN)).contains("the study's own factor");
  }

  @Test
  void render_nestedTextInBothLanguages() {
    Text t = Text.of("dim.per", Text.of("dim.co2e"), Text.of("dim.mass"));
    assertThat(t.render(Messages.EN)).isEqualTo("CO₂e mass per mass");
    assertThat(t.render(Messages.ZH)).isEqualTo("每质量的CO₂e 质量");
  }

  @Test
  void list_joinsAsAPersonWrites() {
    Object three = Text.list(java.util.List.of(Text.of("quality.part.activity"), Text.of("quality.part.calibration"), "X"));
    assertThat(Text.of("quality.missing", "Steel", three).render(Messages.EN))
        .isEqualTo("line \"Steel\" has no data-quality level for activity data, calibration and X; scored 1 point each");
    assertThat(((Text) three).render(Messages.ZH)).isEqualTo("活动数据、仪器校准和X");
    assertThat(Text.list(java.util.List.of("only"))).isEqualTo("only");
  }

  @Test
  void text_nullArgumentIsABugCaughtAtOnce() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Text.of("read.missing", (Object) null))
        .hasMessageContaining("argument 0 of text read.missing is null");
  }

  @Test
  void render_missingKeyIsLoud() {
    assertThat(Text.of("no.such.key").render(Messages.EN)).isEqualTo("!no.such.key!");
  }

  @Test
  void numbers_honestRounding() {
    assertThat(Numbers.fixed(0.13342546, 2)).isEqualTo("0.13");
    assertThat(Numbers.percent(0.8730201759)).isEqualTo("87.30 %");
    assertThat(Numbers.readable(0.00045999)).isEqualTo("0.00046");
    assertThat(Numbers.readable(2821.88227)).isEqualTo("2821.88");
    // 2000 kWh × 0.5 kg/kWh / 1000 pieces in binary: one, not "1" in the small-number format
    assertThat(Numbers.readable(0.9999999999999999)).isEqualTo("1.00");
    assertThat(Numbers.readable(0.99994)).isEqualTo("0.9999");
  }

  @Test
  void numbers_groupedInThrees() {
    assertThat(Numbers.grouped(Numbers.fixed(122992867.475, 2))).isEqualTo("122,992,867.48");
    assertThat(Numbers.grouped("-107375.25")).isEqualTo("-107,375.25");
    assertThat(Numbers.grouped("999")).isEqualTo("999");
    assertThat(Numbers.grouped("1000")).isEqualTo("1,000");
    assertThat(Numbers.grouped("0.00046")).isEqualTo("0.00046");
    assertThat(Numbers.grouped("Infinity")).isEqualTo("Infinity");
  }
}
