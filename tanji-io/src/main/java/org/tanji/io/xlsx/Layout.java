package org.tanji.io.xlsx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Allocation;
import org.tanji.core.model.Boundary;
import org.tanji.core.model.FactorType;
import org.tanji.core.model.GwpSet;
import org.tanji.core.model.Identified;
import org.tanji.core.model.Quality;
import org.tanji.core.model.Stage;

/**
 * The data-collection workbook: which sheets it has, which rows or columns each sheet holds, and
 * their names in both languages. The writer lays a workbook out from this and the reader finds
 * its way through one with it, so the two cannot drift apart.
 *
 * <p>Two kinds of sheet: a <em>form</em> (study, organization, product) has one item per row,
 * label in column A, value in B, unit in C; a <em>table</em> (factors, inventory, coproducts,
 * evidence) has headings in row 1 and one record per row below.
 */
final class Layout {

  /** What a value is; a quantity takes two cells, the number and its unit. */
  enum Kind { TEXT, NUMBER, INTEGER, QUANTITY, CHOICE, BOOLEAN, DATE, LIST, GASES, PAIRS }

  /**
   * One item of a form or one column of a table.
   *
   * @param path where the value goes in the study tree, relative to the sheet's record
   * @param kind what the cells hold
   * @param choices the ids a choice takes, with the bundle prefix of their labels
   */
  record Field(String path, Kind kind, Choices choices) {}

  /** A fixed set of ids; {@code labelPrefix} finds their Chinese labels ({@code choice.stage.}). */
  record Choices(String labelPrefix, List<String> ids) {}

  /**
   * A sheet.
   *
   * @param id the English name and bundle key ({@code inventory})
   * @param table true for a table, false for a form
   * @param target for a table, the study key its records go under ({@code inventory}); a table
   *     keyed by its first column ({@code factors}) becomes a mapping, the others a list
   */
  record Sheet(String id, boolean table, String target, boolean keyed, List<Field> fields) {
    String label(Field f, Locale locale) {
      return text(id + "." + f.path(), locale);
    }

    String help(Field f, Locale locale) {
      return text(id + "." + f.path() + ".help", locale);
    }

    String unitLabel(Field f, Locale locale) {
      return text(id + "." + f.path() + ".unit", locale);
    }

    String name(Locale locale) {
      return text("sheet." + id, locale);
    }
  }

  static final Choices LANGUAGES = new Choices("choice.language.", List.of("zh", "en"));
  static final Choices BOUNDARIES = new Choices("choice.boundary.", Identified.ids(Boundary.class));
  static final Choices GWP = new Choices("choice.gwp.", Identified.ids(GwpSet.class));
  static final Choices ALLOCATIONS = new Choices("choice.allocation.", Identified.ids(Allocation.class));
  static final Choices STAGES = new Choices("choice.stage.", Identified.ids(Stage.class));
  static final Choices ACTIVITY = new Choices("choice.activity.", Identified.ids(Quality.ActivityLevel.class));
  static final Choices CALIBRATION = new Choices("choice.calibration.", Identified.ids(Quality.Calibration.class));
  static final Choices TYPES = new Choices("choice.type.", Identified.ids(FactorType.class));
  static final Choices BOOLEANS = new Choices("choice.boolean.", List.of("true", "false"));

  static final Sheet STUDY = new Sheet("study", false, "", false, List.of(
      new Field("tanji", Kind.INTEGER, null),
      new Field("study.title", Kind.TEXT, null),
      new Field("study.language", Kind.CHOICE, LANGUAGES),
      new Field("study.standards", Kind.LIST, null),
      new Field("study.boundary", Kind.CHOICE, BOUNDARIES),
      new Field("study.period.start", Kind.DATE, null),
      new Field("study.period.end", Kind.DATE, null),
      new Field("study.gwp", Kind.CHOICE, GWP),
      new Field("study.exchangeRates", Kind.TEXT, null),
      new Field("allocation", Kind.CHOICE, ALLOCATIONS),
      new Field("cutoff.massShare", Kind.NUMBER, null),
      new Field("claimed.total", Kind.QUANTITY, null),
      new Field("claimed.perUnit", Kind.QUANTITY, null),
      new Field("claimed.dataQuality", Kind.NUMBER, null),
      new Field("claimed.stages", Kind.TEXT, null),
      new Field("claimed.shares", Kind.TEXT, null),
      new Field("biogenic.emissions", Kind.QUANTITY, null),
      new Field("biogenic.removals", Kind.QUANTITY, null),
      new Field("biogenic.carbonContent", Kind.QUANTITY, null),
      new Field("avoided", Kind.TEXT, null),
      new Field("offsets", Kind.TEXT, null),
      new Field("report.number", Kind.TEXT, null),
      new Field("report.date", Kind.DATE, null),
      new Field("report.assessor", Kind.TEXT, null),
      new Field("report.preparedBy.name", Kind.TEXT, null),
      new Field("report.preparedBy.date", Kind.DATE, null),
      new Field("report.reviewedBy.name", Kind.TEXT, null),
      new Field("report.reviewedBy.date", Kind.DATE, null),
      new Field("report.approvedBy.name", Kind.TEXT, null),
      new Field("report.approvedBy.date", Kind.DATE, null),
      new Field("uncertainty.fromQuality", Kind.BOOLEAN, BOOLEANS)));

