package org.tanji.io.pact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tanji.core.calc.BesideFigures;
import org.tanji.core.calc.Footprint;
import org.tanji.core.calc.LineResult;
import org.tanji.core.calc.Result;
import org.tanji.core.calc.StageResult;
import org.tanji.core.i18n.Messages;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Activity;
import org.tanji.core.model.CustomsCode;
import org.tanji.core.model.Factor;
import org.tanji.core.model.FactorType;
import org.tanji.core.model.Finding;
import org.tanji.core.model.GwpSet;
import org.tanji.core.model.InventoryLine;
import org.tanji.core.model.Organization;
import org.tanji.core.model.Period;
import org.tanji.core.model.Product;
import org.tanji.core.model.Stage;
import org.tanji.core.model.Study;
import org.tanji.core.quality.Scoring;
import org.tanji.core.units.Dimension;
import org.tanji.core.units.Quantity;

/**
 * A computed study as a PACT v3 ProductFootprint (WBCSD PACT Technical Specifications 3.0.3), the
 * format customers fetch supplier footprints in.
 *
 * <p>Call {@link #footprint(Study, Result, PactIssue)} with the study, the result the calculator
 * made of it (for an issued version: the stored result, never a recomputed one) and a
 * {@link PactIssue}: for a version that is not issued {@code PactIssue.draft(PactIssue.idOf(owner,
 * study, version), now)}, for an issued one {@code PactIssue.issued(id, verification)} with the
 * issue's time, report number, verification address and signer. The answer holds the footprint
 * as a Jackson tree (write it with any {@code ObjectMapper}) and the findings: errors when a field
 * PACT requires cannot be filled from the study (then there is no footprint; each error names the
 * study key to give), warnings for what was written in place of what the study does not say.
 * {@code docs/pact.md} maps every field.
 */
public final class PactExport {

  /** The version of the PACT Technical Specifications the footprints follow. */
  public static final String SPEC_VERSION = "3.0.3";

  private PactExport() {}

  /**
   * A footprint, or the reasons there is none.
   *
   * @param footprint the ProductFootprint; empty when a finding is an error
   * @param findings what could not be filled (errors) or was filled with a stated assumption (warnings)
   */
  public record Exported(Optional<ObjectNode> footprint, List<Finding> findings) {
    public Exported {
      findings = List.copyOf(findings);
      if (footprint.isPresent() == findings.stream().anyMatch(Finding::isError)) {
        throw new IllegalArgumentException("a footprint goes with no errors, and errors with no footprint");
      }
    }

    /**
     * The footprint as every front end writes it: indented JSON in UTF-8 with a final newline.
     *
     * @throws IllegalStateException when there is no footprint (the findings say why)
     */
    public byte[] json() {
      ObjectNode pf = footprint.orElseThrow(() -> new IllegalStateException("no footprint: " + findings));
      try {
        return (WRITER.writeValueAsString(pf) + "\n").getBytes(StandardCharsets.UTF_8);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a tree of strings and booleans always writes", e);
      }
    }
  }

  private static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();

  /**
   * The ProductFootprint of a computed study.
   *
   * @param study the study as read
   * @param result the calculator's result for it; a result with errors gives no footprint
   * @param issue the footprint's id, creation time, status and verification
   */
  public static Exported footprint(Study study, Result result, PactIssue issue) {
    return new Mapping(study, result, issue).run();
  }

  // The unified social credit code (GB 32100-2015): 18 characters, digits and capitals without I, O, S, V, Z
  private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

  private static final DateTimeFormatter UTC = DateTimeFormatter.ISO_INSTANT;

  private static final class Mapping {
    private final Study study;
    private final Result result;
    private final PactIssue issue;
    private final List<Finding> findings = new ArrayList<>();
    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final List<Text> notes = new ArrayList<>();
    // the footprint's free texts follow the study's language, as its report does
    private final Locale locale;

    Mapping(Study study, Result result, PactIssue issue) {
      this.study = study;
      this.result = result;
      this.issue = issue;
      this.locale = Messages.locale(study.info().language());
    }

