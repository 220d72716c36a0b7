package org.tanji.io;

import static org.tanji.io.StudyKeys.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.tanji.core.i18n.Characters;
import org.tanji.core.i18n.Spelling;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Activity;
import org.tanji.core.model.Beside;
import org.tanji.core.model.Allocation;
import org.tanji.core.model.Boundary;
import org.tanji.core.model.Claims;
import org.tanji.core.model.Coproduct;
import org.tanji.core.model.CustomsCode;
import org.tanji.core.model.Geography;
import org.tanji.core.model.Evidence;
import org.tanji.core.model.Factor;
import org.tanji.core.model.FactorType;
import org.tanji.core.model.Finding;
import org.tanji.core.model.GwpSet;
import org.tanji.core.model.Identified;
import org.tanji.core.model.InventoryLine;
import org.tanji.core.model.LineUncertainty;
import org.tanji.core.model.Organization;
import org.tanji.core.model.Period;
import org.tanji.core.model.Position;
import org.tanji.core.model.Product;
import org.tanji.core.model.Quality;
import org.tanji.core.model.ReportInfo;
import org.tanji.core.model.Stage;
import org.tanji.core.model.Study;
import org.tanji.core.model.StudyInfo;
import org.tanji.core.model.TextLimits;
import org.tanji.core.model.Uncertainty;
import org.tanji.core.model.Severity;
import org.tanji.core.units.Dimension;
import org.tanji.core.units.ExchangeRate;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.QuantityFormatException;
import org.tanji.core.units.Unit;
import org.tanji.core.units.Units;
import org.tanji.io.internal.Fields;
import org.tanji.io.internal.Node;
import org.tanji.io.internal.Pairs;
import org.tanji.io.internal.TreeSourceMap;
import org.tanji.io.library.FactorLibrary;

/**
 * Turns a parsed study file into a {@link Study}, checking every key against the study format.
 * All problems in a file are collected, not only the first.
 */
final class StudyReader {

  static final int FORMAT_VERSION = 1;

  /** Keys whose values are free text and may be as long as {@link TextLimits#TEXT}; every other value is a short text. */
  private static final List<String> FREE_TEXTS = List.of("description", "note", "address", "source", "publication",
      "reference", "excluded");
  private static final List<String> LANGUAGES = List.of("zh", "en");
  private static final List<String> GWP_SETS = Identified.ids(GwpSet.class);
  private static final List<String> STAGES = Identified.ids(Stage.class);
  private static final List<String> FACTOR_TYPES = Identified.ids(FactorType.class);
  private static final List<String> ACTIVITY_LEVELS = Identified.ids(Quality.ActivityLevel.class);
  private static final List<String> CALIBRATIONS = Identified.ids(Quality.Calibration.class);

  private final List<Finding> findings;
  private final FactorLibrary library;

  private StudyReader(List<Finding> findings, FactorLibrary library) {
    this.findings = findings;
    this.library = library;
  }

  /**
   * Texts and keys longer than their limit ({@link TextLimits}), anywhere in the file: an error
   * each, at the text, which is kept whole (never cut short) so the finding can say how long it is.
   *
   * @param key the key the node stands under (for a list item, the list's key)
   */
  private void lengths(Node node, String path, String key) {
    if (node instanceof Node.Scalar s && s.text() != null) {
      boolean free = FREE_TEXTS.contains(key);
      int max = free ? TextLimits.TEXT : TextLimits.NAME;
      int length = TextLimits.length(s.text());
      if (length > max) {
        findings.add(Finding.error("TEXT_TOO_LONG", path,
            Text.of(free ? "read.tooLong.text" : "read.tooLong.name", path, length, max)).at(s.position()));
      }
    } else if (node instanceof Node.MapNode map) {
      for (int i = 0; i < map.size(); i++) {
        String k = map.key(i);
        int length = TextLimits.length(k);
        if (length > TextLimits.NAME) {
          findings.add(Finding.error("TEXT_TOO_LONG", path, Text.of("read.tooLong.key", length,
              path.isEmpty() ? Text.of("read.top") : path, TextLimits.NAME)).at(map.keyPosition(i)));
          continue; // its value is not looked at under a key nobody can read in a message
        }
        lengths(map.value(i), path.isEmpty() ? k : path + "." + k, k);
      }
    } else if (node instanceof Node.ListNode list) {
      for (int i = 0; i < list.size(); i++) {
        lengths(list.get(i), path + "[" + i + "]", key);
      }
    }
  }

  /** Reads a study from a parsed tree, taking factors it does not define from the library. */
  static Study read(Node root, String fileName, List<Finding> findings, FactorLibrary library) {
    return new StudyReader(findings, library).study(root, fileName);
  }

