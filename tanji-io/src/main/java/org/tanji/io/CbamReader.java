package org.tanji.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tanji.core.cbam.Cbam;
import org.tanji.core.cbam.CbamInput;
import org.tanji.core.cbam.DefaultValue;
import org.tanji.core.cbam.Good;
import org.tanji.core.cbam.GoodsCategory;
import org.tanji.core.cbam.Installation;
import org.tanji.core.cbam.ProductionProcess;
import org.tanji.core.cbam.PurchasedPrecursor;
import org.tanji.core.cbam.SourceStream;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Activity;
import org.tanji.core.model.CustomsCode;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Finding;
import org.tanji.core.model.InventoryLine;
import org.tanji.core.model.Period;
import org.tanji.core.model.Position;
import org.tanji.core.model.SourceMap;
import org.tanji.core.model.Study;
import org.tanji.core.units.Dimension;
import org.tanji.core.units.Quantity;
import org.tanji.io.internal.Fields;
import org.tanji.io.internal.Node;
import org.tanji.io.internal.TreeSourceMap;
import org.tanji.io.library.FactorLibrary;
import org.tanji.io.library.FuelDefaults;

/**
 * Reads a CBAM file ({@code *.cbam.yaml}, format in {@code docs/cbam.md}): the installation data a
 * PCF study lacks, with figures the study already holds taken from it by reference
 * ({@code {from: inventory/电力}}). Problems are findings with key paths and lines; reading never
 * computes.
 */
public final class CbamReader {

  public static final String UNKNOWN_REFERENCE = "CBAM_UNKNOWN_REFERENCE";
  public static final String NO_STUDY = "CBAM_NO_STUDY";
  public static final String UNKNOWN_FUEL = "CBAM_UNKNOWN_FUEL";

  private static final List<String> TOP = List.of("tanji-cbam", "study", "installation", "sourceStreams",
      "processes", "purchasedPrecursors", "goods");
  private static final List<String> INSTALLATION = List.of("name", "address", "city", "country", "unlocode",
      "latitude", "longitude", "period");
  private static final List<String> PERIOD = List.of("start", "end");
  private static final List<String> STREAM = List.of("name", "method", "process", "amount", "default", "ncv",
      "factor", "oxidation", "conversion", "carbonContent", "biomass", "source");
  private static final List<String> PROCESS = List.of("id", "name", "category", "production", "heat", "wasteGases",
      "electricity", "precursors");
  private static final List<String> IMPORT_EXPORT = List.of("imported", "exported");
  private static final List<String> FLOW = List.of("amount", "factor");
  private static final List<String> ELECTRICITY = List.of("amount", "factor", "source", "exported");
  private static final List<String> USE = List.of("precursor", "amount");
  private static final List<String> PURCHASED = List.of("id", "name", "category", "country", "see");
  private static final List<String> SEE = List.of("direct", "indirect", "electricity", "source", "note");
  private static final List<String> GOOD = List.of("cn", "name", "process", "qualifying", "carbonPrice",
      "euDefault");
  private static final List<String> EU_DEFAULT = List.of("direct", "indirect", "source");
  /** Annex IV of Implementing Regulation (EU) 2023/1773 and the template's Summary_Products columns. */
  static final List<String> QUALIFYING = List.of("reducingAgent", "millId", "mn", "cr", "ni", "otherAlloys",
      "carbon", "scrapPerTonne", "otherMaterials", "clinkerFactor");
  private static final List<String> CARBON_PRICE = List.of("instrument", "currency", "due", "rebate");
  private static final List<String> REFERENCE = List.of("from", "library");
  private static final List<String> CATEGORIES =
      java.util.Arrays.stream(GoodsCategory.values()).map(GoodsCategory::id).toList();
  private static final List<String> METHODS =
      java.util.Arrays.stream(SourceStream.Method.values()).map(SourceStream.Method::id).toList();

  private final List<Finding> findings = new ArrayList<>();
  private final Optional<Study> study;
  private final FactorLibrary library;

