package org.tanji.io.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tanji.core.cbam.CbamInput;
import org.tanji.core.cbam.CbamResult;
import org.tanji.core.cbam.Good;
import org.tanji.io.CbamRead;
import org.tanji.io.CbamReader;
import org.tanji.io.xlsx.CbamTemplate.Entry;

/**
 * The mapping of the steel worked example to template cells, checked against the input cells of
 * the Commission's filled example ("2 CBAM SEE V2.1_Example Steel 1 Blast furnace_final.xlsx").
 */
final class CbamEntriesTest {

  private static CbamEntries steel(java.util.function.UnaryOperator<CbamInput> change) throws Exception {
    CbamRead read = CbamReader.read(Path.of("..", "testdata", "cbam", "steel-blast-furnace.cbam.yaml"));
    CbamInput input = change.apply(read.input().orElseThrow());
    CbamResult result = org.tanji.core.cbam.Cbam.compute(input);
    return CbamEntries.of(input, result);
  }

  private static Optional<Object> value(CbamEntries e, String cell) {
    return e.entries().stream().filter(x -> x.cell().at(x.index(), x.part()).formatAsString().equals(cell))
        .map(Entry::value).findFirst();
  }

  @Test
  void of_steelExampleAsTheCommissionFilledIt() throws Exception {
    CbamEntries e = steel(in -> in);
    assertThat(e.findings()).isEmpty();
    assertThat(value(e, "B_EmInst!D17")).contains("Mass Balance");
    assertThat(value(e, "B_EmInst!E17")).contains("Coke fines");
    assertThat(value(e, "B_EmInst!F17")).contains(50000.0);
    assertThat(value(e, "B_EmInst!G17")).contains("t");
    assertThat(value(e, "B_EmInst!L17")).contains(0.88);
    assertThat((Double) value(e, "B_EmInst!R20").orElseThrow()).isEqualTo(16.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(value(e, "B_EmInst!F26")).contains(-4800000.0);
    assertThat(value(e, "A_InstData!E83")).contains("Iron or steel products");
    assertThat(value(e, "A_InstData!L83")).contains("Bubble approach");
    assertThat(value(e, "D_Processes!L16")).contains(4800000.0);
    assertThat(value(e, "D_Processes!L27")).contains(4800000.0);
    assertThat(value(e, "D_Processes!L50")).contains(true);
    assertThat(value(e, "D_Processes!K50")).contains(false);
    assertThat(value(e, "D_Processes!M61")).contains(12800.0);
    assertThat(value(e, "D_Processes!L65")).contains(1658844.0);
    assertThat(value(e, "D_Processes!L66")).contains(0.589);
    assertThat(value(e, "D_Processes!L67")).contains("Mix");
    assertThat(value(e, "Summary_Products!D10")).contains("Bubble approach");
    assertThat(value(e, "Summary_Products!F13")).contains("73021028");
    assertThat(value(e, "Summary_Products!P10")).contains("Coal or coke");
    assertThat(value(e, "Summary_Products!Q10")).contains(623108.0);
    assertThat(value(e, "Summary_Products!AR10")).contains(30.0);
    assertThat(value(e, "Summary_Products!AX10")).contains(25.0);
    // D_Processes L54, DirEm*: the example links it to C_Emissions&Energy H32, 7,866,044.47 t
    assertThat((Double) value(e, "D_Processes!L54").orElseThrow())
        .isEqualTo(7866044.46987776, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void of_scrapPerTonneByCategory() throws Exception {
    CbamEntries e = steel(in -> new CbamInput(in.installation(), in.sourceStreams(), in.processes(),
        in.purchasedPrecursors(), List.of(
            new Good("7208 10 00", "coil", "bubble", Map.of("scrapPerTonne", "0.12", "clinkerFactor", "0.7"), null,
                "goods[0]"),
            new Good("7601 10 10", "ingot", "bubble", Map.of("scrapPerTonne", "0.3"), null, "goods[1]"))));
    assertThat(value(e, "Summary_Products!W10")).contains(0.12);
    assertThat(value(e, "Summary_Products!AB10")).contains(0.7);
    assertThat(value(e, "Summary_Products!Z11")).contains(0.3);
    assertThat(value(e, "Summary_Products!W11")).isEmpty();
  }
}
