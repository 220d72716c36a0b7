package org.tanji.core.cbam;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.tanji.core.calc.LineResult;
import org.tanji.core.calc.Result;
import org.tanji.core.i18n.Numbers;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Activity;
import org.tanji.core.model.Finding;
import org.tanji.core.model.InventoryLine;
import org.tanji.core.model.Stage;
import org.tanji.core.model.Study;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.Unit;
import org.tanji.core.units.Units;

/**
 * A good's product carbon footprint (cradle to gate, all gases) beside its CBAM specific embedded
 * emissions (installation and precursors, CO₂), both per t of the good, and the difference taken
 * apart line by line from the two sets of data.
 *
 * <p>A line of the PCF study belongs to a CBAM item when the CBAM file takes that item's amount
 * from the line ({@code {from: inventory/…}}), which makes the two amounts the same quantity: the
 * electricity of the good's process, and each precursor it consumes. The study's other production
 * lines stand against the process's direct emissions; transport, packaging, other materials and
 * later stages have no counterpart in CBAM.
 *
 * @param cn the good's CN code as written
 * @param pcf the footprint per t of product (t CO₂e/t), cradle to gate
 * @param see the good's SEE, direct plus indirect (t CO₂e/t); empty when CBAM could not compute it
 * @param steps every line of the study and every CBAM item, once
 */
public record PcfBesideCbam(String cn, double pcf, OptionalDouble see, List<Step> steps) {

  /** Why a step differs between the two. */
  public enum Kind {
    TRANSPORT, PACKAGING, OTHER_MATERIAL, OTHER_STAGE, ELECTRICITY, PRECURSOR, DIRECT;

