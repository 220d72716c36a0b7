package org.tanji.io.pact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Factor;
import org.tanji.core.model.FactorType;
import org.tanji.core.model.Finding;
import org.tanji.core.model.SupplierFootprint;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.QuantityFormatException;
import org.tanji.core.units.Units;
import org.tanji.io.internal.Node;
import org.tanji.io.internal.TreeBuilder;

/**
 * Reads a supplier's PACT v3 ProductFootprint (one footprint, a JSON array of them, or a PACT API
 * answer with {@code data}) into supplier-type factors that carry the footprint as their
 * provenance.
 *
 * <p>The factor's value is {@code pcfExcludingBiogenicUptake} divided by {@code declaredUnitAmount},
 * in kgCO₂e per declared unit of measurement: a study's footprint (ISO 14067, GB/T 24067) counts
 * fossil and biogenic emissions but reports biogenic removals apart from the total, so the
 * figure with the uptake subtracted would understate the line. The figure with uptake is kept in
 * the provenance.
 *
 * <p>Every problem is a finding whose location is the JSON path ({@code data[1].pcf.declaredUnitAmount})
 * and line and column. Errors stop the import; a deprecated or expired footprint is imported with
 * a warning, and the study that uses it is warned again.
 */
public final class PactImport {

  /** The largest file read: a footprint is a few kilobytes; a list answer of {@link #MAX_FOOTPRINTS} fits. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;
  /** The most footprints one file may hold. */
  public static final int MAX_FOOTPRINTS = 1000;
  /** The id a footprint's factor gets unless the user names it: this prefix and the footprint's UUID. */
  public static final String ID_PREFIX = "pact-";

  /** PACT's declared units and the unit table's symbol for each; those without one cannot meet an inventory line. */
  /** Every declaredUnitOfMeasurement PACT allows: the ones Tanji reads, then the ones it cannot use. */
  private static final List<String> PACT_UNITS = Stream.concat(PactUnit.names().stream(), PactUnit.UNSUPPORTED.stream()).toList();
  private static final List<String> STATUSES = List.of("Active", SupplierFootprint.DEPRECATED);
  private static final List<String> REQUIRED = List.of("id", "specVersion", "created", "status", "companyName",
      "companyIds", "productDescription", "productIds", "productNameCompany", "pcf");
  private static final List<String> REQUIRED_PCF = List.of("declaredUnitOfMeasurement", "declaredUnitAmount",
      "productMassPerDeclaredUnit", "referencePeriodStart", "referencePeriodEnd", "pcfExcludingBiogenicUptake",
      "pcfIncludingBiogenicUptake", "fossilGhgEmissions", "fossilCarbonContent", "ipccCharacterizationFactors",
      "crossSectoralStandards", "exemptedEmissionsPercent");
  /** The decimals of {@code pcf} that must not be negative (PositiveOrZeroDecimal in the schema). */
  private static final List<String> NOT_NEGATIVE = List.of("productMassPerDeclaredUnit", "fossilGhgEmissions",
      "fossilCarbonContent", "exemptedEmissionsPercent");
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(-\\d{8})?");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern URN = Pattern.compile("[uU][rR][nN]:.+");
  private static final Pattern AR = Pattern.compile("AR\\d+");

  /**
   * The longest text a footprint may hold, in characters: PACT sets no bound, and its longest texts
   * (descriptions, comments) are a few hundred characters; without one a 4 MB file could be one string.
   */
  public static final int MAX_STRING_LENGTH = 100_000;
  // the tree builder refuses nesting deeper than its MAX_DEPTH before the parser's guard is reached
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxDocumentLength(MAX_BYTES)
          .maxNestingDepth(TreeBuilder.PARSER_MAX_DEPTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .build())
      .build();
  // Jackson says a text is too long in this message only: it has no exception type of its own
  private static final String STRING_TOO_LONG = "String value length";

  private final List<Finding> findings = new ArrayList<>();
  private final Instant now;

  private PactImport(Instant now) {
    this.now = now;
  }

  /** One footprint read: its factor, and the footprint alone as JSON, to be stored as it came. */
  public record Entry(Factor factor, byte[] json) {
    public Entry {
      Objects.requireNonNull(factor, "factor");
      json = json.clone();
    }

