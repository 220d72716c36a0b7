package org.tanji.io;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.tanji.core.model.Activity;
import org.tanji.core.model.Claims;
import org.tanji.core.model.Coproduct;
import org.tanji.core.model.Evidence;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Identified;
import org.tanji.core.model.InventoryLine;
import org.tanji.core.model.Organization;
import org.tanji.core.model.Product;
import org.tanji.core.model.Quality;
import org.tanji.core.model.ReportInfo;
import org.tanji.core.model.Study;
import org.tanji.core.model.StudyInfo;
import org.tanji.core.units.Quantity;

/**
 * What changed between two versions of a study, for the version history: which lines, which values.
 *
 * <p>Every value the study file holds is compared by the text the model keeps for it: a quantity by
 * the text the user typed ({@code 44369.94 t}), so {@code 110 t} → {@code 110.0 t} is a change;
 * enumerations by their file identifier ({@code raw-materials}); dates as ISO dates; the claimed
 * data-quality score with its printed decimals. Prices and the cut-off share are kept as numbers by
 * the model and are shown as plain decimals ({@code 3500}, {@code 0.01}); their formatting is not
 * compared. Source positions, line indexes and the file's {@code tanji:} version are not compared.
 *
 * <p>Matching between the versions:
 *
 * <ul>
 *   <li>inventory lines first by name and stage, then by name alone, then the remaining ones by
 *       position: an unmatched line is paired with an unmatched line of the other version that
 *       follows the same matched line (or, for both, the start of the list), k-th with k-th. Among
 *       equal names lines pair in file order. A line that only moved is no change;
 *   <li>factors by key; only the study's own factors are compared (those the study file defines), not
 *       factors its lines take from the factor library, whose key already shows in the line;
 *   <li>coproducts by name, evidence by title (equal names or titles pair in file order).
 * </ul>
 *
 * <p>Order of the changes: sections in study-file order (study, organization, product, factors,
 * evidence, inventory, coproducts, allocation, cutoff, claims, report). Within a list section the
 * after-version's order; a removed item comes right after the nearest earlier item of the
 * before-version that is still there, and removed items with no such earlier item come first. Within
 * an item, fields in study-file key order.
 *
 * <p>A null study stands for a version without data: every item and value of the other side is
 * reported added (or removed). Two null studies, like two identical ones, give an empty list.
 */
public final class StudyDiff {

  /** Whether something appeared, disappeared or took another value. */
  public enum Kind { ADDED, REMOVED, CHANGED }

  /**
   * One difference.
   *
   * <p>A whole line, factor, coproduct or evidence entry that was added or removed has field
   * {@code ""}; its {@code before} or {@code after} is a short description (a line's amount and factor,
   * {@code 44369.94 t × round-steel}; a factor's value; a coproduct's output; an evidence title), the
   * other side null. A value that was set or cleared inside an item is ADDED or REMOVED with that
   * field, and CHANGED when both versions have one.
   *
   * @param kind added, removed or changed
   * @param section "study", "organization", "product", "factors", "evidence", "inventory",
   *     "coproducts", "allocation", "cutoff", "claims" (the file's {@code claimed:}) or "report"
   * @param subject what it is about, for people: the inventory line's name (the after-version's
   *     name for a renamed line), the factor key, the coproduct's name, the evidence title, or "" for a
   *     block's own fields
   * @param field the key path relative to the subject as in the study file ({@code amount},
   *     {@code quality.activity}, {@code emissions.CH4}, {@code period.start}, {@code massShare});
   *     "" for a whole added or removed item and for the top-level {@code allocation} value
   * @param before the value before, as the user wrote it, or null when absent
   * @param after the value after, as the user wrote it, or null when absent
   */
  public record Change(Kind kind, String section, String subject, String field, String before, String after) {}

  private StudyDiff() {}

  /**
   * The changes from one version of a study to another.
   *
   * @param before the earlier version, or null for a version without data
   * @param after the later version, or null for a version without data
   * @return the changes in study-file order; empty when the versions do not differ
   */
  public static List<Change> between(Study before, Study after) {
    List<Change> out = new ArrayList<>();
    fields(out, "study", "", info(before), info(after));
    fields(out, "organization", "", organization(before), organization(after));
    fields(out, "product", "", product(before), product(after));
    items(out, "factors", factors(before), factors(after), false);
    items(out, "evidence", evidence(before), evidence(after), false);
    items(out, "inventory", inventory(before), inventory(after), true);
    items(out, "coproducts", coproducts(before), coproducts(after), false);
    fields(out, "allocation", "", allocation(before), allocation(after));
    fields(out, "cutoff", "", cutoff(before), cutoff(after));
    fields(out, "claims", "", claims(before), claims(after));
    fields(out, "report", "", report(before), report(after));
    return List.copyOf(out);
  }