    Exported run() {
      if (result.hasErrors() || result.perUnitKgCO2e() == null) {
        return new Exported(Optional.empty(), List.of(Finding.error("PACT_NOT_COMPUTED", "", Text.of("pact.notComputed"))));
      }
      Organization org = study.organization();
      Product product = study.product();
      String companyName = required(org.name(), "organization.name");
      String productName = required(product.name(), "product.name");
      List<String> companyIds = companyIds(org);
      List<String> productIds = productIds(org, product);
      Optional<PactUnit> unit = PactUnit.of(product.declaredUnit());
      if (unit.isEmpty()) {
        findings.add(Finding.error("PACT_UNIT", "product.declaredUnit",
            Text.of("pact.unit", product.declaredUnit().text(), String.join(", ", PactUnit.names()))));
      }
      Optional<BigDecimal> massKg = unit.flatMap(this::massPerPactUnit);
      Period period = study.info().period();
      if (period == null) {
        findings.add(Finding.error("PACT_MISSING", "study.period", Text.of("pact.missing", "study.period")));
      }
      List<String> gwp = characterization();
      List<String> standards = standards();
      if (result.perUnitKgCO2e() < 0) {
        findings.add(Finding.error("PACT_NEGATIVE", "", Text.of("pact.negative")));
      }
      if (findings.stream().anyMatch(Finding::isError)) {
        return new Exported(Optional.empty(), findings);
      }

      ObjectNode pf = json.objectNode();
      pf.put("id", issue.id().toString());
      pf.put("specVersion", SPEC_VERSION);
      if (!issue.preceding().isEmpty()) {
        ArrayNode pre = pf.putArray("precedingPfIds");
        issue.preceding().forEach(u -> pre.add(u.toString()));
      }
      pf.put("created", UTC.format(issue.created().truncatedTo(ChronoUnit.SECONDS)));
      pf.put("status", issue.status().name());
      pf.put("companyName", companyName);
      strings(pf.putArray("companyIds"), companyIds);
      pf.put("productDescription", product.description() == null ? "" : product.description());
      strings(pf.putArray("productIds"), productIds);
      if (product.customsCode() != null) {
        strings(pf.putArray("productClassifications"), classifications(product.customsCode()));
      }
      pf.put("productNameCompany", productName);
      pf.set("pcf", pcf(unit.get(), massKg.get(), period, gwp, standards));
      notes.add(0, Text.of("pact.comment.source", study.info().title() == null ? productName : study.info().title()));
      pf.put("comment", String.join(" ", notes.stream().map(t -> Messages.render(t, locale)).toList()));
      return new Exported(Optional.of(pf), findings);
    }

    private String required(String value, String key) {
      if (value == null || value.isBlank()) {
        findings.add(Finding.error("PACT_MISSING", key, Text.of("pact.missing", key)));
        return null;
      }
      return value;
    }

    /** The organization's unified social credit code as a URN; without one a local id, said in a warning. */
    private List<String> companyIds(Organization org) {
      if (org.creditCode() == null || org.creditCode().isBlank()) {
        findings.add(Finding.warning("PACT_LOCAL_ID", "organization.creditCode", Text.of("pact.localCompanyId")));
        return List.of(localUrn("company", org.name()));
      }
      String code = org.creditCode().strip().toUpperCase(Locale.ROOT);
      if (!CREDIT_CODE.matcher(code).matches()) {
        findings.add(Finding.error("PACT_INVALID", "organization.creditCode",
            Text.of("pact.badCreditCode", org.creditCode())));
        return List.of();
      }
      return List.of("urn:pact:samr.gov.cn:uscc:" + code);
    }

    /** The product's CN or HS code as a URN; without one a local id, said in a warning. */
    private List<String> productIds(Organization org, Product product) {
      if (product.customsCode() == null) {
        findings.add(Finding.warning("PACT_LOCAL_ID", "product.cnCode", Text.of("pact.localProductId")));
        return List.of(localUrn("product", org.name() + "\n" + product.name()));
      }
      return List.of(classifications(product.customsCode()).get(0));
    }

    /** A stable id for what the study names but gives no registered code for: urn:uuid of its name. */
    private String localUrn(String kind, String name) {
      return "urn:uuid:" + PactIssue.idOf(kind, String.valueOf(name), 1);
    }

    private List<String> characterization() {
      GwpSet set = study.info().gwp();
      if (set == null) {
        findings.add(Finding.error("PACT_MISSING", "study.gwp", Text.of("pact.gwp")));
        return List.of();
      }
      // the Second and Third Assessment Reports are AR2 and AR3 in PACT's numbering
      return List.of(switch (set) {
        case SAR -> "AR2";
        case TAR -> "AR3";
        default -> set.name();
      });
    }