  private CbamReader(Optional<Study> study, FactorLibrary library) {
    this.study = study;
    this.library = library;
  }

  /**
   * Reads a CBAM file and the study it names with {@code study:} (a path relative to the file).
   *
   * @throws IOException when the CBAM file cannot be read (a study that cannot be read is a finding)
   */
  public static CbamRead read(Path file) throws IOException {
    byte[] bytes = bytes(file);
    List<Finding> findings = new ArrayList<>();
    Node root = StudyFiles.companionTree(bytes, findings);
    Optional<Study> study = Optional.empty();
    if (root instanceof Node.MapNode map && map.get("study") instanceof Node.Scalar s && s.text() != null) {
      Path studyPath = file.toAbsolutePath().getParent().resolve(s.text());
      Position pos = s.position();
      if (!Files.isRegularFile(studyPath)) {
        findings.add(Finding.error(NO_STUDY, "study", Text.of("cbam.read.studyMissing", s.text(), studyPath.toString()))
            .at(pos));
      } else {
        ReadResult r = StudyFiles.read(studyPath);
        if (r.study() == null || r.findings().stream().anyMatch(Finding::isError)) {
          findings.add(Finding.error(NO_STUDY, "study", Text.of("cbam.read.studyErrors", s.text())).at(pos));
        }
        study = Optional.ofNullable(r.study());
      }
    }
    return read(root, study, file.toString(), findings);
  }

  /**
   * Reads a CBAM file against a study the caller already holds (the server's stored version).
   *
   * @throws IOException when the file cannot be read
   */
  public static CbamRead read(Path file, Study study) throws IOException {
    List<Finding> findings = new ArrayList<>();
    Node root = StudyFiles.companionTree(bytes(file), findings);
    return read(root, Optional.of(study), file.toString(), findings);
  }

  /**
   * Reads a CBAM file's bytes (an upload) against a study the caller holds, or none; the file's
   * {@code study:} key is not followed.
   *
   * @param fileName the name to show in messages, or null
   */
  public static CbamRead read(byte[] bytes, String fileName, Optional<Study> study) {
    List<Finding> findings = new ArrayList<>();
    Node root = StudyFiles.companionTree(bytes, findings);
    return read(root, study, fileName, findings);
  }