  // ---- the values of each part, in study-file key order ----

  private static Map<String, String> info(Study s) {
    StudyInfo i = s == null ? StudyInfo.empty() : s.info();
    return new Values()
        .put("title", i.title())
        .put("language", i.language())
        .put("standards", i.standards().isEmpty() ? null : String.join(", ", i.standards()))
        .put("boundary", i.boundary())
        .put("period.start", i.period() == null ? null : i.period().start())
        .put("period.end", i.period() == null ? null : i.period().end())
        .put("gwp", i.gwp())
        .put("exchangeRates", i.exchangeRates().isEmpty() ? null
            : String.join("; ", i.exchangeRates().stream().map(Object::toString).toList()))
        .map;
  }

  private static Map<String, String> organization(Study s) {
    Organization o = s == null ? Organization.empty() : s.organization();
    return new Values()
        .put("name", o.name())
        .put("address", o.address())
        .put("creditCode", o.creditCode())
        .put("legalRepresentative", o.legalRepresentative())
        .put("industry", o.industry())
        .put("contact", o.contact())
        .put("phone", o.phone())
        .put("email", o.email())
        .map;
  }

  private static Map<String, String> product(Study s) {
    Product p = s == null ? Product.empty() : s.product();
    return new Values()
        .put("name", p.name())
        .put("declaredUnit", p.declaredUnit())
        .put("output", p.output())
        .put("massPerUnit", p.massPerUnit())
        .put("price", p.price())
        .put("description", p.description())
        .put("cnCode", p.customsCode() == null ? null : p.customsCode().printed())
        .put("geography", p.geography() == null ? null : p.geography().code())
        .put("fossilCarbonContent", p.fossilCarbon())
        .map;
  }

  private static List<Item> factors(Study s) {
    List<Item> out = new ArrayList<>();
    if (s != null) {
      for (Map.Entry<String, Factor> e : s.factors().entrySet()) {
        Factor f = e.getValue();
        if (f.libraryId() != null) {
          continue;
        }
        out.add(new Item(e.getKey(), null, text(f.value()), new Values()
            .put("name", f.name())
            .put("value", f.value())
            .put("source", f.source())
            .put("type", f.type())
            .put("year", f.year())
            .put("region", f.region())
            .put("boundary", f.boundary())
            .put("note", f.note())
            .put("publication", f.publication())
            .map));
      }
    }
    return out;
  }

  private static List<Item> evidence(Study s) {
    List<Item> out = new ArrayList<>();
    for (Evidence e : s == null ? List.<Evidence>of() : s.evidence()) {
      out.add(new Item(Objects.toString(e.title(), ""), null, e.title(), new Values()
          .put("title", e.title())
          .put("reference", e.reference())
          .put("note", e.note())
          .map));
    }
    return out;
  }

  private static List<Item> inventory(Study s) {
    List<Item> out = new ArrayList<>();
    for (InventoryLine l : s == null ? List.<InventoryLine>of() : s.inventory()) {
      Activity a = l.activity();
      Quantity amount = a instanceof Activity.Amount x ? x.amount() : null;
      if (a instanceof Activity.Excluded x) {
        amount = x.amount();
      }
      Values v = new Values()
          .put("name", l.name())
          .put("stage", l.stage())
          .put("amount", amount)
          .put("factor", a == null ? null : Activity.factorOf(a))
          .put("mass", a instanceof Activity.Transport x ? x.mass() : null)
          .put("distance", a instanceof Activity.Transport x ? x.distance() : null);
      if (a instanceof Activity.Emissions x) {
        x.gases().forEach((gas, q) -> v.put("emissions." + gas, q));
      }
      Quality q = l.quality();
      v.put("excluded", a instanceof Activity.Excluded x ? x.reason() : null)
          .put("quality.activity", q == null ? null : q.activity())
          .put("quality.calibration", q == null ? null : q.calibration())
          .put("quality.factor", q == null ? null : q.factorPoints())
          .put("dedicated", l.dedicated() ? "true" : null)
          .put("claimed", l.claimed())
          .put("source", l.source())
          .put("note", l.note());
      out.add(new Item(l.name(), text(l.stage()), describe(a), v.map));
    }
    return out;
  }