    @Override
    public byte[] json() {
      return json.clone();
    }
  }

  /** The footprints of a file, and what was wrong with it; no entries when there is an error. */
  public record Result(List<Entry> entries, List<Finding> findings) {
    public Result {
      entries = List.copyOf(entries);
      findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
      return findings.stream().anyMatch(Finding::isError);
    }

    public List<Factor> factors() {
      return entries.stream().map(Entry::factor).toList();
    }
  }

  /**
   * Reads the footprints of a PACT file, to be imported. The factors are named {@code pact-<footprint id>}.
   *
   * @param now the moment validity is judged against: a footprint expired by then is a warning
   */
  public static Result read(byte[] bytes, Instant now) {
    return new PactImport(Objects.requireNonNull(now, "now")).result(bytes);
  }

  /**
   * Reads a footprint file, never more of it than a footprint file may hold: a larger one is the
   * finding {@code PACT_TOO_LARGE} with its size, not a whole file in memory.
   *
   * @throws IOException when the file cannot be read (NoSuchFileException when there is none)
   */
  public static Result read(java.nio.file.Path file, Instant now) throws java.io.IOException {
    long size = java.nio.file.Files.size(file);
    if (size > MAX_BYTES) {
      return new Result(List.of(), List.of(tooLarge(size)));
    }
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      return read(in.readNBytes(MAX_BYTES + 1), now);
    }
  }

  private static Finding tooLarge(long bytes) {
    return Finding.error("PACT_TOO_LARGE", "", Text.of("pactImport.tooLarge",
        String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)), MAX_BYTES / (1024 * 1024), MAX_FOOTPRINTS));
  }

  /**
   * Reads a footprint stored earlier in a library. Its validity is not judged against today: the
   * study that uses it is checked against its own period.
   */
  public static Result stored(byte[] bytes) {
    return new PactImport(null).result(bytes);
  }

  private Result result(byte[] bytes) {
    Map<Node, Factor> factors = all(bytes);
    if (findings.stream().anyMatch(Finding::isError)) {
      return new Result(List.of(), findings);
    }
    List<Entry> entries = new ArrayList<>();
    factors.forEach((node, factor) -> entries.add(new Entry(factor, json(node))));
    return new Result(entries, findings);
  }

  private static final JsonFactory WRITER = new JsonFactory();

  /** A footprint alone, written from the tree it was read into (the file is parsed once), indented. */
  private static byte[] json(Node footprint) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (JsonGenerator g = WRITER.createGenerator(out).useDefaultPrettyPrinter()) {
      write(g, footprint);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory", e);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator g, Node n) throws IOException {
    if (n instanceof Node.MapNode m) {
      g.writeStartObject();
      for (int i = 0; i < m.size(); i++) {
        g.writeFieldName(m.key(i));
        write(g, m.value(i));
      }
      g.writeEndObject();
    } else if (n instanceof Node.ListNode l) {
      g.writeStartArray();
      for (int i = 0; i < l.size(); i++) {
        write(g, l.get(i));
      }
      g.writeEndArray();
    } else if (n instanceof Node.Scalar s) {
      switch (s.kind()) {
        case STRING -> g.writeString(s.text());
        case NUMBER -> g.writeNumber(s.text()); // as written: a number is not read as a double and back
        case BOOLEAN -> g.writeBoolean(Boolean.parseBoolean(s.text()));
        case NULL -> g.writeNull();
      }
    }
  }

  /** The factors read, by the node of their footprint. */
  private Map<Node, Factor> all(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      findings.add(tooLarge(bytes.length));
      return Map.of();
    }
    Node root;
    int parsed = findings.size();
    try (JsonParser parser = JSON.createParser(bytes)) {
      root = TreeBuilder.build(parser, findings);
    } catch (IOException e) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.syntax", String.valueOf(e.getMessage()))));
      return Map.of();
    }
    // the tree builder's limits are put as a study file's: say them as a footprint file's
    for (int i = parsed; i < findings.size(); i++) {
      findings.set(i, ofFootprintFile(findings.get(i)));
    }
    if (root == null) {
      return Map.of();
    }
    Map<String, Node> footprints = footprints(root);
    if (footprints.size() > MAX_FOOTPRINTS) {
      findings.add(Finding.error("PACT_TOO_LARGE", "", Text.of("pactImport.tooMany", footprints.size(), MAX_FOOTPRINTS)));
      return Map.of();
    }
    Map<Node, Factor> out = new LinkedHashMap<>(); // a footprint node is its own key: nodes compare by identity
    Map<String, String> seen = new HashMap<>();
    footprints.forEach((path, node) -> {
      int before = findings.size();
      Factor f = footprint(node, path);
      if (f != null) {
        String firstAt = seen.putIfAbsent(f.supplier().footprintId().toLowerCase(Locale.ROOT), path);
        if (firstAt != null) {
          findings.add(error("PACT_DUPLICATE_ID", path + "id", node, Text.of("pactImport.duplicateId",
              f.supplier().footprintId(), firstAt.isEmpty() ? "/" : firstAt)));
        } else if (findings.subList(before, findings.size()).stream().noneMatch(Finding::isError)) {
          out.put(node, f);
        }
      }
    });
    return out;
  }

  /** The footprints of the file by their path prefix ("", "data.", "data[3]."). */
  private Map<String, Node> footprints(Node root) {
    Map<String, Node> out = new LinkedHashMap<>();
    Node data = root instanceof Node.MapNode m && m.get("data") != null ? m.get("data") : null;
    String prefix = data == null ? "" : "data";
    Node top = data == null ? root : data;
    if (top instanceof Node.ListNode list) {
      if (list.size() == 0) {
        findings.add(Finding.error("MISSING_VALUE", prefix, Text.of("pactImport.empty")).at(list.position()));
      }
      for (int i = 0; i < list.size(); i++) {
        out.put(prefix + "[" + i + "].", list.get(i));
      }
    } else if (top instanceof Node.MapNode && (data != null || ((Node.MapNode) top).get("pcf") != null
        || ((Node.MapNode) top).get("specVersion") != null)) {
      out.put(data == null ? "" : "data.", top);
    } else {
      findings.add(Finding.error("PACT_NOT_FOOTPRINT", prefix, Text.of("pactImport.notFootprint")).at(top.position()));
    }
    return out;
  }

  private Factor footprint(Node node, String path) {
    if (!(node instanceof Node.MapNode fp)) {
      findings.add(error("PACT_NOT_FOOTPRINT", trim(path), node, Text.of("pactImport.notObject", trim(path))));
      return null;
    }
    int before = findings.size();
    // the version decides what the other fields mean: a 2.x footprint is not read further
    if (!specVersion(fp, path)) {
      return null;
    }
    for (String key : REQUIRED) {
      present(fp, path, key, REQUIRED);
    }
    String id = string(fp, path, "id", UUID, "pactImport.notUuid");
    Instant created = dateTime(fp, path, "created");
    String status = choice(fp, path, "status", STATUSES);
    String company = string(fp, path, "companyName", null, null);
    List<String> companyIds = urns(fp, path, "companyIds");
    string(fp, path, "productDescription", null, null);
    List<String> productIds = urns(fp, path, "productIds");
    String product = string(fp, path, "productNameCompany", null, null);
    List<String> preceding = fp.get("precedingPfIds") == null ? List.of() : strings(fp, path, "precedingPfIds", UUID, "pactImport.notUuid");
    Instant validFrom = fp.get("validityPeriodStart") == null ? null : dateTime(fp, path, "validityPeriodStart");
    Instant validUntil = fp.get("validityPeriodEnd") == null ? null : dateTime(fp, path, "validityPeriodEnd");

    Node pcfNode = fp.get("pcf");
    if (!(pcfNode instanceof Node.MapNode pcf)) {
      if (pcfNode != null) {
        findings.add(error("INVALID_VALUE", path + "pcf", pcfNode, Text.of("pactImport.notObject", path + "pcf")));
      }
      return null;
    }
    String at = path + "pcf.";
    for (String key : REQUIRED_PCF) {
      present(pcf, at, key, REQUIRED_PCF);
    }
    String unitName = choice(pcf, at, "declaredUnitOfMeasurement", PACT_UNITS);
    BigDecimal amount = decimal(pcf, at, "declaredUnitAmount");
    if (amount != null && amount.signum() <= 0) {
      findings.add(error("INVALID_VALUE", at + "declaredUnitAmount", pcf.get("declaredUnitAmount"),
          Text.of("pactImport.notPositive", at + "declaredUnitAmount", amount.toPlainString())));
    }
    for (String key : NOT_NEGATIVE) {
      BigDecimal d = decimal(pcf, at, key);
      if (d != null && d.signum() < 0) {
        findings.add(error("INVALID_VALUE", at + key, pcf.get(key), Text.of("pactImport.negative", at + key, d.toPlainString())));
      }
    }
    BigDecimal excluding = decimal(pcf, at, "pcfExcludingBiogenicUptake");
    BigDecimal including = decimal(pcf, at, "pcfIncludingBiogenicUptake");
    Instant refStart = dateTime(pcf, at, "referencePeriodStart");
    Instant refEnd = dateTime(pcf, at, "referencePeriodEnd");
    order(pcf, at, "referencePeriodStart", refStart, "referencePeriodEnd", refEnd);
    order(fp, path, "validityPeriodStart", validFrom, "validityPeriodEnd", validUntil);
    strings(pcf, at, "ipccCharacterizationFactors", AR, "pactImport.notAr");
    strings(pcf, at, "crossSectoralStandards", null, null);
    Optional<PactUnit> unit = unitName == null ? Optional.empty() : PactUnit.named(unitName);
    if (unitName != null && unit.isEmpty()) {
      findings.add(error("PACT_UNIT_UNSUPPORTED", at + "declaredUnitOfMeasurement", pcf.get("declaredUnitOfMeasurement"),
          Text.of("pactImport.unitUnsupported", unitName, String.join(", ", PactUnit.names()))));
    }
    if (findings.subList(before, findings.size()).stream().anyMatch(Finding::isError)) {
      return null;
    }
    PactValidity validity;
    Instant latestEnd; // the latest end the specification allows
    try {
      validity = PactValidity.of(Optional.ofNullable(validFrom), Optional.ofNullable(validUntil), refEnd);
      latestEnd = PactValidity.defaultEnd(refEnd);
    } catch (java.time.DateTimeException e) { // a reference period ending in the year 999,999,999
      findings.add(error("INVALID_VALUE", at + "referencePeriodEnd", pcf.get("referencePeriodEnd"),
          Text.of("pactImport.notDateTime", at + "referencePeriodEnd", refEnd.toString())));
      return null;
    }
    Instant from = validity.from();
    Instant until = validity.until();
    // one bound given, the other taken from the reference period: they must still be in order
    if (validity.reversed()) {
      String fromKey = validFrom != null ? path + "validityPeriodStart" : at + "referencePeriodEnd";
      String untilKey = validUntil != null ? "validityPeriodEnd" : "validityPeriodStart";
      findings.add(error("INVALID_VALUE", path + untilKey, fp.get(untilKey),
          Text.of("pactImport.order", validUntil != null ? path + "validityPeriodEnd" : at + "referencePeriodEnd + 3 years",
              until.toString(), fromKey, from.toString())));
      return null;
    }
    // the specification keeps a declared period within three years from the reference period's end
    if (validFrom != null && validFrom.isBefore(refEnd)) {
      findings.add(Finding.warning("PACT_VALIDITY", path + "validityPeriodStart",
          Text.of("pactImport.validityEarly", validFrom.toString(), refEnd.toString())).at(fp.get("validityPeriodStart").position()));
    }
    if (validUntil != null && validUntil.isAfter(latestEnd)) {
      findings.add(Finding.warning("PACT_VALIDITY", path + "validityPeriodEnd",
          Text.of("pactImport.validityLate", validUntil.toString(), latestEnd.toString()))
          .at(fp.get("validityPeriodEnd").position()));
    }
    SupplierFootprint supplier = new SupplierFootprint(id, preceding, text(fp, "specVersion"), status, company,
        companyIds, product, productIds, created, from, until, validity.declared(),
        text(pcf, "declaredUnitAmount") + " " + unitName, excluding.toPlainString(), including.toPlainString());
    if (supplier.deprecated()) {
      findings.add(Finding.warning("PACT_DEPRECATED", path + "status",
          Text.of("pactImport.deprecated", id, company)).at(fp.get("status").position()));
    }
    if (now != null && !now.isBefore(until)) { // the period's end is not in it
      // the end that expired: the declared one, else the reference period's end it was taken from
      Node end = validUntil != null ? fp.get("validityPeriodEnd") : pcf.get("referencePeriodEnd");
      findings.add(Finding.warning("PACT_EXPIRED", path + (validUntil != null ? "validityPeriodEnd" : "pcf.referencePeriodEnd"),
          Text.of("pactImport.expired", id, company, supplier.validUntilDate().toString(),
              LocalDate.ofInstant(now, ZoneOffset.UTC).toString())).at(end.position()));
    }
    BigDecimal perUnit = excluding.divide(amount, MathContext.DECIMAL64).stripTrailingZeros();
    Quantity value;
    try {
      value = Units.parseQuantity((perUnit.signum() == 0 ? "0" : perUnit.toPlainString()) + " kgCO2e/" + unit.orElseThrow().unit().symbol());
    } catch (QuantityFormatException e) { // beyond what a double holds: 1e400 kgCO2e, or 1 over 1e-400 pieces
      findings.add(error("INVALID_VALUE", at + "pcfExcludingBiogenicUptake", pcf.get("pcfExcludingBiogenicUptake"),
          e.text()));
      return null;
    }
    int year = OffsetDateTime.ofInstant(refEnd.minusSeconds(1), ZoneOffset.UTC).getYear();
    return new Factor(ID_PREFIX + id.toLowerCase(Locale.ROOT), product, value,
        "PACT " + supplier.specVersion() + " · " + company, FactorType.SUPPLIER, year, region(pcf),
        "cradle-to-gate", text(fp, "productDescription"), LocalDate.ofInstant(created, ZoneOffset.UTC).toString(),
        ID_PREFIX + id.toLowerCase(Locale.ROOT), null, supplier);
  }

  /** Accepts 3.0.x; says what the file is when it is another major or minor version. */
  private boolean specVersion(Node.MapNode fp, String path) {
    Node n = fp.get("specVersion");
    if (n == null) {
      present(fp, path, "specVersion", REQUIRED);
      return false;
    }
    String v = scalar(n);
    Matcher m = v == null ? null : VERSION.matcher(v);
    if (m == null || !m.matches()) {
      findings.add(error("PACT_SPEC_VERSION", path + "specVersion", n, Text.of("pactImport.specVersion.unknown", String.valueOf(v))));
      return false;
    }
    if (!m.group(1).equals("3") || !m.group(2).equals("0")) {
      findings.add(error("PACT_SPEC_VERSION", path + "specVersion", n,
          Text.of("pactImport.specVersion.other", v, m.group(1) + "." + m.group(2))));
      return false;
    }
    return true;
  }

  private void present(Node.MapNode map, String path, String key, List<String> required) {
    Node n = map.get(key);
    if (n == null || n.isNull()) {
      findings.add(error("MISSING_VALUE", path + key, n == null ? map : n,
          Text.of("pactImport.missing", path + key, String.join(", ", required))));
    }
  }

  /** A required string (already said when missing), optionally of a pattern. */
  private String string(Node.MapNode map, String path, String key, Pattern pattern, String patternKey) {
    Node n = map.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!(n instanceof Node.Scalar s) || s.kind() != Node.Kind.STRING) {
      findings.add(error("INVALID_VALUE", path + key, n, Text.of("pactImport.notString", path + key)));
      return null;
    }
    if (s.text().isBlank()) {
      findings.add(error("MISSING_VALUE", path + key, n, Text.of("pactImport.blank", path + key)));
      return null;
    }
    if (pattern != null && !pattern.matcher(s.text()).matches()) {
      findings.add(error("INVALID_VALUE", path + key, n, Text.of(patternKey, path + key, s.text())));
      return null;
    }
    return s.text();
  }

  private String choice(Node.MapNode map, String path, String key, List<String> allowed) {
    String s = string(map, path, key, null, null);
    if (s != null && !allowed.contains(s)) {
      findings.add(error("INVALID_VALUE", path + key, map.get(key),
          Text.of("pactImport.badChoice", path + key, s, String.join(", ", allowed))));
      return null;
    }
    return s;
  }

  /** A non-empty array of strings, each of a pattern when one is given. */
  private List<String> strings(Node.MapNode map, String path, String key, Pattern pattern, String patternKey) {
    Node n = map.get(key);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!(n instanceof Node.ListNode list)) {
      findings.add(error("INVALID_VALUE", path + key, n, Text.of("pactImport.notList", path + key)));
      return List.of();
    }
    if (list.size() == 0) {
      findings.add(error("MISSING_VALUE", path + key, n, Text.of("pactImport.emptyList", path + key)));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = path + key + "[" + i + "]";
      Node item = list.get(i);
      String text = item instanceof Node.Scalar s && s.kind() == Node.Kind.STRING ? s.text() : null;
      if (text == null) {
        findings.add(error("INVALID_VALUE", where, item, Text.of("pactImport.notString", where)));
      } else if (pattern != null && !pattern.matcher(text).matches()) {
        findings.add(error("INVALID_VALUE", where, item, Text.of(patternKey, where, text)));
      } else {
        out.add(text);
      }
    }
    return out;
  }

  private List<String> urns(Node.MapNode map, String path, String key) {
    return strings(map, path, key, URN, "pactImport.notUrn");
  }

  /** A decimal written as a string, as PACT v3 wants; a JSON number is refused with the string it should be. */
  private BigDecimal decimal(Node.MapNode map, String path, String key) {
    Node n = map.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (n instanceof Node.Scalar s && s.kind() == Node.Kind.NUMBER) {
      findings.add(error("INVALID_VALUE", path + key, n, Text.of("pactImport.numberNotString", path + key, s.text())));
      return null;
    }
    String text = scalar(n);
    if (text == null || !DECIMAL.matcher(text).matches()) {
      findings.add(error("INVALID_VALUE", path + key, n, Text.of("pactImport.notDecimal", path + key, String.valueOf(text))));
      return null;
    }
    return new BigDecimal(text);
  }

  private Instant dateTime(Node.MapNode map, String path, String key) {
    String s = string(map, path, key, null, null);
    if (s == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      findings.add(error("INVALID_VALUE", path + key, map.get(key), Text.of("pactImport.notDateTime", path + key, s)));
      return null;
    }
  }

  private void order(Node.MapNode map, String path, String startKey, Instant start, String endKey, Instant end) {
    if (start != null && end != null && end.isBefore(start)) {
      findings.add(error("INVALID_VALUE", path + endKey, map.get(endKey),
          Text.of("pactImport.order", path + endKey, end.toString(), path + startKey, start.toString())));
    }
  }

  /** The most specific geography the footprint gives; none means global. */
  private static String region(Node.MapNode pcf) {
    for (String key : List.of("geographyCountrySubdivision", "geographyCountry", "geographyRegionOrSubregion")) {
      String s = text(pcf, key);
      if (s != null && !s.isBlank()) {
        return s;
      }
    }
    return "Global";
  }

  private static String text(Node.MapNode map, String key) {
    return scalar(map.get(key));
  }

  private static String scalar(Node n) {
    return n instanceof Node.Scalar s ? s.text() : null;
  }

  private static Finding error(String code, String where, Node at, Text text) {
    return Finding.error(code, where, text).at(at.position());
  }

  /** A limit of the file reached, as a footprint file's finding; any other finding as it is. */
  private static Finding ofFootprintFile(Finding f) {
    if (f.text().key().equals("read.tooDeep")) {
      return Finding.error("PACT_TOO_DEEP", "", Text.of("pactImport.tooDeep", TreeBuilder.MAX_DEPTH)).at(f.position());
    }
    if (f.text().key().equals("read.syntax") && String.valueOf(f.text().args().get(0)).startsWith(STRING_TOO_LONG)) {
      return Finding.error("PACT_TOO_LONG", "", Text.of("pactImport.tooLong", MAX_STRING_LENGTH)).at(f.position());
    }
    return f;
  }

  private static String trim(String path) {
    return path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
  }




}