  private Study study(Node root, String fileName) {
    if (!(root instanceof Node.MapNode)) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.topNotMap")).at(root.position()));
      return null;
    }
    lengths(root, "", "");
    Fields f = Fields.of(root, "", TOP, findings, root.position()).orElseThrow();
    version(f);
    StudyInfo info = info(f);
    Organization organization = organization(f);
    Product product = product(f);
    Map<String, Factor> factors = factors(f);
    List<InventoryLine> inventory = inventory(f);
    factors = withLibrary(factors, inventory, f);
    List<Coproduct> coproducts = coproducts(f);
    Allocation allocation = f.choice("allocation", false, Allocation::fromId, Identified.ids(Allocation.class));
    double cutoff = cutoff(f);
    Claims claims = claims(f);
    List<Evidence> evidence = blocks(f, "evidence", EVIDENCE, false,
        (i, e) -> new Evidence(e.string("title", true), e.string("reference", false), e.string("note", false)));
    boolean fromQuality = f.block("uncertainty", STUDY_UNCERTAINTY).map(u -> u.bool("fromQuality")).orElse(false);
    return new Study(info, organization, product, factors, inventory, coproducts, allocation, cutoff, claims,
        evidence, report(f), new TreeSourceMap(root, fileName), fromQuality, beside(f));
  }

  /**
   * What the study reports beside its footprint: {@code biogenic: {emissions, removals,
   * carbonContent}}, and {@code avoided} and {@code offsets} as lists of {@code {name, amount}} (in a
   * workbook cell, {@code name=amount} pairs separated by ";").
   */
  private Beside beside(Fields top) {
    Optional<Fields> bio = top.block("biogenic", BIOGENIC);
    return new Beside(bio.map(b -> b.quantity("emissions", false)).orElse(null),
        bio.map(b -> b.quantity("removals", false)).orElse(null),
        bio.map(b -> b.quantity("carbonContent", false)).orElse(null), credits(top, "avoided"), credits(top, "offsets"));
  }

  private List<Beside.Credit> credits(Fields top, String key) {
    Node n = top.node(key);
    if (n instanceof Node.Scalar sc && sc.text() != null) {
      List<Beside.Credit> out = new ArrayList<>();
      for (Pairs.Pair pair : Pairs.split(sc.text(), Pairs.EQUALS,
          bad -> top.error(key, n, Text.of("read.creditPairs", key, bad)))) {
        try {
          out.add(new Beside.Credit(pair.key(), Units.parseQuantity(pair.value())));
        } catch (QuantityFormatException e) {
          findings.add(new Finding(e.code(), Severity.ERROR, key + "[" + out.size() + "].amount", null, e.text())
              .at(n.position()));
        }
      }
      return out;
    }
    return blocks(top, key, CREDIT, false, (i, c) -> {
      String name = c.string("name", true);
      return new Beside.Credit(name == null ? c.path() : name, c.quantity("amount", true));
    });
  }

  private void version(Fields f) {
    if (!f.has("tanji")) {
      findings.add(Finding.warning("MISSING_VALUE", "tanji", Text.of("read.noVersion", FORMAT_VERSION)).at(f.position()));
      return;
    }
    Integer v = f.integer("tanji", true);
    if (v != null && v != FORMAT_VERSION) {
      f.error("tanji", f.node("tanji"), Text.of("read.badVersion", v, FORMAT_VERSION));
    }
  }

  private StudyInfo info(Fields top) {
    Optional<Fields> block = top.block("study", STUDY);
    if (block.isEmpty()) {
      findings.add(Finding.warning("MISSING_VALUE", "study", Text.of("read.noStudyBlock")).at(top.position()));
      return StudyInfo.empty();
    }
    Fields f = block.get();
    String title = f.string("title", false);
    if (title == null) {
      findings.add(Finding.warning("MISSING_VALUE", "study.title", Text.of("read.noTitle")).at(f.position()));
    }
    String language = f.choice("language", false, l -> LANGUAGES.contains(l) ? Optional.of(l) : Optional.empty(), LANGUAGES);
    List<String> standards = stringList(f, "standards");
    List<Stage> stages = boundaryStages(f);
    Boundary boundary = stages == null ? f.choice("boundary", false, Boundary::fromId, Identified.ids(Boundary.class))
        : null;
    if (!f.has("boundary")) {
      // without it no line can be checked against the boundary, and the report cannot state one
      findings.add(Finding.warning("MISSING_VALUE", "study.boundary", Text.of("read.noBoundary")).at(f.position()));
    }
    Map<String, Double> customGwp = customGwp(f);
    GwpSet gwp = customGwp == null ? f.choice("gwp", false, GwpSet::fromId, GWP_SETS) : null;
    Period period = period(f);
    return new StudyInfo(title, language, standards, boundary, period, gwp, stages == null ? List.of() : stages,
        customGwp == null ? Map.of() : customGwp, exchangeRates(f));
  }

  /** One exchange rate as written, before it is checked: its currency key, the rate's text, where it stands. */
  private record RateEntry(String currency, String rate, String path, Position position) {}

  /**
   * The study's exchange rates: a mapping ({@code {USD: 7.10 CNY}}) or, in a workbook cell,
   * {@code USD=7.10 CNY; EUR=7.80 CNY}. Both are read into the same entries and checked alike;
   * an entry with a fault is left out with a finding, so no line computes with it.
   */
  private List<ExchangeRate> exchangeRates(Fields f) {
    if (!f.has("exchangeRates")) {
      return List.of();
    }
    Node n = f.node("exchangeRates");
    String where = f.child("exchangeRates");
    List<RateEntry> entries = new ArrayList<>();
    if (n instanceof Node.MapNode map) {
      for (int i = 0; i < map.size(); i++) {
        String path = where + "." + map.key(i);
        if (map.value(i) instanceof Node.Scalar sc && sc.text() != null) {
          entries.add(new RateEntry(map.key(i), sc.text(), path, sc.position()));
        } else {
          findings.add(Finding.error("INVALID_VALUE", path, Text.of("read.notScalar", path)).at(map.keyPosition(i)));
        }
      }
    } else if (n instanceof Node.Scalar sc) {
      for (Pairs.Pair pair : Pairs.split(sc.text(), Pairs.EQUALS,
          bad -> f.error("exchangeRates", n, Text.of("read.rate.pair", sc.text())))) {
        entries.add(new RateEntry(pair.key(), pair.value(), where + "." + pair.key(), sc.position()));
      }
    } else {
      f.error("exchangeRates", n, Text.of("read.notMap", where));
    }
    List<ExchangeRate> rates = new ArrayList<>();
    List<RateEntry> accepted = new ArrayList<>();
    for (RateEntry e : entries) {
      exchangeRate(f, e, rates, accepted).ifPresent(r -> {
        rates.add(r);
        accepted.add(e);
      });
    }
    return rates;
  }

  /** A key as a unit of money ({@code USD}, {@code 元}, {@code 万元}), if it is one. */
  private static Optional<Unit> currency(String key) {
    try {
      return Optional.of(Units.parseUnit(Characters.halfWidth(key))).filter(u -> u.dimension().isMoney());
    } catch (QuantityFormatException e) {
      return Optional.empty();
    }
  }

  /** One entry as a rate, or a finding that says what is wrong with it and nothing. */
  private Optional<ExchangeRate> exchangeRate(Fields f, RateEntry e, List<ExchangeRate> rates,
      List<RateEntry> accepted) {
    Optional<Unit> currency = currency(e.currency());
    if (currency.isEmpty()) {
      findings.add(Finding.error("INVALID_RATE", e.path(), Text.of("read.rate.notCurrency", e.path(), e.currency()))
          .at(e.position()));
      return Optional.empty();
    }
    Quantity rate = f.quantityOf(e.rate(), e.path(), e.position());
    if (rate == null) {
      return Optional.empty(); // the quantity's finding says why
    }
    Text fault = null;
    String code = "INVALID_RATE";
    if (!rate.dimension().isMoney()) {
      code = "UNIT_MISMATCH";
      fault = Text.of("read.rate.notMoney", e.path(), e.rate(), e.currency());
    } else if (!(rate.value() > 0)) {
      fault = Text.of("read.rate.notPositive", e.path(), e.rate());
    } else if (rate.dimension().equals(currency.get().dimension())) {
      fault = Text.of("read.rate.self", e.path(), e.rate(), e.currency());
    }
    if (fault != null) {
      findings.add(Finding.error(code, e.path(), fault).at(e.position()));
      return Optional.empty();
    }
    ExchangeRate r = new ExchangeRate(currency.get(), rate);
    Optional<ExchangeRate> earlier = ExchangeRate.between(rates, currency.get().dimension(), rate.dimension());
    if (earlier.isPresent()) {
      RateEntry first = accepted.get(rates.indexOf(earlier.get()));
      findings.add(Finding.error("CONFLICTING_RATE", e.path(), Text.of("read.rate.conflict", e.path(), e.rate(),
          Units.preferredSymbol(currency.get().dimension()).orElseThrow(),
          Units.preferredSymbol(rate.dimension()).orElseThrow(), first.path(), first.rate())).at(e.position()));
      return Optional.empty();
    }
    return Optional.of(r);
  }

  /**
   * The study's own GWP100 values, when {@code gwp} is a table ({@code {CH4: 30, N2O: 300}}, or in
   * a workbook cell {@code CH4=30; N2O=300}) rather than the name of a set; null otherwise.
   */
  private Map<String, Double> customGwp(Fields f) {
    Node n = f.node("gwp");
    Map<String, Double> table = new LinkedHashMap<>();
    if (n instanceof Node.MapNode map) {
      List<String> gases = new ArrayList<>();
      for (int i = 0; i < map.size(); i++) {
        gases.add(map.key(i));
      }
      Fields t = f.block("gwp", gases).orElseThrow();
      for (String gas : gases) {
        BigDecimal v = t.decimal(gas, true);
        if (v != null && v.signum() <= 0) {
          t.error(gas, t.node(gas), Text.of("read.gwp.value", t.child(gas), v.toPlainString()));
        } else if (v != null) {
          table.put(gas, v.doubleValue());
        }
      }
      return table;
    }
    if (!(n instanceof Node.Scalar sc) || sc.text() == null || !sc.text().contains("=")) {
      return null;
    }
    List<String> bad = new ArrayList<>();
    for (Pairs.Pair pair : Pairs.split(sc.text(), Pairs.EQUALS, bad::add)) {
      double v;
      try {
        v = Double.parseDouble(pair.value());
      } catch (NumberFormatException e) {
        v = Double.NaN;
      }
      if (!(v > 0) || Double.isInfinite(v)) {
        bad.add(pair.key());
      } else {
        table.put(pair.key(), v);
      }
    }
    if (!bad.isEmpty()) {
      f.error("gwp", n, Text.of("read.gwp.pair", sc.text())); // once: the message shows the whole table
    }
    return table;
  }

  /**
   * The stages of a boundary given as a list ({@code boundary: [production, distribution]}, or in
   * a workbook cell with commas between them), or null when the boundary is a name or missing.
   */
  private List<Stage> boundaryStages(Fields f) {
    Node n = f.node("boundary");
    List<String> ids = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    if (n instanceof Node.ListNode list) {
      for (int i = 0; i < list.size(); i++) {
        Node item = list.get(i);
        if (!(item instanceof Node.Scalar sc) || sc.text() == null) {
          findings.add(Finding.error("INVALID_VALUE", "study.boundary[" + i + "]",
              Text.of("read.notScalar", "study.boundary[" + i + "]")).at(item.position()));
          return List.of();
        }
        ids.add(sc.text().strip());
        nodes.add(item);
      }
    } else if (n instanceof Node.Scalar sc && sc.text() != null && sc.text().contains(",")) {
      for (String id : sc.text().split("[,，、]")) {
        ids.add(id.strip());
        nodes.add(n);
      }
    } else {
      return null;
    }
    if (ids.isEmpty()) {
      f.error("boundary", n, Text.of("read.boundary.empty", String.join(", ", STAGES)));
      return List.of();
    }
    List<Stage> stages = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String path = "study.boundary[" + i + "]";
      String id = ids.get(i);
      Optional<Stage> stage = Stage.fromId(id);
      if (stage.isEmpty()) {
        Text msg = Spelling.closest(id, STAGES)
            .map(x -> Text.of("read.badChoice.suggest", path, id, x))
            .orElseGet(() -> Text.of("read.badChoice", path, id, String.join(", ", STAGES)));
        findings.add(Finding.error("INVALID_VALUE", path, msg).at(nodes.get(i).position()));
      } else if (stages.contains(stage.get())) {
        findings.add(Finding.error("INVALID_VALUE", path, Text.of("read.boundary.twice", id))
            .at(nodes.get(i).position()));
      } else {
        stages.add(stage.get());
      }
    }
    // in life-cycle order, whatever order the file lists them in
    stages.sort(java.util.Comparator.naturalOrder());
    return stages;
  }

  private List<String> stringList(Fields f, String key) {
    Node n = f.node(key);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (n instanceof Node.Scalar s) {
      return List.of(s.text()); // a single standard written without brackets
    }
    if (!(n instanceof Node.ListNode list)) {
      f.error(key, n, Text.of("read.notList", f.child(key)));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Node.Scalar s && s.text() != null) {
        out.add(s.text());
      } else {
        findings.add(Finding.error("INVALID_VALUE", f.child(key) + "[" + i + "]",
            Text.of("read.notScalar", f.child(key) + "[" + i + "]")).at(list.get(i).position()));
      }
    }
    return out;
  }

  private Period period(Fields study) {
    Optional<Fields> block = study.block("period", PERIOD);
    if (block.isEmpty()) {
      findings.add(Finding.warning("MISSING_VALUE", "study.period", Text.of("read.noPeriod")).at(study.position()));
      return null;
    }
    return block.get().period();
  }

  private ReportInfo report(Fields top) {
    Optional<Fields> block = top.block("report", REPORT);
    if (block.isEmpty()) {
      return ReportInfo.none();
    }
    Fields f = block.get();
    return new ReportInfo(f.string("number", false), f.date("date", false), f.string("assessor", false),
        signature(f, "preparedBy"), signature(f, "reviewedBy"), signature(f, "approvedBy"));
  }

  /** A person who signs: {@code {name: 张三, date: 2024-11-05}}, or the name alone. */
  private ReportInfo.Signature signature(Fields report, String key) {
    Node n = report.node(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n instanceof Node.Scalar s) {
      return new ReportInfo.Signature(s.text(), null);
    }
    Optional<Fields> block = report.block(key, SIGNATURE);
    return block.map(f -> new ReportInfo.Signature(f.string("name", false), f.date("date", false))).orElse(null);
  }



  private Organization organization(Fields top) {
    Optional<Fields> block = top.block("organization", ORGANIZATION);
    if (block.isEmpty()) {
      return Organization.empty();
    }
    Fields f = block.get();
    return new Organization(f.string("name", false), f.string("address", false), f.string("creditCode", false),
        f.string("legalRepresentative", false), f.string("industry", false), f.string("contact", false),
        f.string("phone", false), f.string("email", false));
  }

  private Product product(Fields top) {
    Optional<Fields> block = top.block("product", PRODUCT);
    if (block.isEmpty()) {
      top.missing("product");
      return Product.empty();
    }
    Fields f = block.get();
    BigDecimal price = f.decimal("price", false);
    String name = f.string("name", false);
    if (name == null) {
      // the footprint stands without it, but a report would not say what it is of
      findings.add(Finding.warning("MISSING_VALUE", "product.name", Text.of("read.noProductName")).at(f.position()));
    }
    return new Product(name, f.quantity("declaredUnit", true), f.quantity("output", true),
        f.quantity("massPerUnit", false), price == null ? null : price.doubleValue(), f.string("description", false),
        customsCode(f), geography(f), fossilCarbon(f));
  }

  private static CustomsCode customsCode(Fields f) {
    String text = f.string("cnCode", false);
    if (text == null) {
      return null;
    }
    Optional<CustomsCode> code = CustomsCode.parse(text);
    if (code.isEmpty()) {
      f.error("cnCode", f.node("cnCode"), Text.of("read.badCnCode", f.child("cnCode"), text));
    }
    return code.orElse(null);
  }

  private static Geography geography(Fields f) {
    String text = f.string("geography", false);
    if (text == null) {
      return null;
    }
    Optional<Geography> geography = Geography.parse(text);
    if (geography.isEmpty()) {
      f.error("geography", f.node("geography"), Text.of("read.badGeography", f.child("geography"), text));
    }
    return geography.orElse(null);
  }

  /** The fossil carbon content: a mass of carbon, not negative (else a finding and null). */
  private Quantity fossilCarbon(Fields f) {
    Quantity q = f.quantity("fossilCarbonContent", false);
    if (q == null) {
      return null;
    }
    if (!q.dimension().equals(Dimension.MASS) || q.value() < 0) {
      f.error("fossilCarbonContent", f.node("fossilCarbonContent"),
          Text.of("read.badCarbonContent", f.child("fossilCarbonContent"), q.text()));
      return null;
    }
    return q;
  }

  private Map<String, Factor> factors(Fields top) {
    Map<String, Factor> out = new LinkedHashMap<>();
    Node node = top.node("factors");
    if (node == null || node.isNull()) {
      return out;
    }
    if (!(node instanceof Node.MapNode map)) {
      top.error("factors", node, Text.of("read.notMap", "factors"));
      return out;
    }
    for (int i = 0; i < map.size(); i++) {
      String key = map.key(i);
      String path = "factors." + key;
      Node value = map.value(i);
      if (value instanceof Node.Scalar s && !s.isNull()) {
        // shorthand: `grid: 0.6205 tCO2e/MWh`
        Quantity q = top.quantityOf(s.text(), path + ".value", s.position());
        out.put(key, Factor.local(key, null, q, null, null, null, null, null, null, null));
        continue;
      }
      Optional<Fields> block = Fields.of(value, path, FACTOR, findings, map.keyPosition(i));
      if (block.isEmpty()) {
        findings.add(Finding.error("MISSING_VALUE", path + ".value", Text.of("read.missing", path + ".value"))
            .at(map.keyPosition(i)));
        out.put(key, Factor.local(key, null, null, null, null, null, null, null, null, null));
        continue;
      }
      Fields f = block.get();
      FactorType type = f.choice("type", false, FactorType::fromId, FACTOR_TYPES);
      out.put(key, Factor.local(key, f.string("name", false), f.quantity("value", true),
          f.string("source", false), type, f.integer("year", false), f.string("region", false),
          f.string("boundary", false), f.string("note", false), f.string("publication", false))
          .withUncertainty(distribution(f, "uncertainty")));
    }
    return out;
  }

  /**
   * The study's own factors, then the library factors its lines use by id. A study factor whose
   * key is also a library id wins, with a warning: the assessor may not know the library has one.
   */
  private Map<String, Factor> withLibrary(Map<String, Factor> local, List<InventoryLine> inventory, Fields top) {
    Node.MapNode block = top.node("factors") instanceof Node.MapNode m ? m : null;
    for (String key : local.keySet()) {
      if (library.contains(key)) {
        Finding w = Finding.warning("FACTOR_SHADOWS_LIBRARY", "factors." + key, Text.of("library.shadows", key));
        findings.add(block == null ? w : w.at(block.keyPosition(block.indexOf(key))));
      }
    }
    Map<String, Factor> all = new LinkedHashMap<>(local);
    for (InventoryLine line : inventory) {
      String key = Activity.factorOf(line.activity());
      if (key != null && !all.containsKey(key)) {
        library.find(key).ifPresent(f -> all.put(key, f));
      }
    }
    return all;
  }

  private List<InventoryLine> inventory(Fields top) {
    List<InventoryLine> lines = blocks(top, "inventory", LINE, true, this::line);
    if (lines.isEmpty() && top.node("inventory") instanceof Node.ListNode list && list.size() == 0) {
      findings.add(Finding.error("MISSING_VALUE", "inventory", Text.of("read.emptyInventory")).at(list.position()));
    }
    return lines;
  }

  /**
   * A list of blocks under a key, each read by {@code read}; an entry that is not a block is a
   * finding and is skipped (the finding stops the calculation, so nothing is lost silently).
   */
  private <T> List<T> blocks(Fields top, String key, List<String> allowed, boolean required,
      BiFunction<Integer, Fields, T> read) {
    Node node = top.node(key);
    if (node == null || node.isNull()) {
      if (required) {
        top.missing(key);
      }
      return List.of();
    }
    if (!(node instanceof Node.ListNode list)) {
      top.error(key, node, Text.of("read.notList", key));
      return List.of();
    }
    List<T> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String path = key + "[" + i + "]";
      Node item = list.get(i);
      Optional<Fields> block = Fields.of(item, path, allowed, findings, item.position());
      if (block.isEmpty()) {
        findings.add(Finding.error("MISSING_VALUE", path, Text.of("read.emptyLine", path)).at(item.position()));
        continue;
      }
      out.add(read.apply(i, block.get()));
    }
    return out;
  }

  private InventoryLine line(int index, Fields f) {
    String name = f.string("name", true);
    Stage stage = f.choice("stage", true, Stage::fromId, STAGES);
    Activity activity = activity(f, name == null ? f.path() : name);
    Quality quality = quality(f);
    boolean dedicated = f.bool("dedicated");
    Quantity claimed = f.quantity("claimed", false);
    String share = f.string("claimedShare", false);
    return new InventoryLine(index, name == null ? f.path() : name, stage, activity, quality, dedicated, claimed,
        f.string("source", false), f.string("note", false), lineUncertainty(f, activity),
        share == null ? null : share(share, f.child("claimedShare"), f.node("claimedShare")));
  }

  /**
   * An amount line's {@code uncertainty} is its amount's distribution; a transport line's is a
   * block with {@code mass} and {@code distance}. Gas-level and excluded lines take none.
   */
  private LineUncertainty lineUncertainty(Fields line, Activity activity) {
    if (!line.has("uncertainty")) {
      return null;
    }
    if (activity instanceof Activity.Amount) {
      Uncertainty u = distribution(line, "uncertainty");
      return u == null ? null : LineUncertainty.ofAmount(u);
    }
    if (activity instanceof Activity.Transport) {
      Optional<Fields> block = line.block("uncertainty", TRANSPORT_UNCERTAINTY);
      if (block.isEmpty()) {
        return null;
      }
      Uncertainty mass = distribution(block.get(), "mass");
      Uncertainty distance = distribution(block.get(), "distance");
      if (mass == null && distance == null) {
        if (!block.get().has("mass") && !block.get().has("distance")) {
          line.error("uncertainty", line.node("uncertainty"), Text.of("read.uncertaintyTransport", line.child("uncertainty")));
        }
        return null;
      }
      return new LineUncertainty(null, mass, distance);
    }
    if (activity != null) {
      line.error("uncertainty", line.node("uncertainty"), Text.of("read.uncertaintyNotHere", line.child("uncertainty")));
    }
    return null;
  }

  /**
   * A distribution block: {@code gsd}; {@code sd} or {@code cv}; {@code min}, {@code max} and
   * perhaps {@code mode}; or {@code pedigree} and {@code basic}. Null (with a finding) when it
   * cannot be read; whether its values make sense the calculator checks.
   */
  private Uncertainty distribution(Fields parent, String key) {
    if (!parent.has(key)) {
      return null;
    }
    Optional<Fields> block = parent.block(key, DISTRIBUTION);
    if (block.isEmpty()) {
      return null;
    }
    Fields f = block.get();
    boolean pedigree = f.has("pedigree") || f.has("basic");
    boolean lognormal = f.has("gsd");
    boolean normal = f.has("sd") || f.has("cv");
    boolean range = f.has("min") || f.has("max") || f.has("mode");
    int forms = (pedigree ? 1 : 0) + (lognormal ? 1 : 0) + (normal ? 1 : 0) + (range ? 1 : 0);
    if (forms == 0) {
      findings.add(Finding.error("MISSING_VALUE", f.path(), Text.of("read.uncertaintyEmpty", f.path())).at(f.position()));
      return null;
    }
    if (forms > 1 || f.has("sd") && f.has("cv")) {
      findings.add(Finding.error("CONFLICTING_VALUES", f.path(), Text.of("read.uncertaintyMany", f.path()))
          .at(f.position()));
      return null;
    }
    if (lognormal) {
      BigDecimal gsd = f.decimal("gsd", true);
      return gsd == null ? null : new Uncertainty.Lognormal(gsd.doubleValue());
    }
    if (normal) {
      if (f.has("cv")) {
        BigDecimal cv = f.decimal("cv", true);
        return cv == null ? null : new Uncertainty.Normal(null, cv.doubleValue());
      }
      Quantity sd = f.quantity("sd", true);
      return sd == null ? null : new Uncertainty.Normal(sd, null);
    }
    if (range) {
      Quantity min = f.quantity("min", true);
      Quantity max = f.quantity("max", true);
      Quantity mode = f.has("mode") ? f.quantity("mode", true) : null;
      if (min == null || max == null || f.has("mode") && mode == null) {
        return null;
      }
      return mode == null ? new Uncertainty.Uniform(min, max) : new Uncertainty.Triangular(min, mode, max);
    }
    BigDecimal basic = f.decimal("basic", true);
    Optional<Fields> scores = f.block("pedigree", Uncertainty.PedigreeScores.NAMES);
    if (scores.isEmpty()) {
      if (!f.has("pedigree")) {
        f.missing("pedigree");
      }
      return null;
    }
    Integer[] s = new Integer[Uncertainty.PedigreeScores.NAMES.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = scores.get().integer(Uncertainty.PedigreeScores.NAMES.get(i), true);
    }
    if (basic == null || java.util.Arrays.stream(s).anyMatch(java.util.Objects::isNull)) {
      return null;
    }
    return new Uncertainty.Pedigree(new Uncertainty.PedigreeScores(s[0], s[1], s[2], s[3], s[4]), basic.doubleValue());
  }

  /**
   * Exactly one of: amount + factor; mass + distance + factor; emissions; excluded + amount. Parts
   * that could not be read are left null (with a finding), so that the rest of the line, its factor
   * reference above all, is still checked.
   */
  private Activity activity(Fields f, String name) {
    boolean amount = f.has("amount");
    boolean transport = f.has("mass") || f.has("distance");
    boolean emissions = f.has("emissions");
    boolean excluded = f.has("excluded");
    int forms = (amount && !excluded ? 1 : 0) + (transport ? 1 : 0) + (emissions ? 1 : 0) + (excluded ? 1 : 0);
    if (forms == 0) {
      findings.add(Finding.error("MISSING_VALUE", f.path(), Text.of("read.noActivity", name)).at(f.position()));
      return null;
    }
    if (forms > 1) {
      findings.add(Finding.error("CONFLICTING_VALUES", f.path(), Text.of("read.manyActivities", name)).at(f.position()));
      return null;
    }
    if (emissions && f.has("factor")) {
      findings.add(Finding.error("CONFLICTING_VALUES", f.child("factor"), Text.of("read.emissionsWithFactor", name))
          .at(f.node("factor").position()));
      return null;
    }
    if (excluded) {
      String reason = excludedReason(f);
      // a known input without an amount (scrap, waste nobody weighed) is a data gap, not a mistake
      Quantity q = f.quantity("amount", false);
      String factor = f.string("factor", false);
      // without a reason the line is neither counted nor treated as cut off: the error says why
      return reason == null ? null : new Activity.Excluded(reason, q, factor);
    }
    if (emissions) {
      return gases(f);
    }
    String factor = f.string("factor", true);
    if (transport) {
      Quantity mass = f.quantity("mass", true);
      Quantity distance = f.quantity("distance", true);
      return new Activity.Transport(mass, distance, factor);
    }
    Quantity q = f.quantity("amount", true);
    return new Activity.Amount(q, factor);
  }

  /** The reason a line is left out: text, never a flag (`excluded: false` must not drop a line). */
  private static String excludedReason(Fields f) {
    Node n = f.node("excluded");
    if (n instanceof Node.Scalar s && s.kind() != Node.Kind.BOOLEAN && s.text() != null && !s.text().isBlank()) {
      return s.text();
    }
    f.error("excluded", n, Text.of("read.excludedReason", n instanceof Node.Scalar s && s.text() != null ? s.text() : "…"));
    return null;
  }

  private Activity gases(Fields line) {
    Node n = line.node("emissions");
    String path = line.child("emissions");
    if (!(n instanceof Node.MapNode map) || map.size() == 0) {
      line.error("emissions", n, Text.of("read.emissionsShape", path));
      return null;
    }
    Map<String, Quantity> gases = new LinkedHashMap<>();
    boolean ok = true;
    for (int i = 0; i < map.size(); i++) {
      String where = path + "." + map.key(i);
      if (!(map.value(i) instanceof Node.Scalar s) || s.text() == null) {
        findings.add(Finding.error("INVALID_VALUE", where, Text.of("read.notScalar", where)).at(map.keyPosition(i)));
        ok = false;
        continue;
      }
      Quantity q = line.quantityOf(s.text(), where, s.position());
      ok &= q != null;
      gases.put(map.key(i), q);
    }
    return ok ? new Activity.Emissions(gases) : null;
  }

  private Quality quality(Fields line) {
    Optional<Fields> block = line.block("quality", QUALITY);
    if (block.isEmpty()) {
      return null;
    }
    Fields f = block.get();
    Quality.ActivityLevel activity = f.choice("activity", false, Quality.ActivityLevel::fromId, ACTIVITY_LEVELS);
    Quality.Calibration calibration = f.choice("calibration", false, Quality.Calibration::fromId, CALIBRATIONS);
    Integer points = f.integer("factor", false);
    if (points != null && (points < 1 || points > 6)) {
      f.error("factor", f.node("factor"), Text.of("read.factorPoints", points.toString()));
      points = null;
    }
    return new Quality(activity, calibration, points);
  }

  private List<Coproduct> coproducts(Fields top) {
    return blocks(top, "coproducts", COPRODUCT, false, this::coproduct);
  }

  private Coproduct coproduct(int index, Fields f) {
    BigDecimal price = f.decimal("price", false);
    String name = f.string("name", true);
    return new Coproduct(name == null ? f.path() : name, f.quantity("output", true),
        price == null ? null : price.doubleValue(), f.quantity("declaredUnit", false), f.quantity("massPerUnit", false));
  }

  private double cutoff(Fields top) {
    Optional<Fields> block = top.block("cutoff", CUTOFF);
    if (block.isEmpty()) {
      return Study.DEFAULT_CUTOFF;
    }
    BigDecimal share = block.get().decimal("massShare", false);
    if (share == null) {
      return Study.DEFAULT_CUTOFF;
    }
    if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) >= 0) {
      block.get().error("massShare", block.get().node("massShare"), Text.of("read.cutoffRange", share.toPlainString()));
      return Study.DEFAULT_CUTOFF;
    }
    return share.doubleValue();
  }

  private Claims claims(Fields top) {
    Optional<Fields> block = top.block("claimed", CLAIMED);
    if (block.isEmpty()) {
      return Claims.none();
    }
    Fields f = block.get();
    Map<Stage, Quantity> stages = new LinkedHashMap<>();
    stagePairs(f, "stages").forEach((stage, v) -> {
      try {
        stages.put(stage, Units.parseQuantity(v.text()));
      } catch (QuantityFormatException e) {
        findings.add(new Finding(e.code(), Severity.ERROR, "claimed.stages." + stage.id(), null, e.text())
            .at(v.position()));
      }
    });
    Map<Stage, Claims.Share> shares = new LinkedHashMap<>();
    stagePairs(f, "shares").forEach((stage, v) -> {
      Claims.Share share = share(v.text(), "claimed.shares." + stage.id(), v);
      if (share != null) {
        shares.put(stage, share);
      }
    });
    return new Claims(f.quantity("total", false), f.quantity("perUnit", false), f.decimal("dataQuality", false),
        stages, shares);
  }

  /**
   * Claimed figures by stage: a block keyed by stage ({@code stages: {production: 6843.6 tCO2e}}),
   * or in a workbook cell {@code production=6843.6 tCO2e; raw-materials=5100 tCO2e}.
   */
  private Map<Stage, Node.Scalar> stagePairs(Fields claimed, String key) {
    Map<Stage, Node.Scalar> out = new LinkedHashMap<>();
    Node n = claimed.node(key);
    Map<String, Node.Scalar> raw = new LinkedHashMap<>();
    if (n instanceof Node.MapNode map) {
      for (int i = 0; i < map.size(); i++) {
        if (map.value(i) instanceof Node.Scalar sc && sc.text() != null) {
          raw.put(map.key(i), sc);
        } else {
          claimed.error(key, map.value(i), Text.of("read.notScalar", claimed.child(key) + "." + map.key(i)));
        }
      }
    } else if (n instanceof Node.Scalar sc && sc.text() != null) {
      for (String pair : sc.text().split("[;；]")) {
        String[] kv = pair.split("=", 2);
        if (kv.length == 2) {
          raw.put(kv[0].strip(), new Node.Scalar(kv[1].strip(), Node.Kind.STRING, sc.packed()));
        } else if (!pair.isBlank()) {
          claimed.error(key, n, Text.of("read.claimedPairs", claimed.child(key), pair.strip()));
        }
      }
    } else if (n != null && !n.isNull()) {
      claimed.error(key, n, Text.of("read.notMap", claimed.child(key)));
    }
    raw.forEach((id, v) -> {
      Optional<Stage> stage = Stage.fromId(id);
      if (stage.isPresent()) {
        out.put(stage.get(), v);
      } else {
        String path = claimed.child(key) + "." + id;
        findings.add(Finding.error("INVALID_VALUE", path, Spelling.closest(id, STAGES)
            .map(x -> Text.of("read.badChoice.suggest", path, id, x))
            .orElseGet(() -> Text.of("read.badChoice", path, id, String.join(", ", STAGES)))).at(v.position()));
      }
    });
    return out;
  }

  private static final java.util.regex.Pattern SHARE = java.util.regex.Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*[%％]\\s*");

  /** A share as a report prints it, {@code 57.04 %}; anything else is a finding and null. */
  private Claims.Share share(String text, String path, Node node) {
    java.util.regex.Matcher m = SHARE.matcher(text);
    if (!m.matches() || Double.parseDouble(m.group(1)) > 100) {
      findings.add(Finding.error("INVALID_VALUE", path, Text.of("read.share", path, text))
          .at(node == null ? null : node.position()));
      return null;
    }
    return new Claims.Share(text.strip(), Double.parseDouble(m.group(1)));
  }
}