  /** A line's activity in a few words: {@code 44369.94 t × 1000 km × road-freight}; null if unreadable. */
  private static String describe(Activity a) {
    if (a instanceof Activity.Amount x) {
      return orQ(x.amount()) + " × " + orQ(x.factor());
    } else if (a instanceof Activity.Transport x) {
      return orQ(x.mass()) + " × " + orQ(x.distance()) + " × " + orQ(x.factor());
    } else if (a instanceof Activity.Emissions x) {
      List<String> gases = new ArrayList<>();
      x.gases().forEach((gas, q) -> gases.add(gas + " " + orQ(q)));
      return String.join(", ", gases);
    } else if (a instanceof Activity.Excluded x) {
      return orQ(x.amount()) + " (excluded: " + x.reason() + ")";
    }
    return null;
  }

  private static String orQ(Object value) {
    String t = text(value);
    return t == null ? "?" : t;
  }

  private static List<Item> coproducts(Study s) {
    List<Item> out = new ArrayList<>();
    for (Coproduct c : s == null ? List.<Coproduct>of() : s.coproducts()) {
      out.add(new Item(c.name(), null, text(c.output()), new Values()
          .put("name", c.name())
          .put("output", c.output())
          .put("price", c.price())
          .put("declaredUnit", c.declaredUnit())
          .put("massPerUnit", c.massPerUnit())
          .map));
    }
    return out;
  }

  private static Map<String, String> allocation(Study s) {
    return new Values().put("", s == null ? null : s.allocation()).map;
  }

  /** The model cannot tell an absent cut-off from one of 0.5 %: both count as absent. */
  private static Map<String, String> cutoff(Study s) {
    boolean set = s != null && s.cutoffMassShare() != Study.DEFAULT_CUTOFF;
    return new Values().put("massShare", set ? s.cutoffMassShare() : null).map;
  }

  private static Map<String, String> claims(Study s) {
    Claims c = s == null ? Claims.none() : s.claims();
    return new Values()
        .put("total", c.total())
        .put("perUnit", c.perUnit())
        .put("dataQuality", c.dataQuality())
        .map;
  }

  private static Map<String, String> report(Study s) {
    ReportInfo r = s == null ? ReportInfo.none() : s.report();
    Values v = new Values().put("number", r.number()).put("date", r.date()).put("assessor", r.assessor());
    signature(v, "preparedBy", r.preparedBy());
    signature(v, "reviewedBy", r.reviewedBy());
    signature(v, "approvedBy", r.approvedBy());
    return v.map;
  }

  private static void signature(Values v, String key, ReportInfo.Signature s) {
    v.put(key + ".name", s == null ? null : s.name()).put(key + ".date", s == null ? null : s.date());
  }

  // ---- comparing ----

  /**
   * A line, factor, coproduct or evidence entry: who it is, a short description for whole
   * additions and removals, and its values by key path (absent ones null).
   */
  private record Item(String subject, String stage, String summary, Map<String, String> fields) {}

  /** The changes inside one item or block, in key order. */
  private static void fields(List<Change> out, String section, String subject, Map<String, String> before,
      Map<String, String> after) {
    for (String key : keys(before, after)) {
      String b = before.get(key);
      String a = after.get(key);
      if (!Objects.equals(b, a)) {
        Kind kind = b == null ? Kind.ADDED : a == null ? Kind.REMOVED : Kind.CHANGED;
        out.add(new Change(kind, section, subject, key, b, a));
      }
    }
  }

  /**
   * The keys of both versions: the after-version's, with those only the before-version has (gases
   * of an emissions line) right after the key that precedes them there.
   */
  private static List<String> keys(Map<String, String> before, Map<String, String> after) {
    List<String> keys = new ArrayList<>(after.keySet());
    String previous = null;
    for (String key : before.keySet()) {
      if (!after.containsKey(key)) {
        keys.add(previous == null ? 0 : keys.indexOf(previous) + 1, key);
      }
      previous = key;
    }
    return keys;
  }