  private static byte[] bytes(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) StudyFiles.MAX_BYTES + 1);
      if (bytes.length > StudyFiles.MAX_BYTES) {
        throw new IOException(file + " is larger than " + StudyFiles.MAX_BYTES / (1024 * 1024) + " MB");
      }
      return bytes;
    }
  }

  private static CbamRead read(Node root, Optional<Study> study, String fileName, List<Finding> early) {
    if (root == null) {
      return new CbamRead(Optional.empty(), study, early, SourceMap.empty());
    }
    CbamReader r = new CbamReader(study, FactorLibrary.builtIn());
    r.findings.addAll(early);
    Optional<CbamInput> input = r.top(root);
    return new CbamRead(input, study, r.findings, new TreeSourceMap(root, fileName));
  }

  // ------------------------------------------------------------------ blocks

  private Optional<CbamInput> top(Node root) {
    Optional<Fields> top = Fields.of(root, "", TOP, findings, null);
    if (top.isEmpty()) {
      return Optional.empty();
    }
    Fields f = top.get();
    Integer version = f.integer("tanji-cbam", true);
    if (version != null && version != 1) {
      f.error("tanji-cbam", f.node("tanji-cbam"), Text.of("cbam.read.version", version));
    }
    Installation installation = installation(f);
    List<SourceStream> streams = list(f, "sourceStreams", STREAM, this::stream);
    List<ProductionProcess> processes = list(f, "processes", PROCESS, this::process);
    List<PurchasedPrecursor> purchased = list(f, "purchasedPrecursors", PURCHASED, this::purchased);
    List<Good> goods = list(f, "goods", GOOD, this::good);
    if (!f.has("processes")) {
      f.missing("processes");
    }
    if (installation == null || findings.stream().anyMatch(Finding::isError)) {
      return Optional.empty();
    }
    return Optional.of(new CbamInput(installation, streams, processes, purchased, goods));
  }

  /** A reader of one list item, given its fields; null when the item cannot be used. */
  private interface Item<T> {
    T read(Fields f);
  }

  private <T> List<T> list(Fields top, String key, List<String> allowed, Item<T> item) {
    List<T> out = new ArrayList<>();
    Node n = top.node(key);
    if (n == null || n.isNull()) {
      return out;
    }
    if (!(n instanceof Node.ListNode list)) {
      top.error(key, n, Text.of("cbam.read.notList", key));
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      Fields.of(list.get(i), key + "[" + i + "]", allowed, findings, list.get(i).position())
          .map(item::read).ifPresent(out::add);
    }
    return out;
  }

  private Installation installation(Fields top) {
    Optional<Fields> block = top.block("installation", INSTALLATION);
    if (block.isEmpty()) {
      top.missing("installation");
      return null;
    }
    Fields f = block.get();
    Period period = period(f);
    if (period == null) {
      return null;
    }
    // the template asks for them; an importer's declaration without them is incomplete, not wrong
    for (String key : List.of("unlocode", "latitude", "longitude")) {
      if (!f.has(key)) {
        findings.add(Finding.warning("MISSING_VALUE", f.child(key), Text.of("cbam.read.installationIncomplete",
            f.child(key))).at(f.position()));
      }
    }
    return new Installation(f.string("name", true), f.string("address", false), f.string("city", false),
        f.string("country", false), f.string("unlocode", false), f.string("latitude", false),
        f.string("longitude", false), period);
  }

  /** The period as written, else the study's. */
  private Period period(Fields installation) {
    Optional<Fields> block = installation.block("period", PERIOD);
    if (block.isEmpty()) {
      Optional<Period> fromStudy = study.map(s -> s.info().period());
      if (fromStudy.isEmpty()) {
        installation.missing("period");
      }
      return fromStudy.orElse(null);
    }
    return block.get().period();
  }


  private SourceStream stream(Fields f) {
    String name = f.string("name", true);
    SourceStream.Method method = f.choice("method", true, SourceStream.Method::ofId, METHODS);
    Quantity amount = quantity(f, "amount", true);
    String process = f.string("process", false);
    double biomass = fraction(f, "biomass", 0);
    if (name == null || method == null || amount == null || Double.isNaN(biomass)) {
      return null;
    }
    if (method == SourceStream.Method.MASS_BALANCE) {
      for (String key : List.of("default", "factor", "oxidation", "conversion")) {
        if (f.has(key)) {
          f.error(key, f.node(key), Text.of("cbam.read.notForMassBalance", f.child(key)));
        }
      }
      double carbon = fraction(f, "carbonContent", Double.NaN);
      Quantity ncv = quantity(f, "ncv", false);
      if (Double.isNaN(carbon)) {
        return null;
      }
      return new SourceStream(name, method, process, amount, ncv, null, 1, 1, carbon, biomass,
          f.string("source", false), f.path());
    }
    if (amount.value() < 0) {
      f.error("amount", f.node("amount"), Text.of("cbam.read.negativeAmount", f.child("amount"), amount.text()));
    }
    if (f.has("carbonContent")) {
      f.error("carbonContent", f.node("carbonContent"), Text.of("cbam.read.onlyMassBalance", f.child("carbonContent")));
    }
    Optional<FuelDefaults.Fuel> fuel = Optional.empty();
    String fuelId = f.string("default", false);
    if (fuelId != null) {
      fuel = FuelDefaults.find(fuelId);
      if (fuel.isEmpty()) {
        findings.add(Finding.error(UNKNOWN_FUEL, f.child("default"), Text.of("cbam.read.unknownFuel", fuelId,
            String.join(", ", FuelDefaults.ids()))).at(f.node("default").position()));
        return null;
      }
    }
    // measured parameters win; the default fills only what the file leaves out, and says so in the source
    Quantity ncv = f.has("ncv") ? quantity(f, "ncv", false) : fuel.map(FuelDefaults.Fuel::ncv).orElse(null);
    Quantity factor = f.has("factor") ? quantity(f, "factor", false) : fuel.map(FuelDefaults.Fuel::factor).orElse(null);
    if (factor == null) {
      if (!f.has("factor")) {
        f.missing("factor");
      }
      return null;
    }
    double oxidation = 1;
    double conversion = 1;
    if (method == SourceStream.Method.COMBUSTION) {
      if (f.has("oxidation") || fuel.isEmpty()) {
        oxidation = fraction(f, "oxidation", Double.NaN);
      } else {
        oxidation = fuel.get().oxidation();
      }
      if (Double.isNaN(oxidation)) {
        return null;
      }
    } else {
      conversion = fraction(f, "conversion", 1);
      if (Double.isNaN(conversion)) {
        return null;
      }
    }
    String source = f.string("source", false);
    if (fuel.isPresent() && source == null) {
      source = fuel.get().source() + " (" + fuel.get().name() + ")";
    }
    return new SourceStream(name, method, process, amount, ncv, factor, oxidation, conversion, 0, biomass, source,
        f.path());
  }

  /** A fraction 0–1 ({@code 0.98}); {@code fallback} when absent, where NaN means required. */
  private double fraction(Fields f, String key, double fallback) {
    if (!f.has(key)) {
      if (Double.isNaN(fallback)) {
        f.missing(key);
      }
      return fallback;
    }
    java.math.BigDecimal d = f.decimal(key, true);
    if (d == null) {
      return Double.NaN;
    }
    double v = d.doubleValue();
    if (v < 0 || v > 1) {
      f.error(key, f.node(key), Text.of("cbam.read.fraction", f.child(key), d.toPlainString()));
      return Double.NaN;
    }
    return v;
  }

  private ProductionProcess process(Fields f) {
    String id = f.string("id", true);
    GoodsCategory category = f.choice("category", true, GoodsCategory::ofId, CATEGORIES);
    Quantity production = quantity(f, "production", true);
    ProductionProcess.EnergyFlow heatIn = null;
    ProductionProcess.EnergyFlow heatOut = null;
    Optional<Fields> heat = f.block("heat", IMPORT_EXPORT);
    if (heat.isPresent()) {
      heatIn = flow(heat.get(), "imported");
      heatOut = flow(heat.get(), "exported");
    }
    Quantity gasIn = null;
    Quantity gasOut = null;
    Optional<Fields> gases = f.block("wasteGases", IMPORT_EXPORT);
    if (gases.isPresent()) {
      gasIn = quantity(gases.get(), "imported", false);
      gasOut = quantity(gases.get(), "exported", false);
    }
    Quantity electricity = null;
    Quantity factor = null;
    String source = null;
    ProductionProcess.EnergyFlow exported = null;
    Optional<Fields> el = f.block("electricity", ELECTRICITY);
    if (el.isPresent()) {
      electricity = quantity(el.get(), "amount", true);
      factor = quantity(el.get(), "factor", false);
      source = el.get().string("source", false);
      exported = flow(el.get(), "exported");
    }
    List<ProductionProcess.PrecursorUse> uses = new ArrayList<>();
    Node n = f.node("precursors");
    if (n instanceof Node.ListNode list) {
      for (int i = 0; i < list.size(); i++) {
        String path = f.child("precursors") + "[" + i + "]";
        Fields.of(list.get(i), path, USE, findings, list.get(i).position()).ifPresent(u -> {
          String precursor = u.string("precursor", true);
          Quantity amount = quantity(u, "amount", true);
          if (precursor != null && amount != null) {
            uses.add(new ProductionProcess.PrecursorUse(precursor, amount, path));
          }
        });
      }
    } else if (n != null && !n.isNull()) {
      f.error("precursors", n, Text.of("cbam.read.notList", f.child("precursors")));
    }
    if (id == null || category == null || production == null) {
      return null;
    }
    return new ProductionProcess(id, f.string("name", false), category, production, heatIn, heatOut, gasIn, gasOut,
        electricity, factor, source, exported, uses, f.path());
  }

  private ProductionProcess.EnergyFlow flow(Fields parent, String key) {
    Optional<Fields> block = parent.block(key, FLOW);
    if (block.isEmpty()) {
      return null;
    }
    Quantity amount = quantity(block.get(), "amount", true);
    Quantity factor = quantity(block.get(), "factor", true);
    return amount == null || factor == null ? null
        : new ProductionProcess.EnergyFlow(amount, factor, block.get().path());
  }

  private PurchasedPrecursor purchased(Fields f) {
    String id = f.string("id", true);
    GoodsCategory category = f.choice("category", true, GoodsCategory::ofId, CATEGORIES);
    Quantity direct = null;
    Quantity indirect = null;
    Quantity electricity = null;
    boolean byDefault = false;
    String source = null;
    Optional<Fields> see = f.block("see", SEE);
    if (see.isPresent()) {
      Fields s = see.get();
      direct = quantity(s, "direct", false);
      indirect = quantity(s, "indirect", false);
      electricity = quantity(s, "electricity", false);
      source = s.string("source", true);
      byDefault = "default".equals(source);
    }
    if (id == null || category == null) {
      return null;
    }
    return new PurchasedPrecursor(id, f.string("name", false), category, f.string("country", false), direct,
        indirect, electricity, byDefault, source, f.path());
  }

  private Good good(Fields f) {
    String cn = cn(f);
    String process = f.string("process", true);
    Map<String, String> qualifying = new LinkedHashMap<>();
    f.block("qualifying", QUALIFYING).ifPresent(q -> {
      for (String key : QUALIFYING) {
        String v = q.string(key, false);
        if (v != null) {
          qualifying.put(key, v);
        }
      }
    });
    Good.CarbonPrice price = null;
    Optional<Fields> cp = f.block("carbonPrice", CARBON_PRICE);
    if (cp.isPresent()) {
      java.math.BigDecimal due = cp.get().decimal("due", true);
      java.math.BigDecimal rebate = cp.get().decimal("rebate", false);
      price = due == null ? null : new Good.CarbonPrice(cp.get().string("instrument", false),
          cp.get().string("currency", false), due.doubleValue(), rebate == null ? 0 : rebate.doubleValue());
    }
    if (cn == null || process == null) {
      return null;
    }
    DefaultValue euDefault = euDefault(f);
    return new Good(cn, f.string("name", false), process, qualifying, price, euDefault, f.path());
  }

  /** The EU default value the user copied for the good ({@code euDefault: {direct: 2.89 tCO2e/t, source: …}}). */
  private DefaultValue euDefault(Fields good) {
    Optional<Fields> block = good.block("euDefault", EU_DEFAULT);
    if (block.isEmpty()) {
      return null;
    }
    Fields d = block.get();
    OptionalDouble direct = perTonne(d, "direct", true);
    OptionalDouble indirect = perTonne(d, "indirect", false);
    String source = d.string("source", true);
    if (direct.isEmpty() || source == null || d.has("indirect") && indirect.isEmpty()) {
      return null;
    }
    return new DefaultValue(direct.getAsDouble(), indirect, source, d.path());
  }

  /** Specific emissions in t CO₂e per t, or empty (with a finding when present but wrong). */
  private OptionalDouble perTonne(Fields f, String key, boolean required) {
    Quantity q = f.quantity(key, required);
    if (q == null) {
      return OptionalDouble.empty();
    }
    if (!q.dimension().equals(Dimension.CO2E.dividedBy(Dimension.MASS)) || q.value() < 0) {
      findings.add(Finding.error(Cbam.UNIT_MISMATCH, f.child(key),
          Text.of("cbam.unitMismatch", q.text(), Text.of("cbam.unit.defaultValue"))).at(f.node(key).position()));
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(q.inBase());
  }

  /**
   * A good's CN code as the tariff prints it ({@code 7326 11 00}): the file's, or, when the file
   * gives none, the study's {@code product.cnCode}, so that the code is typed once. Null, with a
   * finding, when neither gives an eight-digit code.
   */
  private String cn(Fields f) {
    String typed = f.string("cn", false);
    if (typed != null) {
      Optional<CustomsCode> code = CustomsCode.parse(typed).filter(CustomsCode::isCn);
      if (code.isEmpty()) {
        f.error("cn", f.node("cn"), Text.of("cbam.badCn", f.child("cn"), typed));
        return null;
      }
      return code.get().printed();
    }
    Optional<CustomsCode> fromStudy = study.map(s -> s.product().customsCode()).filter(CustomsCode::isCn);
    if (fromStudy.isEmpty()) {
      f.missing("cn");
      return null;
    }
    return fromStudy.get().printed();
  }

  // ------------------------------------------------------------------ quantities and references

  /**
   * A quantity as written ({@code "19613430 kWh"}) or taken from the study ({@code {from: inventory/电力}},
   * {@code {from: product/output}}, {@code {from: factors/grid}}) or the factor library
   * ({@code {library: cn-electricity-co2-2023-shandong}}).
   */
  private Quantity quantity(Fields f, String key, boolean required) {
    Node n = f.node(key);
    if (!(n instanceof Node.MapNode)) {
      return f.quantity(key, required);
    }
    Optional<Fields> ref = f.block(key, REFERENCE);
    if (ref.isEmpty()) {
      return null;
    }
    Fields r = ref.get();
    String where = f.child(key);
    Position pos = n.position();
    if (r.has("library")) {
      String id = r.string("library", true);
      Optional<Factor> factor = library.find(id);
      if (factor.isEmpty()) {
        findings.add(Finding.error(UNKNOWN_REFERENCE, where + ".library", Text.of("cbam.read.unknownLibrary", id))
            .at(pos));
        return null;
      }
      return factor.get().value();
    }
    String from = r.string("from", true);
    if (from == null) {
      return null;
    }
    if (study.isEmpty()) {
      findings.add(Finding.error(NO_STUDY, where + ".from", Text.of("cbam.read.noStudy", from)).at(pos));
      return null;
    }
    Optional<Quantity> q = resolve(study.get(), from);
    if (q.isEmpty()) {
      findings.add(Finding.error(UNKNOWN_REFERENCE, where + ".from", Text.of("cbam.read.unknownReference", from,
          study.get().inventory().stream().map(InventoryLine::name).filter(java.util.Objects::nonNull)
              .map(s -> "inventory/" + s).reduce((a, b) -> a + ", " + b).orElse("-"))).at(pos));
    }
    return q.orElse(null);
  }

  /** What a reference names in the study, if it names something with a quantity. */
  static Optional<Quantity> resolve(Study study, String from) {
    int slash = from.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String kind = from.substring(0, slash);
    String name = from.substring(slash + 1);
    return switch (kind) {
      case "inventory" -> study.inventory().stream().filter(l -> name.equals(l.name())).findFirst()
          .flatMap(l -> amount(l.activity()));
      case "product" -> switch (name) {
        case "output" -> Optional.ofNullable(study.product().output());
        case "massPerUnit" -> Optional.ofNullable(study.product().massPerUnit());
        default -> Optional.empty();
      };
      case "factors" -> Optional.ofNullable(study.factors().get(name)).map(Factor::value);
      default -> Optional.empty();
    };
  }

  private static Optional<Quantity> amount(Activity a) {
    if (a instanceof Activity.Amount amount) {
      return Optional.ofNullable(amount.amount());
    }
    if (a instanceof Activity.Excluded excluded) {
      return Optional.ofNullable(excluded.amount());
    }
    if (a instanceof Activity.Transport transport) {
      return Optional.ofNullable(transport.mass());
    }
    return Optional.empty();
  }
}