    private List<String> standards() {
      if (study.info().standards().isEmpty()) {
        findings.add(Finding.error("PACT_MISSING", "study.standards", Text.of("pact.missing", "study.standards")));
      }
      Set<String> out = new LinkedHashSet<>();
      study.info().standards().forEach(s -> out.add(standard(s)));
      return List.copyOf(out);
    }

    /** The mass of one PACT unit in kg; empty (with an error) when PACT needs it and the study has none. */
    private Optional<BigDecimal> massPerPactUnit(PactUnit unit) {
      Product p = study.product();
      Quantity declared = p.declaredUnit();
      if (!unit.needsMass()) {
        return Optional.of(BigDecimal.ZERO);
      }
      if (declared.dimension().equals(Dimension.MASS)) {
        return Optional.of(unit.perPactUnit(declared.inBase(), declared));
      }
      if (p.massPerUnit() == null || !p.massPerUnit().dimension().equals(Dimension.MASS)) {
        findings.add(Finding.error("PACT_MISSING", "product.massPerUnit",
            Text.of("pact.massNeeded", unit.pactName(), declared.text())));
        return Optional.empty();
      }
      return Optional.of(unit.perPactUnit(p.massPerUnit().inBase(), declared));
    }

    private ObjectNode pcf(PactUnit unit, BigDecimal massKg, Period period, List<String> gwp, List<String> standards) {
      Product p = study.product();
      Quantity declared = p.declaredUnit();
      ObjectNode pcf = json.objectNode();
      pcf.put("declaredUnitOfMeasurement", unit.pactName());
      pcf.put("declaredUnitAmount", "1");
      pcf.put("productMassPerDeclaredUnit", decimal(massKg));
      pcf.put("referencePeriodStart", midnight(period.start()));
      // PACT's end is exclusive, a study's last day inclusive
      pcf.put("referencePeriodEnd", midnight(period.end().plusDays(1)));
      if (p.geography() == null) {
        findings.add(Finding.warning("PACT_GLOBAL", "product.geography", Text.of("pact.global")));
      } else if (p.geography().isSubdivision()) {
        pcf.put("geographyCountrySubdivision", p.geography().code());
      } else {
        pcf.put("geographyCountry", p.geography().code());
      }
      pcf.put("boundaryProcessesDescription", boundary());

      // the result's figures as calc --json gives them, never worked out again here: per kg the result's
      // own per-kg figure (a mass is always declared per kilogram in PACT), else the per-unit one per PACT unit
      BigDecimal fossil = unit == PactUnit.KILOGRAM && result.perKgKgCO2e() != null
          ? BigDecimal.valueOf(result.perKgKgCO2e()) : unit.perPactUnit(result.perUnitKgCO2e(), declared);
      BesideFigures beside = result.beside();
      BigDecimal biogenicCarbon = beside.biogenicCarbonKg() == null ? null
          : unit.perPactUnit(beside.biogenicCarbonKg(), declared);
      // the CO₂ the product's biogenic carbon took up, as PACT counts it at the factory gate (44/12 × C)
      BigDecimal uptake = beside.biogenicCarbonAsCo2Kg() == null ? null
          : unit.perPactUnit(beside.biogenicCarbonAsCo2Kg(), declared).negate();
      pcf.put("pcfExcludingBiogenicUptake", decimal(fossil));
      pcf.put("pcfIncludingBiogenicUptake", decimal(uptake == null ? fossil : fossil.add(uptake)));
      if (p.fossilCarbon() == null) {
        findings.add(Finding.warning("PACT_ASSUMED", "product.fossilCarbonContent", Text.of("pact.fossilCarbonZero")));
        notes.add(Text.of("pact.comment.fossilCarbonZero"));
        pcf.put("fossilCarbonContent", "0");
      } else {
        pcf.put("fossilCarbonContent", decimal(unit.perPactUnit(p.fossilCarbon().inBase(), declared)));
      }
      if (biogenicCarbon != null) {
        pcf.put("biogenicCarbonContent", decimal(biogenicCarbon));
      }
      pcf.put("fossilGhgEmissions", decimal(fossil));
      if (uptake != null) {
        pcf.put("biogenicCO2Uptake", decimal(uptake));
      }
      if (result.beside().biogenicEmissionsKgCO2e() != null || result.beside().biogenicRemovalsKgCO2e() != null) {
        notes.add(Text.of("pact.comment.biogenicBeside"));
      }
      boolean packaging = study.info().includes(Stage.PACKAGING);
      pcf.put("packagingEmissionsIncluded", packaging);
      if (packaging) {
        double units = Footprint.declaredUnitsMade(p.output(), declared);
        double kg = result.stages().stream().filter(s -> s.stage() == Stage.PACKAGING)
            .mapToDouble(StageResult::kgCO2e).sum();
        pcf.put("packagingGhgEmissions", decimal(unit.perPactUnit(Footprint.perUnit(kg, units), declared)));
      }
      strings(pcf.putArray("ipccCharacterizationFactors"), gwp);
      strings(pcf.putArray("crossSectoralStandards"), standards);
      exempted(pcf);
      pcf.put("allocationRulesDescription", allocation());
      secondarySources(pcf);
      quality(pcf);
      issue.verification().ifPresent(v -> pcf.set("verification", verification(v)));
      return pcf;
    }

