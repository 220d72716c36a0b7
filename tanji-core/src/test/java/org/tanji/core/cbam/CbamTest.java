package org.tanji.core.cbam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.tanji.core.cbam.ProductionProcess.EnergyFlow;
import org.tanji.core.cbam.ProductionProcess.PrecursorUse;
import org.tanji.core.cbam.SourceStream.Method;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Period;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.Units;

/**
 * The calculation on inputs whose results can be checked by hand, and on the Commission's steel
 * worked example (template V2.1, "Example Steel 1 Blast furnace"), built in code; the transcribed
 * files of both worked examples are read in tanji-io's test.
 */
final class CbamTest {

  private static final Installation Y2023 = new Installation("Example", null, null, "China", null, null, null,
      new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)));

  private static Quantity q(String text) {
    return Units.parseQuantity(text);
  }

  private static SourceStream massBalance(String name, String amount, double carbon, double biomass) {
    return new SourceStream(name, Method.MASS_BALANCE, null, q(amount), null, null, 1, 1, carbon, biomass, null,
        "sourceStreams[0]");
  }

  private static ProductionProcess process(String id, GoodsCategory category, String production, String electricity,
      String factor, List<PrecursorUse> uses) {
    return new ProductionProcess(id, id, category, q(production), null, null, null, null,
        electricity == null ? null : q(electricity), factor == null ? null : q(factor), "Mix", null, uses,
        "processes[0]");
  }

  /** As the template prints a figure with the number format {@code 0.000}. */
  static String printed(OptionalDouble v) {
    return BigDecimal.valueOf(v.getAsDouble()).setScale(3, RoundingMode.HALF_UP).toPlainString();
  }

  @Test
  void compute_steelWorkedExample() {
    // B_EmInst rows 17–27: mass balance, AD × C × 3.664 × (1 − biomass)
    List<SourceStream> streams = List.of(
        massBalance("Coke fines", "50000 t", 0.88, 0),
        massBalance("Iron ores", "5600000 t", 0.00023, 0),
        massBalance("Coke", "2200000 t", 0.88, 0),
        massBalance("Plastic wastes", "70000 t", 0.683571530119101, 0.16),
        massBalance("Scrap (external)", "800000 t", 0.0021, 0),
        massBalance("Scrap (internal)", "200000 t", 0.0018, 0),
        massBalance("Lime calcined", "280000 t", 0.0027292576419214, 0),
        massBalance("Natural gas", "170000 t", 0.75, 0),
        massBalance("Other inputs", "40000 t", 0.1, 0),
        massBalance("Steel", "-4800000 t", 0.0018, 0),
        massBalance("Slags", "-1000000 t", 0.0003, 0));
    ProductionProcess bubble = new ProductionProcess("bubble", "Bubble approach",
        GoodsCategory.IRON_OR_STEEL_PRODUCTS, q("4800000 t"), null, null, q("0 TJ"), q("12800 TJ"),
        q("1658844 MWh"), q("0.589 tCO2/MWh"), "Mix", null, List.of(), "processes[0]");
    Good good = new Good("7208 10 00", "Example name A", "bubble", Map.of(), null, "goods[0]");
    CbamResult r = Cbam.compute(new CbamInput(Y2023, streams, List.of(bubble), List.of(), List.of(good)));

    assertThat(r.findings()).isEmpty();
    // C_Emissions&Energy H25 and I25
    assertThat(r.directEmissions()).isCloseTo(7866044.46987776, within(1e-6));
    assertThat(r.biomassEmissions()).isCloseTo(28051.5881671915, within(1e-6));
    CbamResult.ProcessResult p = r.processes().get(0);
    // D_Processes T62: −12800 TJ × 56.1 × 0.667
    assertThat(p.wasteGases()).isCloseTo(-478959.36, within(1e-6));
    // Summary_Processes K71 and L71
    assertThat(p.attributedDirect()).isCloseTo(7387085.10987776, within(1e-6));
    assertThat(p.attributedIndirect().getAsDouble()).isCloseTo(977059.116, within(1e-6));
    CbamResult.GoodResult g = r.goods().get(0);
    // Summary_Communication I26, J26, K26, O26 as printed
    assertThat(printed(g.seeDirect())).isEqualTo("1.539");
    assertThat(printed(g.seeIndirect())).isEqualTo("0.204");
    assertThat(printed(g.seeTotal())).isEqualTo("1.743");
    assertThat(printed(g.embeddedElectricity())).isEqualTo("0.346");
    assertThat(g.defaultShare().getAsDouble()).isZero();
    assertThat(g.category()).contains(GoodsCategory.IRON_OR_STEEL_PRODUCTS);
  }

  @Test
  void compute_combustionAndProcessStreams() {
    // 100 t × 40 GJ/t × 75 tCO2/TJ × 0.99 = 297 t, of which 10 % biomass: 267.3 fossil, 29.7 biomass;
    // 200 t × 0.5 tCO2/t × 0.9 conversion = 90 t
    SourceStream oil = new SourceStream("oil", Method.COMBUSTION, null, q("100 t"), q("40 GJ/t"), q("75 tCO2/TJ"),
        0.99, 1, 0, 0.1, null, "sourceStreams[0]");
    SourceStream lime = new SourceStream("limestone", Method.PROCESS, null, q("200 t"), null, q("0.5 tCO2/t"), 1,
        0.9, 0, 0, null, "sourceStreams[1]");
    ProductionProcess p = process("kiln", GoodsCategory.CEMENT_CLINKER, "1000 t", null, null, List.of());
    CbamResult r = Cbam.compute(new CbamInput(Y2023, List.of(oil, lime), List.of(p), List.of(), List.of()));
    assertThat(r.sourceStreams().get(0).fossil()).isCloseTo(267.3, within(1e-9));
    assertThat(r.sourceStreams().get(0).biomass()).isCloseTo(29.7, within(1e-9));
    assertThat(r.sourceStreams().get(0).energy().getAsDouble()).isCloseTo(4.0, within(1e-12)); // 4000 GJ
    assertThat(r.sourceStreams().get(1).fossil()).isCloseTo(90, within(1e-9));
    // (267.3 + 90) t / 1000 t
    assertThat(r.processes().get(0).seeDirect().getAsDouble()).isCloseTo(0.3573, within(1e-12));
  }

  @Test
  void compute_precursorsAcrossProcessesAndDefaultShare() {
    // steel: 100 t from 110 t of own billets and 20 t bought bars; billets: 200 t, 300 t CO2, 400 MWh × 0.5
    // billets SE = 1.5 direct, 1.0 indirect, 2 MWh/t; bars (default) 2.0 direct, 0.3 indirect, 0.5 MWh/t
    // steel direct: (50 t own)/100 + 1.1 × 1.5 + 0.2 × 2.0 = 0.5 + 1.65 + 0.4 = 2.55
    // steel indirect: 0 + 1.1 × 1.0 + 0.2 × 0.3 = 1.16; electricity 0 + 2.2 + 0.1 = 2.3 MWh/t
    // default share: 0.4 / 2.55
    SourceStream own = new SourceStream("gas", Method.PROCESS, "steel", q("50 t"), null, q("1 tCO2/t"), 1, 1, 0, 0,
        null, "sourceStreams[0]");
    SourceStream billetGas = new SourceStream("coke", Method.PROCESS, "billets", q("300 t"), null, q("1 tCO2/t"), 1,
        1, 0, 0, null, "sourceStreams[1]");
    ProductionProcess billets = process("billets", GoodsCategory.CRUDE_STEEL, "200 t", "400 MWh", "0.5 tCO2/MWh",
        List.of());
    ProductionProcess steel = process("steel", GoodsCategory.IRON_OR_STEEL_PRODUCTS, "100 t", null, null,
        List.of(new PrecursorUse("billets", q("110 t"), "processes[1].precursors[0]"),
            new PrecursorUse("bars", q("20 t"), "processes[1].precursors[1]")));
    PurchasedPrecursor bars = new PurchasedPrecursor("bars", "bars", GoodsCategory.IRON_OR_STEEL_PRODUCTS, "CN",
        q("2.0 tCO2e/t"), q("0.3 tCO2e/t"), q("0.5 MWh/t"), true, "default", "purchasedPrecursors[0]");
    Good balls = new Good("73261100", "balls", "steel", Map.of(), null, "goods[0]");
    CbamResult r = Cbam.compute(new CbamInput(Y2023, List.of(own, billetGas), List.of(billets, steel),
        List.of(bars), List.of(balls)));
    CbamResult.GoodResult g = r.goods().get(0);
    assertThat(g.seeDirect().getAsDouble()).isCloseTo(2.55, within(1e-12));
    assertThat(g.seeIndirect().getAsDouble()).isCloseTo(1.16, within(1e-12));
    assertThat(g.embeddedElectricity().getAsDouble()).isCloseTo(2.3, within(1e-12));
    assertThat(g.defaultShare().getAsDouble()).isCloseTo(0.4 / 2.55, within(1e-12));
    assertThat(r.findings()).extracting(Finding::code).containsExactly(Cbam.DEFAULT_VALUE);
  }

  @Test
  void compute_precursorWithoutSee() {
    ProductionProcess steel = process("steel", GoodsCategory.IRON_OR_STEEL_PRODUCTS, "100 t", "10 MWh",
        "0.5 tCO2/MWh", List.of(new PrecursorUse("bars", q("105 t"), "processes[0].precursors[0]")));
    PurchasedPrecursor bars = new PurchasedPrecursor("bars", "bars", GoodsCategory.IRON_OR_STEEL_PRODUCTS, "CN",
        null, null, null, false, null, "purchasedPrecursors[0]");
    CbamResult r = Cbam.compute(new CbamInput(Y2023, List.of(), List.of(steel), List.of(bars),
        List.of(new Good("73261100", "balls", "steel", Map.of(), null, "goods[0]"))));
    assertThat(r.findings()).extracting(Finding::code, Finding::where)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Cbam.PRECURSOR_SEE_MISSING, "purchasedPrecursors[0].see"));
    // the process's own figures stand; what depends on the bars is left empty, not zero
    assertThat(r.processes().get(0).seIndirect().getAsDouble()).isCloseTo(0.05, within(1e-12));
    assertThat(r.goods().get(0).seeDirect()).isEmpty();
    assertThat(r.goods().get(0).seeTotal()).isEmpty();
  }

  @Test
  void compute_badInputFindings() {
    SourceStream wrongUnit = new SourceStream("coal", Method.COMBUSTION, null, q("100 t"), null, q("2 tCO2/km"), 1,
        1, 0, 0, null, "sourceStreams[0]");
    ProductionProcess p = process("p", GoodsCategory.IRON_OR_STEEL_PRODUCTS, "100 t", "10 MWh", null, List.of());
    Installation fiscal = new Installation("x", null, null, null, null, null, null,
        new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)));
    Good notCbam = new Good("8481 80 81", "valves", "p", Map.of(), null, "goods[0]");
    CbamResult r = Cbam.compute(new CbamInput(fiscal, List.of(wrongUnit), List.of(p), List.of(), List.of(notCbam)));
    List<String> codes = new ArrayList<>(r.findings().stream().map(Finding::code).toList());
    assertThat(codes).containsExactlyInAnyOrder(Cbam.PERIOD_NOT_CALENDAR_YEAR, Cbam.UNIT_MISMATCH,
        Cbam.ELECTRICITY_FACTOR_MISSING, Cbam.NOT_CBAM_GOOD);
    assertThat(r.findings()).filteredOn(f -> f.code().equals(Cbam.UNIT_MISMATCH)).extracting(Finding::where)
        .containsExactly("sourceStreams[0].factor");
    assertThat(r.goods().get(0).seeIndirect()).isEmpty();
  }

  @Test
  void invert_singularIsEmpty() {
    assertThat(Cbam.invert(new double[][] {{1, -1}, {-1, 1}})).isEmpty();
    assertThat(Cbam.invert(new double[][] {{2, 0}, {0, 4}}).orElseThrow()[1][1]).isEqualTo(0.25);
  }
}
