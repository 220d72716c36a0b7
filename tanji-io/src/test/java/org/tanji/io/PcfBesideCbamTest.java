package org.tanji.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanji.core.calc.Calculator;
import org.tanji.core.calc.Result;
import org.tanji.core.cbam.CbamResult;
import org.tanji.core.cbam.PcfBesideCbam;
import org.tanji.core.cbam.PcfBesideCbam.Kind;
import org.tanji.core.cbam.PcfBesideCbam.Step;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Study;

/**
 * Seed 003's footprint beside its CBAM figures, with a supplier SEE of 2.0 tCO2e/t for the round
 * steel: every figure below is the seed report's amounts times a factor, over 43,585.4 t of balls.
 */
final class PcfBesideCbamTest {

  private static final double BALLS = 43_585.4;

  @TempDir
  Path dir;

  /** Seed 003's CBAM file with the round steel's SEE given as {@code see} and goods appended. */
  private List<PcfBesideCbam> seed003Goods(String see, String moreGoods) throws Exception {
    Path study = Path.of("..", "examples", "seed-003-steel-balls.yaml").toAbsolutePath().normalize();
    String text = Files.readString(Path.of("..", "examples", "cbam", "seed-003-steel-balls.cbam.yaml"))
        .replace("study: ../seed-003-steel-balls.yaml", "study: " + study)
        .replace("    country: CN\n", "    country: CN\n" + see) + moreGoods;
    Path file = dir.resolve("seed.cbam.yaml");
    Files.writeString(file, text);
    CbamRead read = CbamReader.read(file);
    CbamResult cbam = read.compute().orElseThrow();
    Study s = read.study().orElseThrow();
    Result pcf = Calculator.calculate(s, List.of());
    return PcfBesideCbam.ofGoods(s, pcf, read.input().orElseThrow(), cbam);
  }

  private PcfBesideCbam seed003(String see) throws Exception {
    return seed003Goods(see, "").get(0);
  }

  private static Step step(PcfBesideCbam b, Kind kind) {
    return b.steps().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
  }

  @Test
  void of_seed003WithSupplierSee() throws Exception {
    PcfBesideCbam b = seed003("    see: {direct: 1.9 tCO2e/t, indirect: 0.1 tCO2e/t, source: supplier}\n");
    assertThat(b.cn()).isEqualTo("7326 11 00");
    assertThat(b.pcf()).isCloseTo(2.82188, within(5e-6)); // the seed report's 2,821.88 kgCO2e/t
    Step electricity = step(b, Kind.ELECTRICITY);
    assertThat(electricity.name()).isEqualTo("电力");
    assertThat(electricity.pcf()).isCloseTo(19_613_430 * 0.6205 / 1000 / BALLS, within(1e-6));
    assertThat(electricity.cbam().getAsDouble()).isCloseTo(19_613_430 * 0.6191 / 1000 / BALLS, within(1e-9));
    assertThat(electricity.why().render(Locale.ENGLISH)).contains("0.6205 kgCO2e/kWh", "0.6191 kgCO2/kWh");
    Step steel = step(b, Kind.PRECURSOR);
    assertThat(steel.name()).isEqualTo("圆钢");
    assertThat(steel.pcf()).isCloseTo(44_369.94 * 2.42 / BALLS, within(1e-6));
    assertThat(steel.cbam().getAsDouble()).isCloseTo(44_369.94 * 2.0 / BALLS, within(1e-9));
    assertThat(steel.why().render(Locale.ENGLISH)).contains("2.420 tCO2e per t", "2.000 tCO2e/t");
    assertThat(step(b, Kind.TRANSPORT).name()).isEqualTo("圆钢运输");
    assertThat(step(b, Kind.TRANSPORT).cbam().getAsDouble()).isZero();
    assertThat(step(b, Kind.PACKAGING).name()).isEqualTo("吨袋");
    assertThat(step(b, Kind.DIRECT).pcf()).isZero(); // the study books no fuel
    assertThat(step(b, Kind.DIRECT).cbam().getAsDouble()).isZero();
    // every line once: the steps add up to the footprint, and the differences to SEE − PCF
    assertThat(b.steps().stream().mapToDouble(Step::pcf).sum()).isCloseTo(b.pcf(), within(1e-9));
    assertThat(b.see().getAsDouble())
        .isCloseTo((19_613_430 * 0.6191 / 1000 + 44_369.94 * 2.0) / BALLS, within(1e-9));
    assertThat(b.rest().getAsDouble()).isCloseTo(0, within(1e-9));
    assertThat(b.shownRest()).isEmpty(); // nothing to add under the total
    assertThat(Messages.render(steel.why(), Locale.CHINESE)).contains("2.420", "2.000");
  }

  @Test
  void of_seed003WithoutSee_leavesTheCbamSideOpen() throws Exception {
    PcfBesideCbam b = seed003("");
    assertThat(b.see()).isEmpty();
    assertThat(step(b, Kind.PRECURSOR).cbam()).isEmpty();
    assertThat(step(b, Kind.PRECURSOR).why().render(Locale.ENGLISH)).contains("not known yet");
    assertThat(b.rest()).isEmpty();
    assertThat(b.difference()).isEmpty();
  }

  @Test
  void ofGoods_everyGoodInTheFilesOrder() throws Exception {
    // closed-die forged articles made in the same forging shop, listed after the balls
    List<PcfBesideCbam> goods = seed003Goods("", "  - cn: 7326 19 90\n    name: 锻件\n    process: forging\n");
    assertThat(goods).extracting(PcfBesideCbam::cn).containsExactly("7326 11 00", "7326 19 90");
    // one study, one footprint per t beside each: the seed report's 2,821.88 kgCO2e/t
    assertThat(goods).allSatisfy(b -> assertThat(b.pcf()).isCloseTo(2.82188, within(5e-6)));
  }
}