    private String boundary() {
      List<String> stages = result.stages().stream().map(s -> s.stage().id()).toList();
      String text = study.info().boundaryText();
      return Messages.render(Text.of("pact.boundary", text.isEmpty() ? "-" : text, String.join(", ", stages)),
          locale);
    }

    /**
     * The exempted share: what the cut-off lines would have emitted (their amount times their factor,
     * allocated like the other lines) over the footprint with them. A cut-off line without a factor
     * cannot be counted; a warning says the share leaves it out.
     */
    private void exempted(ObjectNode pcf) {
      double exemptedKg = 0;
      List<String> described = new ArrayList<>();
      List<String> uncounted = new ArrayList<>();
      for (InventoryLine line : study.inventory()) {
        if (!(line.activity() instanceof Activity.Excluded x)) {
          continue;
        }
        described.add(line.name() + ": " + x.reason());
        Factor f = x.factor() == null ? null : factor(x.factor());
        if (x.amount() == null || f == null || f.value() == null
            || !x.amount().dimension().times(f.value().dimension()).equals(Dimension.CO2E)) {
          uncounted.add(line.name());
          continue;
        }
        double kg = Footprint.emissions(x.amount(), f.value());
        exemptedKg += line.dedicated() ? kg : Footprint.allocate(kg, result.allocationShare());
      }
      double whole = result.totalKgCO2e() + exemptedKg;
      double percent = whole <= 0 ? 0 : exemptedKg / whole * 100;
      pcf.put("exemptedEmissionsPercent", rounded(percent));
      if (!described.isEmpty()) {
        pcf.put("exemptedEmissionsDescription", String.join("; ", described));
      }
      if (!uncounted.isEmpty()) {
        findings.add(Finding.warning("PACT_EXEMPTED_UNCOUNTED", "inventory",
            Text.of("pact.exemptedUncounted", String.join(", ", uncounted))));
        notes.add(Text.of("pact.comment.exemptedUncounted", String.join(", ", uncounted)));
      }
    }

    private String allocation() {
      if (study.coproducts().isEmpty() || study.allocation() == null) {
        return Messages.render(Text.of("pact.allocation.none"), locale);
      }
      return Messages.render(Text.of("pact.allocation." + study.allocation().id(),
          rounded(result.allocationShare() * 100)), locale);
    }

    /** The databases of the secondary factors used (regional, national, international), each with its year. */
    private void secondarySources(ObjectNode pcf) {
      Set<List<String>> sources = new LinkedHashSet<>();
      for (LineResult line : computedLines()) {
        Factor f = line.factor() == null ? null : factor(line.factor());
        if (f != null && isSecondary(f) && f.source() != null && !f.source().isBlank() && f.year() != null) {
          sources.add(List.of(f.source(), String.valueOf(f.year())));
        }
      }
      if (sources.isEmpty()) {
        return;
      }
      ArrayNode out = pcf.putArray("secondaryEmissionFactorSources");
      for (List<String> s : sources) {
        out.addObject().put("name", s.get(0)).put("version", s.get(1));
      }
    }