    /** The kind's name for people ("Transport", "运输"), the same in the report and the pages. */
    public Text label() {
      return Text.of("cbam.beside.kind." + name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /**
   * One step: what the footprint counts for a line and what CBAM counts for it, per t of the good.
   *
   * @param name the inventory line's name (for direct emissions, the names of the lines counted); for
   *     a CBAM item the study has no line for, the precursor's id, or "" for electricity or direct
   *     emissions
   * @param pcf the line's share of the footprint (t CO₂e/t)
   * @param cbam what CBAM counts for it (t CO₂e/t); 0 outside CBAM's boundary, empty when unknown
   * @param why the explanation, with the factors of both sides where they differ
   */
  public record Step(Kind kind, String name, double pcf, OptionalDouble cbam, Text why) {
    public Step {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(cbam, "cbam");
      Objects.requireNonNull(why, "why");
    }

    /** CBAM minus PCF (t CO₂e/t); empty when the CBAM side is unknown. */
    public OptionalDouble difference() {
      return cbam.isPresent() ? OptionalDouble.of(cbam.getAsDouble() - pcf) : OptionalDouble.empty();
    }

    /**
     * The line's name as the report and the pages show it: a step the study has no line for (the
     * electricity CBAM counts, direct emissions of a study that books no fuel) is called by its kind
     * ("Electricity", "电力").
     */
    public String shownName(java.util.Locale locale) {
      return name.isEmpty() ? kind.label().render(locale) : name;
    }
  }

  private static final Unit TONNE = Units.unit("t");
  private static final Unit KWH = Units.unit("kWh");

  public PcfBesideCbam {
    Objects.requireNonNull(cn, "cn");
    Objects.requireNonNull(see, "see");
    steps = List.copyOf(steps);
  }

  /**
   * Whether a CBAM result can stand beside a footprint: it has no errors but a precursor's SEE not
   * known yet, which the comparison shows as unknown. Any other error (a unit that does not fit, a
   * period that is not a calendar year …) leaves its figures unfit to print beside a footprint.
   */
  public static boolean comparable(CbamResult cbam) {
    return cbam.findings().stream().filter(Finding::isError).allMatch(f -> f.code().equals(Cbam.PRECURSOR_SEE_MISSING));
  }

  /**
   * The comparison for every good of a CBAM file that {@link #of} compares, in the file's order: what
   * the report's CBAM section, the page and {@code tanji cbam --report} show.
   */
  public static List<PcfBesideCbam> ofGoods(Study study, Result pcf, CbamInput input, CbamResult cbam) {
    List<PcfBesideCbam> out = new ArrayList<>();
    for (int g = 0; g < input.goods().size(); g++) {
      of(study, pcf, input, cbam, g).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  /**
   * The comparison for the {@code good}-th good of a CBAM file, or empty when the result is not
   * {@link #comparable}, the footprint has no figure per kg (the product's mass is unknown) or the
   * good names no process of the file.
   */
  public static Optional<PcfBesideCbam> of(Study study, Result pcf, CbamInput input, CbamResult cbam, int good) {
    if (!comparable(cbam)) {
      return Optional.empty();
    }
    Good g = input.goods().get(good);
    Optional<ProductionProcess> named = input.process(g.process());
    Optional<CbamResult.ProcessResult> computed = cbam.process(g.process());
    if (pcf.perKgKgCO2e() == null || pcf.totalKgCO2e() == null || named.isEmpty() || computed.isEmpty()) {
      return Optional.empty();
    }
    ProductionProcess process = named.get();
    CbamResult.ProcessResult pr = computed.get();
    double perT = pcf.perKgKgCO2e(); // kg per kg is t per t
    double scale = pcf.totalKgCO2e() == 0 ? 0 : perT / pcf.totalKgCO2e();
    double production = pr.production();
    Set<Integer> used = new HashSet<>();
    List<Step> steps = new ArrayList<>();

    if (process.electricity() != null) {
      int line = lineWith(study, process.electricity(), used);
      double linePcf = line < 0 ? 0 : lineShare(study, pcf, line, scale);
      // both factors per kWh: the study's (its line over its amount) and the CBAM file's
      Text why = line < 0 || process.electricityFactor() == null ? Text.of("cbam.beside.why.electricityNoLine")
          : Text.of("cbam.beside.why.electricity",
              Numbers.fixed(lineKg(study, pcf, line) / process.electricity().in(KWH), 4),
              Numbers.fixed(process.electricityFactor().inBase() * KWH.scale(), 4));
      steps.add(new Step(Kind.ELECTRICITY, line < 0 ? "" : study.inventory().get(line).name(), linePcf,
          pr.seIndirect(), why));
    }
    for (ProductionProcess.PrecursorUse use : process.precursors()) {
      int line = lineWith(study, use.amount(), used);
      double linePcf = line < 0 ? 0 : lineShare(study, pcf, line, scale);
      double tonnes = use.amount().in(TONNE);
      OptionalDouble see = precursorSee(input, cbam, use.precursor());
      OptionalDouble cbamShare = see.isPresent() ? OptionalDouble.of(see.getAsDouble() * tonnes / production)
          : OptionalDouble.empty();
      String lcaFactor = line < 0 ? "—" : Numbers.fixed(lineKg(study, pcf, line) / TONNE.scale() / tonnes, 3);
      Text why = see.isPresent() ? Text.of("cbam.beside.why.precursor", lcaFactor, Numbers.fixed(see.getAsDouble(), 3))
          : Text.of("cbam.beside.why.precursorUnknown", lcaFactor);
      steps.add(new Step(Kind.PRECURSOR, line < 0 ? use.precursor() : study.inventory().get(line).name(), linePcf,
          cbamShare, why));
    }
    // the production lines left over are the plant's own fuels and processes: CBAM's direct emissions
    List<String> names = new ArrayList<>();
    double direct = 0;
    for (int i = 0; i < study.inventory().size(); i++) {
      InventoryLine l = study.inventory().get(i);
      if (!used.contains(i) && l.stage() == Stage.PRODUCTION) {
        used.add(i);
        names.add(l.name());
        direct += lineShare(study, pcf, i, scale);
      }
    }
    steps.add(new Step(Kind.DIRECT, String.join(", ", names), direct, OptionalDouble.of(pr.seDirect()),
        Text.of("cbam.beside.why.direct")));
    for (int i = 0; i < study.inventory().size(); i++) {
      if (used.contains(i)) {
        continue;
      }
      InventoryLine l = study.inventory().get(i);
      Kind kind = switch (l.stage()) {
        case TRANSPORT, DISTRIBUTION -> Kind.TRANSPORT;
        case PACKAGING -> Kind.PACKAGING;
        case RAW_MATERIALS -> Kind.OTHER_MATERIAL;
        default -> Kind.OTHER_STAGE;
      };
      steps.add(new Step(kind, l.name(), lineShare(study, pcf, i, scale), OptionalDouble.of(0),
          Text.of("cbam.beside.why." + kind.name().toLowerCase(java.util.Locale.ROOT))));
    }
    return Optional.of(new PcfBesideCbam(g.cn(), perT, cbam.goods().get(good).seeTotal(), steps));
  }

  /** CBAM minus the footprint (t CO₂e/t); empty when the SEE is unknown. */
  public OptionalDouble difference() {
    return see.isPresent() ? OptionalDouble.of(see.getAsDouble() - pcf) : OptionalDouble.empty();
  }

  /**
   * What the steps do not explain, only when it shows as the template prints figures (not 0.000):
   * the row a table adds under its total, or none.
   */
  public OptionalDouble shownRest() {
    OptionalDouble r = rest();
    return r.isPresent() && Math.abs(r.getAsDouble()) >= 0.0005 ? r : OptionalDouble.empty();
  }

  /** What the steps do not explain: SEE − PCF − Σ differences; empty when a CBAM figure is unknown. */
  public OptionalDouble rest() {
    if (see.isEmpty() || steps.stream().anyMatch(s -> s.cbam().isEmpty())) {
      return OptionalDouble.empty();
    }
    double explained = steps.stream().mapToDouble(s -> s.difference().getAsDouble()).sum();
    return OptionalDouble.of(see.getAsDouble() - pcf - explained);
  }

  /** The first unused inventory line whose amount is the given quantity (taken from it by reference). */
  private static int lineWith(Study study, Quantity amount, Set<Integer> used) {
    for (int i = 0; i < study.inventory().size(); i++) {
      if (!used.contains(i) && study.inventory().get(i).activity() instanceof Activity.Amount a
          && a.amount().equals(amount)) {
        used.add(i);
        return i;
      }
    }
    return -1;
  }

  /** The emissions the footprint gives the study's {@code line}-th inventory line (kg CO₂e). */
  private static double lineKg(Study study, Result pcf, int line) {
    int index = study.inventory().get(line).index();
    return pcf.lines().stream().filter(r -> r.index() == index).mapToDouble(LineResult::kgCO2e).sum();
  }

  private static double lineShare(Study study, Result pcf, int line, double scale) {
    return lineKg(study, pcf, line) * scale;
  }

  /** SEE direct plus indirect of a precursor (t CO₂e/t): a purchased one's as given, an own process's as computed. */
  private static OptionalDouble precursorSee(CbamInput input, CbamResult cbam, String id) {
    for (PurchasedPrecursor pp : input.purchasedPrecursors()) {
      if (pp.id().equals(id)) {
        return pp.seeDirect() == null || pp.seeIndirect() == null ? OptionalDouble.empty()
            : OptionalDouble.of(pp.seeDirect().inBase() + pp.seeIndirect().inBase());
      }
    }
    return cbam.process(id).filter(r -> r.seeDirect().isPresent() && r.seeIndirect().isPresent())
        .map(r -> OptionalDouble.of(r.seeDirect().getAsDouble() + r.seeIndirect().getAsDouble()))
        .orElse(OptionalDouble.empty());
  }
}