  static final Sheet ORGANIZATION = new Sheet("organization", false, "", false, List.of(
      new Field("organization.name", Kind.TEXT, null),
      new Field("organization.address", Kind.TEXT, null),
      new Field("organization.creditCode", Kind.TEXT, null),
      new Field("organization.legalRepresentative", Kind.TEXT, null),
      new Field("organization.industry", Kind.TEXT, null),
      new Field("organization.contact", Kind.TEXT, null),
      new Field("organization.phone", Kind.TEXT, null),
      new Field("organization.email", Kind.TEXT, null)));

  static final Sheet PRODUCT = new Sheet("product", false, "", false, List.of(
      new Field("product.name", Kind.TEXT, null),
      new Field("product.declaredUnit", Kind.QUANTITY, null),
      new Field("product.output", Kind.QUANTITY, null),
      new Field("product.massPerUnit", Kind.QUANTITY, null),
      new Field("product.price", Kind.NUMBER, null),
      new Field("product.description", Kind.TEXT, null),
      new Field("product.cnCode", Kind.TEXT, null),
      new Field("product.geography", Kind.TEXT, null),
      new Field("product.fossilCarbonContent", Kind.QUANTITY, null)));

  static final Sheet FACTORS = new Sheet("factors", true, "factors", true, List.of(
      new Field("id", Kind.TEXT, null),
      new Field("name", Kind.TEXT, null),
      new Field("value", Kind.QUANTITY, null),
      new Field("source", Kind.TEXT, null),
      new Field("type", Kind.CHOICE, TYPES),
      new Field("year", Kind.INTEGER, null),
      new Field("region", Kind.TEXT, null),
      new Field("boundary", Kind.TEXT, null),
      new Field("publication", Kind.TEXT, null),
      new Field("note", Kind.TEXT, null),
      new Field("uncertainty", Kind.PAIRS, null)));

  static final Sheet INVENTORY = new Sheet("inventory", true, "inventory", false, List.of(
      new Field("name", Kind.TEXT, null),
      new Field("stage", Kind.CHOICE, STAGES),
      new Field("amount", Kind.QUANTITY, null),
      new Field("factor", Kind.TEXT, null),
      new Field("mass", Kind.QUANTITY, null),
      new Field("distance", Kind.QUANTITY, null),
      new Field("emissions", Kind.GASES, null),
      new Field("excluded", Kind.TEXT, null),
      new Field("quality.activity", Kind.CHOICE, ACTIVITY),
      new Field("quality.calibration", Kind.CHOICE, CALIBRATION),
      new Field("quality.factor", Kind.INTEGER, null),
      new Field("dedicated", Kind.BOOLEAN, BOOLEANS),
      new Field("claimed", Kind.QUANTITY, null),
      new Field("claimedShare", Kind.TEXT, null),
      new Field("source", Kind.TEXT, null),
      new Field("note", Kind.TEXT, null),
      new Field("uncertainty", Kind.PAIRS, null)));

  static final Sheet COPRODUCTS = new Sheet("coproducts", true, "coproducts", false, List.of(
      new Field("name", Kind.TEXT, null),
      new Field("output", Kind.QUANTITY, null),
      new Field("price", Kind.NUMBER, null),
      new Field("declaredUnit", Kind.QUANTITY, null),
      new Field("massPerUnit", Kind.QUANTITY, null)));

  static final Sheet EVIDENCE = new Sheet("evidence", true, "evidence", false, List.of(
      new Field("title", Kind.TEXT, null),
      new Field("reference", Kind.TEXT, null),
      new Field("note", Kind.TEXT, null)));