    /**
     * Primary data share and data-quality ratings, each line weighing as in the study's own score
     * (Scoring.weights: its share of the emissions by magnitude, so a credit line counts too). See
     * docs/pact.md for the scales.
     */
    private void quality(ObjectNode pcf) {
      List<LineResult> scored = computedLines().stream().filter(l -> l.points() != null).toList();
      double[] weights = Scoring.weights(scored.stream().mapToDouble(LineResult::kgCO2e).toArray());
      double weight = 0;
      double primary = 0;
      double techGeo = 0;
      double temporal = 0;
      for (int i = 0; i < weights.length; i++) {
        LineResult line = scored.get(i);
        Factor f = line.factor() == null ? null : factor(line.factor());
        double w = weights[i];
        weight += w;
        // a gas line's amounts are the site's own: primary data, measured where and when it happened
        primary += f == null || !isSecondary(f) ? w : 0;
        techGeo += w * PactQuality.representativeness(line.points().factor());
        temporal += w * (f == null ? 1 : PactQuality.temporal(f.year(), study.info().period()));
      }
      pcf.put("primaryDataShare", rounded(weight == 0 ? 0 : primary / weight * 100));
      if (weight == 0) {
        return;
      }
      ObjectNode dqi = pcf.putObject("dqi");
      dqi.put("technologicalDQR", rounded(techGeo / weight));
      dqi.put("geographicalDQR", rounded(techGeo / weight));
      dqi.put("temporalDQR", rounded(temporal / weight));
    }

    private List<LineResult> computedLines() {
      return result.lines().stream().filter(l -> !l.excluded()).toList();
    }

    private ObjectNode verification(PactIssue.Verification v) {
      ObjectNode out = json.objectNode();
      out.put("coverage", "product level");
      if (study.report().assessor() != null && !study.report().assessor().isBlank()) {
        out.put("providerName", study.report().assessor());
      }
      out.put("completedAt", UTC.format(v.completedAt().truncatedTo(ChronoUnit.SECONDS)));
      out.put("standardName", String.join("; ", study.info().standards()));
      out.put("comments", Messages.render(Text.of("pact.verification", v.reportNumber(), v.signer(), v.url()),
          locale));
      return out;
    }

    /** A factor by key: the study's own, or the library's the result used. */
    private Factor factor(String key) {
      Factor own = study.factors().get(key);
      if (own != null) {
        return own;
      }
      return result.factors().stream().filter(f -> key.equals(f.id())).findFirst().orElse(null);
    }

    private void strings(ArrayNode array, List<String> values) {
      values.forEach(array::add);
    }
  }

  /** Factors PACT calls secondary: from databases, not from the site or its supplier. */
  private static boolean isSecondary(Factor f) {
    return f.type() == null || f.type().points() <= FactorType.REGIONAL.points();
  }

  /** The URNs of a customs code: the CN code, and the HS heading it refines. */
  static List<String> classifications(CustomsCode code) {
    String hs = "urn:pact:wcoomd.org:hs:" + code.hs();
    return code.isCn() ? List.of("urn:pact:taxation-customs.ec.europa.eu:cn:" + code.digits(), hs) : List.of(hs);
  }

  private static final Map<String, String> STANDARDS = Map.of(
      "ISO14067", "ISO14067", "ISO14083", "ISO14083", "ISO14040", "ISO14040-44", "ISO14044", "ISO14040-44",
      "PAS2050", "PAS2050", "PEF", "PEF");

  /**
   * A standard as PACT names it ({@code ISO 14067:2018} → {@code ISO14067}); one PACT does not list
   * ({@code GB/T 24067-2024}) as the study names it, which PACT allows.
   */
  static String standard(String typed) {
    String compact = typed.replaceAll("[\\s]", "").toUpperCase(Locale.ROOT);
    String base = compact.replaceAll("[:\\-].*$", "");
    if (base.startsWith("GHGPROTOCOL") || base.startsWith("GHGP")) {
      return "GHGP-Product";
    }
    return STANDARDS.getOrDefault(base, typed.strip());
  }

  private static String midnight(LocalDate day) {
    return UTC.format(day.atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  /** A figure as PACT writes decimals: plain digits, no exponent, 16 significant digits at most. */
  static String decimal(BigDecimal value) {
    BigDecimal v = value.round(MathContext.DECIMAL64);
    return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
  }

  /** A percentage or rating, to two decimals: they are judgements, not measured figures. */
  static String rounded(double value) {
    return decimal(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
  }
}