  /** The changes in a list section: items matched, then reported in the after-version's order. */
  private static void items(List<Change> out, String section, List<Item> before, List<Item> after,
      boolean lines) {
    int[] afterOf = new int[before.size()];
    int[] beforeOf = new int[after.size()];
    Arrays.fill(afterOf, -1);
    Arrays.fill(beforeOf, -1);
    match(before, after, afterOf, beforeOf, i -> i.subject() + "\u0000" + i.stage());
    if (lines) {
      match(before, after, afterOf, beforeOf, i -> String.valueOf(i.subject()));
      matchByPosition(afterOf, beforeOf);
    }
    Map<Integer, List<Integer>> removed = new HashMap<>();
    for (int i = 0; i < before.size(); i++) {
      if (afterOf[i] < 0) {
        removed.computeIfAbsent(anchor(afterOf, i), k -> new ArrayList<>()).add(i);
      }
    }
    removed(out, section, before, removed.get(-1));
    for (int j = 0; j < after.size(); j++) {
      Item a = after.get(j);
      if (beforeOf[j] < 0) {
        out.add(new Change(Kind.ADDED, section, a.subject(), "", null, a.summary()));
      } else {
        fields(out, section, a.subject(), before.get(beforeOf[j]).fields(), a.fields());
        removed(out, section, before, removed.get(beforeOf[j]));
      }
    }
  }

  private static void removed(List<Change> out, String section, List<Item> before, List<Integer> indexes) {
    for (int i : indexes == null ? List.<Integer>of() : indexes) {
      Item b = before.get(i);
      out.add(new Change(Kind.REMOVED, section, b.subject(), "", b.summary(), null));
    }
  }

  /** Pairs unmatched items with equal keys, in list order among equal keys. */
  private static void match(List<Item> before, List<Item> after, int[] afterOf, int[] beforeOf,
      Function<Item, String> key) {
    Map<String, Deque<Integer>> free = new HashMap<>();
    for (int i = 0; i < before.size(); i++) {
      if (afterOf[i] < 0) {
        free.computeIfAbsent(key.apply(before.get(i)), k -> new ArrayDeque<>()).add(i);
      }
    }
    for (int j = 0; j < after.size(); j++) {
      Deque<Integer> candidates = beforeOf[j] < 0 ? free.get(key.apply(after.get(j))) : null;
      if (candidates != null && !candidates.isEmpty()) {
        int i = candidates.poll();
        afterOf[i] = j;
        beforeOf[j] = i;
      }
    }
  }

  /**
   * Pairs the remaining items by position: those that follow the same matched item (or the start of
   * the list) in both versions, k-th with k-th.
   */
  private static void matchByPosition(int[] afterOf, int[] beforeOf) {
    Map<Integer, Deque<Integer>> free = new HashMap<>();
    for (int i = 0; i < afterOf.length; i++) {
      if (afterOf[i] < 0) {
        free.computeIfAbsent(anchor(afterOf, i), k -> new ArrayDeque<>()).add(i);
      }
    }
    int[] anchors = new int[beforeOf.length];
    for (int j = 0; j < beforeOf.length; j++) {
      int previous = anchor(beforeOf, j);
      anchors[j] = previous < 0 ? -1 : beforeOf[previous];
    }
    for (int j = 0; j < beforeOf.length; j++) {
      Deque<Integer> candidates = beforeOf[j] < 0 ? free.get(anchors[j]) : null;
      if (candidates != null && !candidates.isEmpty()) {
        int i = candidates.poll();
        afterOf[i] = j;
        beforeOf[j] = i;
      }
    }
  }

  /** The index of the nearest matched item before {@code index} in its own list, or -1. */
  private static int anchor(int[] partners, int index) {
    for (int k = index - 1; k >= 0; k--) {
      if (partners[k] >= 0) {
        return k;
      }
    }
    return -1;
  }

  // ---- values as text ----

  /** Values by key path in the order they are put, absent ones kept as null. */
  private static final class Values {
    final Map<String, String> map = new LinkedHashMap<>();

    Values put(String key, Object value) {
      map.put(key, text(value));
      return this;
    }
  }

  /** A value as the study file shows it, or null. */
  private static String text(Object value) {
    if (value == null) {
      return null;
    } else if (value instanceof Quantity q) {
      return q.text();
    } else if (value instanceof Identified e) {
      return e.id();
    } else if (value instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (value instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }
}
