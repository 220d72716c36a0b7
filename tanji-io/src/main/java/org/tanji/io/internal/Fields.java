package org.tanji.io.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.tanji.core.i18n.Characters;
import org.tanji.core.i18n.Spelling;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Period;
import org.tanji.core.model.Position;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.QuantityFormatException;
import org.tanji.core.units.Units;

/**
 * Typed access to the keys of one mapping in a study file. Every problem becomes a finding with
 * the key path and the position in the file; nothing is converted without saying so.
 */
public final class Fields {

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?");

  private final Node.MapNode map;
  private final String path;
  private final List<Finding> findings;
  private final Position anchor;

  private Fields(Node.MapNode map, String path, List<Finding> findings, Position anchor) {
    this.map = map;
    this.path = path;
    this.findings = findings;
    this.anchor = anchor;
  }

  /**
   * Fields of a node that must be a mapping with only the given keys; anything else is a finding.
   *
   * @param anchor where the block stands (its key in the parent, or the list item)
   * @return empty when the node is absent or not a mapping (a finding says which)
   */
  public static Optional<Fields> of(Node node, String path, List<String> allowed, List<Finding> findings,
      Position anchor) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!(node instanceof Node.MapNode map)) {
      findings.add(Finding.error("INVALID_VALUE", path, Text.of("read.notMap", pathOrTop(path))).at(node.position()));
      return Optional.empty();
    }
    Fields fields = new Fields(map, path, findings, anchor == null ? map.position() : anchor);
    for (int i = 0; i < map.size(); i++) {
      String key = map.key(i);
      if (!allowed.contains(key)) {
        Optional<String> suggestion = Spelling.closest(key, allowed);
        Text text = suggestion
            .map(s -> Text.of("read.unknownKey.suggest", key, pathOrTop(path), s))
            .orElseGet(() -> Text.of("read.unknownKey", key, pathOrTop(path), String.join(", ", allowed)));
        findings.add(Finding.error("UNKNOWN_KEY", fields.child(key), text).at(map.keyPosition(i)));
      }
    }
    return Optional.of(fields);
  }

  /** The block under a key, checked against its allowed keys. */
  public Optional<Fields> block(String key, List<String> allowed) {
    return of(node(key), child(key), allowed, findings, keyPosition(key));
  }

  private static Object pathOrTop(String path) {
    return path.isEmpty() ? Text.of("read.top") : path;
  }

  public String path() {
    return path;
  }

  public String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public boolean has(String key) {
    Node n = node(key);
    return n != null && !n.isNull();
  }

  /** The raw node under a key, or null. */
  public Node node(String key) {
    return map.get(key);
  }

  /** Where a key stands, or where the block stands when the key is absent. */
  public Position keyPosition(String key) {
    int i = map.indexOf(key);
    return i < 0 ? anchor : map.keyPosition(i);
  }

  /** Where the block stands: the line of its key, or of its first entry for the top level. */
  public Position position() {
    return anchor;
  }

  // ------------------------------------------------------------------ scalars

  /** A text value; numbers and booleans are taken as the text they were written as. */
  public String string(String key, boolean required) {
    Node n = node(key);
    if (!has(key)) {
      if (required) {
        missing(key);
      }
      return null;
    }
    if (n instanceof Node.Scalar s) {
      return s.text();
    }
    error(key, n, Text.of("read.notScalar", child(key)));
    return null;
  }

  /** A quantity {@code "<number> <unit>"}, with full-width characters converted and said so. */
  public Quantity quantity(String key, boolean required) {
    String text = string(key, required);
    if (text == null) {
      return null;
    }
    return quantityOf(text, child(key), node(key).position());
  }

  /** Reads a quantity text found at a path; problems are findings and the result null. */
  public Quantity quantityOf(String text, String where, Position pos) {
    String normalized = Characters.halfWidth(text);
    if (!normalized.equals(text)) {
      findings.add(Finding.warning("FULLWIDTH_CHARACTERS", where, Text.of("read.fullWidth", text, normalized)).at(pos));
    }
    try {
      return Units.parseQuantity(normalized);
    } catch (QuantityFormatException e) {
      findings.add(Finding.error(e.code(), where, e.text()).at(pos));
      return null;
    }
  }

  /** A plain decimal number (no unit); full-width digits are converted with a warning. */
  public BigDecimal decimal(String key, boolean required) {
    String text = string(key, required);
    if (text == null) {
      return null;
    }
    String normalized = Characters.halfWidth(text).strip();
    if (!normalized.equals(text.strip())) {
      findings.add(Finding.warning("FULLWIDTH_CHARACTERS", child(key), Text.of("read.fullWidth", text, normalized))
          .at(node(key).position()));
    }
    if (!DECIMAL.matcher(normalized).matches()) {
      error(key, node(key), Text.of("read.notNumber", child(key), text));
      return null;
    }
    BigDecimal value = new BigDecimal(normalized);
    if (value.abs().compareTo(BigDecimal.valueOf(Double.MAX_VALUE)) > 0) {
      error(key, node(key), Text.of("read.notNumber", child(key), text));
      return null;
    }
    return value;
  }

  /** A whole number. */
  public Integer integer(String key, boolean required) {
    BigDecimal d = decimal(key, required);
    if (d == null) {
      return null;
    }
    try {
      return d.stripTrailingZeros().intValueExact();
    } catch (ArithmeticException e) {
      error(key, node(key), Text.of("read.notInteger", child(key), d.toPlainString()));
      return null;
    }
  }

  /** {@code true} or {@code false}; absent is false. */
  public boolean bool(String key) {
    Node n = node(key);
    if (!has(key)) {
      return false;
    }
    if (n instanceof Node.Scalar s && ("true".equals(s.text()) || "false".equals(s.text()))) {
      return "true".equals(s.text());
    }
    String text = n instanceof Node.Scalar s ? s.text() : "…";
    error(key, n, Text.of("read.notBoolean", child(key), text));
    return false;
  }

  /** One of a fixed set of identifiers, with a suggestion for near misses. */
  public <E> E choice(String key, boolean required, Function<String, Optional<E>> lookup, List<String> ids) {
    String text = string(key, required);
    if (text == null) {
      return null;
    }
    Optional<E> value = lookup.apply(text);
    if (value.isPresent()) {
      return value.get();
    }
    Optional<String> suggestion = Spelling.closest(text, ids);
    Text msg = suggestion
        .map(s -> Text.of("read.badChoice.suggest", child(key), text, s))
        .orElseGet(() -> Text.of("read.badChoice", child(key), text, String.join(", ", ids)));
    error(key, node(key), msg);
    return null;
  }

  /** A date written {@code 2023-12-31}; null, with a finding at the key, when it is missing or not a date. */
  public LocalDate date(String key, boolean required) {
    String text = string(key, required);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(Characters.halfWidth(text).strip());
    } catch (DateTimeParseException e) {
      error(key, node(key), Text.of("read.badDate", child(key), text));
      return null;
    }
  }

  /**
   * This block as a period: its {@code start} and {@code end} dates, the end not before the start;
   * null, with findings at the keys, otherwise.
   */
  public Period period() {
    LocalDate start = date("start", true);
    LocalDate end = date("end", true);
    if (start == null || end == null) {
      return null;
    }
    if (end.isBefore(start)) {
      error("end", node("end"), Text.of("read.periodReversed", start.toString(), end.toString()));
      return null;
    }
    return new Period(start, end);
  }

  public void missing(String key) {
    Node n = node(key);
    Position pos = n != null ? n.position() : anchor;
    findings.add(Finding.error("MISSING_VALUE", child(key), Text.of("read.missing", child(key))).at(pos));
  }

  public void error(String key, Node n, Text text) {
    Position pos = n != null ? n.position() : anchor;
    findings.add(Finding.error("INVALID_VALUE", child(key), text).at(pos));
  }
}
