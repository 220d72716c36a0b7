package org.tanji.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.tanji.io.StudyKeys;

/**
 * The study editor's form and the study file behind it. The form shows the keys people edit most
 * (study, organization, product, claims, factors, inventory lines); everything else in the file
 * (sources, notes, evidence, allocation, gas lines, report details) is kept as it was, because the
 * form is applied to the file of the version it was opened from, never rebuilt from nothing.
 */
final class StudyForm {

  /** The single fields, by their key path in the study file (checked against the format's keys). */
  static final List<String> SCALARS = Stream.of(
      "study.title", "study.language", "study.standards", "study.boundary", "study.period.start", "study.period.end",
      "study.gwp", "organization.name", "organization.address", "organization.creditCode", "organization.industry",
      "product.name", "product.declaredUnit", "product.output", "product.price", "product.description",
      "product.cnCode", "product.geography",
      "claimed.total", "claimed.perUnit").map(StudyKeys::require).toList();

  /** An inventory row's fields: form name → key path inside the line (checked against the format's keys). */
  static final Map<String, String> LINE_FIELDS = ordered(
      "name", "name", "stage", "stage", "amount", "amount", "mass", "mass", "distance", "distance",
      "factor", "factor", "activity", "quality.activity", "calibration", "quality.calibration",
      "claimed", "claimed", "excluded", "excluded", "source", "source");

  /** A factor row's fields: form name → key inside the factor ({@code key} is the factor's own key). */
  static final List<String> FACTOR_FIELDS = List.of("key", "name", "value", "type", "source", "year");

  static {
    LINE_FIELDS.values().forEach(path -> StudyKeys.require("inventory[]." + path));
    FACTOR_FIELDS.subList(1, FACTOR_FIELDS.size()).forEach(k -> StudyKeys.require("factors.*." + k));
  }

  /** One inventory row: where it came from (its index in the base file, or "" for a new row) and its fields as typed. */
  record Line(String origin, Map<String, String> values, String gases) {}

  /** One factor row: its key in the base file ("" for a new one) and its fields as typed. */
  record FactorRow(String origin, Map<String, String> values) {}

  /** Everything the form shows. */
  record Values(Map<String, String> scalars, List<FactorRow> factors, List<Line> lines) {}

  /** A problem with the form itself, found before anything is stored: which field, which message key and arguments. */
  record Problem(String field, String key, Object... args) {}