  /** The sheets a study is read from, in workbook order. */
  static final List<Sheet> DATA = List.of(STUDY, ORGANIZATION, PRODUCT, FACTORS, INVENTORY, COPRODUCTS, EVIDENCE);

  /** Sheets the writer adds for people, which the reader passes over. */
  static final List<String> AIDS = List.of("instructions", "library", "lists");

  static final List<Locale> LOCALES = List.of(Messages.EN, Messages.ZH);

  private Layout() {}

  static String text(String key, Locale locale) {
    return bundle(locale).getString(key);
  }

  static Optional<String> optional(String key, Locale locale) {
    ResourceBundle b = bundle(locale);
    return b.containsKey(key) ? Optional.of(b.getString(key)) : Optional.empty();
  }

  static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle("org.tanji.io.xlsx.workbook", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** How a choice is shown in a language: its Chinese label, or the id itself. */
  static String choiceLabel(Choices c, String id, Locale locale) {
    return optional(c.labelPrefix() + id, locale).orElse(id);
  }

  /** The id a cell's text stands for: an id, or a label in either language (case and spaces aside). */
  static Optional<String> choiceId(Choices c, String text) {
    String t = normalize(text);
    for (String id : c.ids()) {
      if (normalize(id).equals(t)) {
        return Optional.of(id);
      }
      for (Locale l : LOCALES) {
        Optional<String> label = optional(c.labelPrefix() + id, l);
        if (label.isPresent() && normalize(label.get()).equals(t)) {
          return Optional.of(id);
        }
      }
    }
    return Optional.empty();
  }

  /** Names compare without case, spaces or the full-width forms a Chinese input method types. */
  static String normalize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E') {
        c = (char) (c - 0xFEE0);
      }
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }

  /** A sheet's data layout by any of its names. */
  static Optional<Sheet> sheetNamed(String name) {
    return Optional.ofNullable(SHEETS_BY_NAME.get(normalize(name)));
  }

  /** True for the sheets the writer adds for people (instructions, library, lists). */
  static boolean isAid(String name) {
    String n = normalize(name);
    for (String id : AIDS) {
      for (Locale l : LOCALES) {
        if (normalize(text("sheet." + id, l)).equals(n)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every name a sheet may go by: both languages' names. */
  static List<String> names(Sheet s) {
    List<String> out = new ArrayList<>();
    for (Locale l : LOCALES) {
      String n = s.name(l);
      if (!out.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * What a heading (or form label) stands for in a sheet: a field's number cell, or its unit cell.
   * Labels of both languages and the field's own path are recognised.
   */
  record Heading(Field field, boolean unit) {}

  static Optional<Heading> heading(Sheet sheet, String text) {
    String t = normalize(text);
    for (Field f : sheet.fields()) {
      if (normalize(f.path()).equals(t)) {
        return Optional.of(new Heading(f, false));
      }
      for (Locale l : LOCALES) {
        if (normalize(sheet.label(f, l)).equals(t)) {
          return Optional.of(new Heading(f, false));
        }
        if (f.kind() == Kind.QUANTITY && sheet.table()
            && (normalize(sheet.unitLabel(f, l)).equals(t) || normalize(f.path() + ".unit").equals(t))) {
          return Optional.of(new Heading(f, true));
        }
      }
    }
    return Optional.empty();
  }

  /** Every heading of a sheet in a language, for "did you mean". */
  static List<String> headings(Sheet sheet, Locale l) {
    List<String> out = new ArrayList<>();
    for (Field f : sheet.fields()) {
      out.add(sheet.label(f, l));
      if (f.kind() == Kind.QUANTITY && sheet.table()) {
        out.add(sheet.unitLabel(f, l));
      }
    }
    return out;
  }

  private static final Map<String, Sheet> SHEETS_BY_NAME = new HashMap<>();

  static {
    for (Sheet s : DATA) {
      for (String n : names(s)) {
        SHEETS_BY_NAME.put(normalize(n), s);
      }
      SHEETS_BY_NAME.put(normalize(s.id()), s);
    }
    // every label must exist in both languages: a missing one would fail here, not in a user's hands
    for (Sheet s : DATA) {
      for (Field f : s.fields()) {
        for (Locale l : LOCALES) {
          try {
            s.label(f, l);
            s.help(f, l);
            if (f.kind() == Kind.QUANTITY && s.table()) {
              s.unitLabel(f, l);
            }
          } catch (MissingResourceException e) {
            throw new IllegalStateException("workbook text missing: " + e.getKey() + " (" + l + ")", e);
          }
        }
      }
    }
  }
}