  private static final ObjectMapper YAML_IN = YAMLMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();
  private static final ObjectMapper JSON_IN = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();
  private static final ObjectMapper YAML_OUT = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build());

  private StudyForm() {}

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** A new study: the format version and the language, nothing else. */
  static ObjectNode blank(Locale locale) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("tanji", 1);
    root.putObject("study").put("language", locale.getLanguage().equals("zh") ? "zh" : "en");
    root.putArray("inventory");
    return root;
  }

  /** A YAML or JSON study file as a tree; empty when it is not a mapping at the top (or cannot be parsed). */
  static Optional<ObjectNode> parse(byte[] bytes, String format) {
    try {
      JsonNode n = ("json".equals(format) ? JSON_IN : YAML_IN).readTree(bytes);
      return n instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The tree as a YAML study file. */
  static byte[] yaml(ObjectNode tree) {
    try {
      return YAML_OUT.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- file → form

  /** What the form shows for a study file. */
  static Values of(ObjectNode tree) {
    Map<String, String> scalars = new LinkedHashMap<>();
    for (String path : SCALARS) {
      JsonNode n = at(tree, path);
      if (path.equals("study.standards") && n != null && n.isArray()) {
        List<String> parts = new ArrayList<>();
        n.forEach(x -> parts.add(text(x)));
        scalars.put(path, String.join(", ", parts));
      } else {
        scalars.put(path, text(n));
      }
    }
    List<FactorRow> factors = new ArrayList<>();
    JsonNode fs = tree.get("factors");
    if (fs instanceof ObjectNode fo) {
      for (Iterator<Map.Entry<String, JsonNode>> it = fo.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("key", e.getKey());
        for (String f : FACTOR_FIELDS.subList(1, FACTOR_FIELDS.size())) {
          v.put(f, e.getValue().isObject() ? text(e.getValue().get(f)) : f.equals("value") ? text(e.getValue()) : "");
        }
        factors.add(new FactorRow(e.getKey(), v));
      }
    }
    List<Line> lines = new ArrayList<>();
    JsonNode inv = tree.get("inventory");
    if (inv instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode line = a.get(i);
        Map<String, String> v = new LinkedHashMap<>();
        LINE_FIELDS.forEach((field, path) -> v.put(field, text(at(line, path))));
        lines.add(new Line(Integer.toString(i), v, gases(line.get("emissions"))));
      }
    }
    return new Values(scalars, factors, lines);
  }

  private static String gases(JsonNode emissions) {
    if (emissions == null) {
      return null;
    }
    if (!emissions.isObject()) {
      return text(emissions);
    }
    List<String> parts = new ArrayList<>();
    emissions.fields().forEachRemaining(e -> parts.add(e.getKey() + " " + text(e.getValue())));
    return String.join(", ", parts);
  }

  /** A scalar as the user wrote it; a block or list (which the form does not edit) as its YAML text. */
  private static String text(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "";
    }
    if (n.isValueNode()) {
      return n.isBigDecimal() ? n.decimalValue().toPlainString() : n.asText();
    }
    return n.toString();
  }

  private static JsonNode at(JsonNode root, String path) {
    JsonNode n = root;
    for (String part : path.split("\\.")) {
      if (n == null || !n.isObject()) {
        return null;
      }
      n = n.get(part);
    }
    return n;
  }

  // ---- form → file

  /** The form as submitted, every value exactly as typed. */
  static Values of(Map<String, List<String>> form) {
    Map<String, String> scalars = new LinkedHashMap<>();
    for (String path : SCALARS) {
      scalars.put(path, first(form.get(path)));
    }
    List<String> lineOrigins = form.getOrDefault("line.origin", List.of());
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < lineOrigins.size(); i++) {
      Map<String, String> v = new LinkedHashMap<>();
      for (String field : LINE_FIELDS.keySet()) {
        v.put(field, nth(form.get("line." + field), i));
      }
      lines.add(new Line(lineOrigins.get(i), v, nth(form.get("line.gases"), i)));
    }
    List<String> factorOrigins = form.getOrDefault("factor.origin", List.of());
    List<FactorRow> factors = new ArrayList<>();
    for (int i = 0; i < factorOrigins.size(); i++) {
      Map<String, String> v = new LinkedHashMap<>();
      for (String field : FACTOR_FIELDS) {
        v.put(field, nth(form.get("factor." + field), i));
      }
      factors.add(new FactorRow(factorOrigins.get(i), v));
    }
    return new Values(scalars, factors, lines);
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
  }

  private static String nth(List<String> values, int i) {
    return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
  }

  /**
   * What must be fixed in the form before it can become a file at all: a factor without a key, or
   * two factors with one key (a file cannot hold both, and dropping one would lose it).
   */
  static List<Problem> problems(Values v) {
    List<Problem> out = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < v.factors().size(); i++) {
      Map<String, String> f = v.factors().get(i).values();
      String key = f.get("key").strip();
      boolean empty = f.values().stream().allMatch(String::isBlank);
      if (empty) {
        continue;
      }
      if (key.isEmpty()) {
        out.add(new Problem("factors#" + i + ".key", "form.factorKeyMissing", i + 1));
      } else if (seen.containsKey(key)) {
        out.add(new Problem("factors#" + i + ".key", "form.factorKeyTwice", key, seen.get(key) + 1, i + 1));
      } else {
        seen.put(key, i);
      }
    }
    return out;
  }

  /** The base file with the form's values written into it; keys the form does not show are kept. */
  static ObjectNode apply(ObjectNode base, Values v) {
    ObjectNode root = base.deepCopy();
    for (String path : SCALARS) {
      String value = v.scalars().getOrDefault(path, "").strip();
      JsonNode before = at(base, path);
      if (before != null && before.isContainerNode() && value.equals(text(before))) {
        // a list of stages or a study's own GWP table, shown as it stands and left alone: kept as it was
        continue;
      }
      if (path.equals("study.standards") && !value.isEmpty()) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (String s : value.split("[,，;；]")) {
          if (!s.isBlank()) {
            list.add(s.strip());
          }
        }
        set(root, path, list);
      } else {
        set(root, path, value.isEmpty() ? null : JsonNodeFactory.instance.textNode(value));
      }
    }
    applyFactors(root, base, v.factors());
    applyLines(root, base, v.lines());
    return root;
  }

  private static void applyFactors(ObjectNode root, ObjectNode base, List<FactorRow> rows) {
    JsonNode old = base.get("factors");
    ObjectNode factors = JsonNodeFactory.instance.objectNode();
    for (FactorRow row : rows) {
      Map<String, String> f = row.values();
      if (f.values().stream().allMatch(String::isBlank)) {
        continue;
      }
      JsonNode before = old == null || row.origin().isEmpty() ? null : old.get(row.origin());
      boolean onlyValue = FACTOR_FIELDS.stream()
          .filter(k -> !k.equals("key") && !k.equals("value")).allMatch(k -> f.get(k).isBlank());
      if (onlyValue && (before == null || before.isValueNode())) {
        factors.put(f.get("key").strip(), f.get("value").strip()); // the shorthand `grid: 0.6205 tCO2e/MWh`
        continue;
      }
      ObjectNode node = before instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
      for (String k : FACTOR_FIELDS.subList(1, FACTOR_FIELDS.size())) {
        String value = f.get(k).strip();
        if (value.isEmpty()) {
          node.remove(k);
        } else if (k.equals("year") && value.matches("\\d{4}")) {
          node.put(k, Integer.parseInt(value));
        } else {
          node.put(k, value);
        }
      }
      factors.set(f.get("key").strip(), node);
    }
    if (factors.isEmpty()) {
      root.remove("factors");
    } else {
      root.set("factors", factors);
    }
    moveBefore(root, "factors", "inventory"); // a new factors block goes where the format has it
  }

  private static void applyLines(ObjectNode root, ObjectNode base, List<Line> rows) {
    JsonNode old = base.get("inventory");
    ArrayNode lines = JsonNodeFactory.instance.arrayNode();
    for (Line row : rows) {
      JsonNode before = null;
      if (old instanceof ArrayNode a && row.origin().matches("\\d{1,9}")) {
        int i = Integer.parseInt(row.origin());
        before = i < a.size() ? a.get(i) : null;
      }
      if (before == null && row.values().values().stream().allMatch(String::isBlank)) {
        continue; // a row added and never filled in
      }
      ObjectNode line = before instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
      ObjectNode fresh = JsonNodeFactory.instance.objectNode();
      // the form's keys first, in the format's order, then whatever else the line had
      LINE_FIELDS.forEach((field, path) -> {
        String value = row.values().get(field).strip();
        if (!path.contains(".") && !value.isEmpty()) {
          fresh.put(path, value);
        }
      });
      line.fields().forEachRemaining(e -> {
        if (!LINE_FIELDS.containsValue(e.getKey()) && !e.getKey().equals("quality")) {
          fresh.set(e.getKey(), e.getValue());
        }
      });
      ObjectNode quality = line.get("quality") instanceof ObjectNode q ? q.deepCopy() : JsonNodeFactory.instance.objectNode();
      for (String k : List.of("activity", "calibration")) {
        String value = row.values().get(k).strip();
        if (value.isEmpty()) {
          quality.remove(k);
        } else {
          quality.put(k, value);
        }
      }
      if (!quality.isEmpty()) {
        fresh.set("quality", quality);
      } else if (line.has("quality") && !line.get("quality").isObject()) {
        fresh.set("quality", line.get("quality")); // not a block: kept for its finding
      }
      lines.add(fresh);
    }
    root.set("inventory", lines);
  }

  /** Sets (or, for null, removes) a value at a key path, creating blocks on the way and removing ones left empty. */
  private static void set(ObjectNode root, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    List<ObjectNode> chain = new ArrayList<>();
    ObjectNode n = root;
    for (int i = 0; i < parts.length - 1; i++) {
      chain.add(n);
      JsonNode next = n.get(parts[i]);
      if (!(next instanceof ObjectNode)) {
        if (value == null) {
          return; // nothing there to remove
        }
        if (next != null) {
          return; // not a block (a finding's business): left as written
        }
        next = n.putObject(parts[i]);
        if (i == 0) {
          moveBefore(root, parts[0], "inventory");
          next = root.get(parts[0]);
        }
      }
      n = (ObjectNode) next;
    }
    String last = parts[parts.length - 1];
    if (value == null) {
      n.remove(last);
      for (int i = chain.size() - 1; i >= 0; i--) {
        JsonNode child = chain.get(i).get(parts[i]);
        if (child instanceof ObjectNode o && o.isEmpty()) {
          chain.get(i).remove(parts[i]);
        }
      }
    } else {
      n.set(last, value);
    }
  }

  /** Moves a top-level block in front of another (a new {@code product:} before {@code inventory:}). */
  private static void moveBefore(ObjectNode root, String key, String before) {
    if (!root.has(before)) {
      return;
    }
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    if (keys.indexOf(key) < keys.indexOf(before)) {
      return;
    }
    Map<String, JsonNode> tail = new LinkedHashMap<>();
    for (String k : keys.subList(keys.indexOf(before), keys.size())) {
      if (!k.equals(key)) {
        tail.put(k, root.remove(k));
      }
    }
    tail.forEach(root::set);
  }
}
