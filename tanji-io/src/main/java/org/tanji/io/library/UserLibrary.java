package org.tanji.io.library;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tanji.core.i18n.Characters;
import org.tanji.core.i18n.Spelling;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Factor;
import org.tanji.core.model.FactorType;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Identified;
import org.tanji.core.units.Dimension;
import org.tanji.core.units.Quantity;
import org.tanji.core.units.QuantityFormatException;
import org.tanji.core.units.Units;
import org.tanji.io.internal.Fields;
import org.tanji.io.pact.PactImport;
import org.tanji.io.xlsx.Workbooks;

/**
 * A user's own factors: CSV files in a directory (by default {@code ~/.tanji/factors}, else the
 * {@code TANJI_LIBRARY} environment variable or {@code --library}). Files are imported through
 * {@link #read}, which checks every row, and stored normalized, one file per import.
 *
 * <p>Columns: {@code id,name,value,unit,source,publication,year,boundary,region,type,note}; {@code id},
 * {@code value} and {@code unit} are required.
 *
 * <p>Suppliers' PACT footprints are kept beside them, one footprint per {@code <factor id>.pact.json}
 * file as the supplier sent it, so that their provenance is never reduced to CSV columns.
 */
public final class UserLibrary {

  public static final List<String> COLUMNS = List.of("id", "name", "value", "unit", "source", "publication", "year",
      "boundary", "region", "type", "note");
  /**
   * A column of a study workbook's factor sheet that the library does not keep: accepted when
   * empty, so that the sheet imports as it is, and refused row by row when filled.
   */
  private static final String STUDY_ONLY = "uncertainty";
  /** The ending of a stored supplier footprint's file: its factor id, then this. */
  public static final String PACT_SUFFIX = ".pact.json";
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
  private static final List<String> TYPES = Identified.ids(FactorType.class);

  private UserLibrary() {}

  /** The directory of the user library: {@code TANJI_LIBRARY}, else {@code ~/.tanji/factors}. */
  public static Path defaultDirectory() {
    String env = System.getenv("TANJI_LIBRARY");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".tanji", "factors");
  }

  /** Factors read from a file, and what was wrong with it. */
  public record Import(List<Factor> factors, List<Finding> findings) {
    public boolean hasErrors() {
      return findings.stream().anyMatch(Finding::isError);
    }
  }

  /**
   * Checks a CSV file (or a workbook's sheet of factors) row by row: every problem is a finding with its line and column.
   *
   * @param existing factors already known (built-in and imported); their ids may not be reused
   */
  public static Import read(byte[] bytes, FactorLibrary existing) {
    List<Finding> findings = new ArrayList<>();
    if (Workbooks.looksLikeWorkbook(bytes)) {
      CsvRows sheet = CsvRows.ofWorkbook(bytes, findings);
      return sheet == null ? new Import(List.of(), findings) : rows(sheet, existing, findings);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
      findings.add(Finding.error("PARSE_ERROR", "", Text.of("read.notUtf8")));
      return new Import(List.of(), findings);
    }
    CsvRows csv = CsvRows.read(text.startsWith("\uFEFF") ? text.substring(1) : text, findings);
    if (csv == null) {
      return new Import(List.of(), findings);
    }
    return rows(csv, existing, findings);
  }

  private static Import rows(CsvRows csv, FactorLibrary existing, List<Finding> findings) {
    for (String column : List.of("id", "value", "unit")) {
      if (!csv.header.contains(column)) {
        findings.add(Finding.error("MISSING_VALUE", column, Text.of("library.missingColumn", column, String.join(",", COLUMNS))));
      }
    }
    for (String column : csv.header) {
      if (!column.isEmpty() && !COLUMNS.contains(column) && !column.equals(STUDY_ONLY)) {
        Text t = Spelling.closest(column, COLUMNS).map(s -> Text.of("library.unknownColumn.suggest", column, s))
            .orElseGet(() -> Text.of("library.unknownColumn", column, String.join(",", COLUMNS)));
        findings.add(Finding.error("UNKNOWN_KEY", column, t));
      }
    }
    if (!findings.isEmpty()) {
      return new Import(List.of(), findings);
    }
    Map<String, Integer> seen = new HashMap<>();
    List<Factor> out = new ArrayList<>();
    for (CsvRows.Row row : csv.rows) {
      Factor f = factor(csv, row, existing, seen, findings);
      if (f != null) {
        out.add(f);
      }
    }
    if (out.isEmpty() && findings.isEmpty()) {
      findings.add(Finding.error("MISSING_VALUE", "", Text.of("library.noRows")));
    }
    return new Import(out, findings);
  }

  private static Factor factor(CsvRows csv, CsvRows.Row row, FactorLibrary existing, Map<String, Integer> seen,
      List<Finding> findings) {
    int before = findings.size();
    if (row.width() > csv.header.size()) {
      error(findings, csv, row, "note", Text.of("library.tooManyCells", row.width(), csv.header.size()));
    }
    if (csv.header.contains(STUDY_ONLY) && row.get(STUDY_ONLY) != null) {
      error(findings, csv, row, STUDY_ONLY, Text.of("library.uncertainty"));
    }
    String id = row.get("id");
    if (id == null) {
      error(findings, csv, row, "id", Text.of("library.missing", "id"));
    } else if (!ID.matcher(id).matches()) {
      error(findings, csv, row, "id", Text.of("library.badId", id));
    } else if (existing.contains(id)) {
      error(findings, csv, row, "id", Text.of("library.takenId", id));
    } else if (seen.containsKey(id)) {
      error(findings, csv, row, "id", Text.of("library.repeatedId", id, seen.get(id)));
    } else {
      seen.put(id, row.line());
    }
    Quantity value = null;
    String number = row.get("value");
    String unit = row.get("unit");
    if (number == null || unit == null) {
      error(findings, csv, row, number == null ? "value" : "unit", Text.of("library.missing", number == null ? "value" : "unit"));
    } else {
      try {
        value = Units.parseQuantity(Characters.halfWidth(number) + " " + Characters.halfWidth(unit));
        Dimension dim = value.dimension();
        if (dim.co2e() != 1 || dim.equals(Dimension.CO2E)) {
          error(findings, csv, row, "unit", Text.of("factor.notPerActivity", id == null ? "?" : id, value.text(),
              dim.describeWithArticle()));
        }
      } catch (QuantityFormatException e) {
        error(findings, csv, row, "value", e.text());
      }
    }
    FactorType type = null;
    String typeText = row.get("type");
    if (typeText != null) {
      type = FactorType.fromId(typeText).orElse(null);
      if (type == null) {
        error(findings, csv, row, "type", Spelling.closest(typeText, TYPES)
            .map(s -> Text.of("read.badChoice.suggest", "type", typeText, s))
            .orElseGet(() -> Text.of("read.badChoice", "type", typeText, String.join(", ", TYPES))));
      }
    }
    Integer year = null;
    String yearText = row.get("year");
    if (yearText != null) {
      try {
        year = Integer.valueOf(Characters.halfWidth(yearText));
      } catch (NumberFormatException e) {
        error(findings, csv, row, "year", Text.of("read.notInteger", "year", yearText));
      }
    }
    if (findings.size() > before) {
      return null;
    }
    return new Factor(id, row.get("name"), value, row.get("source"), type, year, row.get("region"),
        row.get("boundary"), row.get("note"), row.get("publication"), id);
  }

  private static void error(List<Finding> findings, CsvRows csv, CsvRows.Row row, String column, Text text) {
    findings.add(Finding.error("INVALID_VALUE", column, text).at(csv.position(row, column)));
  }

  /**
   * Loads every {@code .csv} file of a user library directory (missing directory: empty library).
   * Files are read in name order; a file that no longer checks out is reported, not used.
   */
  public static Import load(Path dir, FactorLibrary builtIn) throws IOException {
    List<Factor> all = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return new Import(all, findings);
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".csv")
          || p.getFileName().toString().endsWith(PACT_SUFFIX)).sorted().toList();
    }
    FactorLibrary known = builtIn;
    for (Path file : files) {
      String name = file.getFileName().toString();
      Import one = name.endsWith(PACT_SUFFIX)
          ? footprint(Files.readAllBytes(file), name.substring(0, name.length() - PACT_SUFFIX.length()), known)
          : read(Files.readAllBytes(file), known);
      if (one.hasErrors()) {
        findings.add(Finding.warning("LIBRARY_FILE_SKIPPED", file.toString(), Text.of("library.fileSkipped", file.toString())));
        continue;
      }
      all.addAll(one.factors());
      known = known.with(of(one.factors()));
    }
    return new Import(all, findings);
  }

  /**
   * A supplier's footprint stored by {@link #writeFootprint}: one PACT footprint whose factor gets
   * the file's name as its id. A file that no longer reads as exactly one footprint, or whose id
   * is taken, is an error.
   */
  public static Import footprint(byte[] json, String id, FactorLibrary existing) {
    PactImport.Result r = PactImport.stored(json);
    if (r.hasErrors()) {
      return new Import(List.of(), r.findings());
    }
    if (!validId(id) || existing.contains(id)) {
      return new Import(List.of(), List.of(Finding.error("INVALID_VALUE", id,
          Text.of(validId(id) ? "library.takenId" : "library.badId", id))));
    }
    if (r.entries().size() != 1) {
      return new Import(List.of(), List.of(Finding.error("INVALID_VALUE", id, Text.of("library.notOneFootprint", id,
          r.entries().size()))));
    }
    return new Import(List.of(r.factors().get(0).withId(id)), List.of());
  }

  /** Whether a user may give a factor this id (lower-case letters, digits, ".", "_", "-"). */
  public static boolean validId(String id) {
    return ID.matcher(id).matches();
  }

  /** Stores one supplier footprint as {@code dir/<id>.pact.json}, replacing an earlier one of that id. */
  public static Path writeFootprint(Path dir, String id, byte[] json) throws IOException {
    if (!validId(id)) {
      throw new IllegalArgumentException("not a factor id: " + id);
    }
    Files.createDirectories(dir);
    Path target = dir.resolve(id + PACT_SUFFIX);
    Path tmp = Files.createTempFile(dir, id, ".tmp");
    Files.write(tmp, json);
    Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  /** A library of the given factors. */
  public static FactorLibrary of(List<Factor> factors) {
    Map<String, Factor> map = new LinkedHashMap<>();
    for (Factor f : factors) {
      map.put(f.id(), f);
    }
    return new FactorLibrary(map);
  }

  /** Stores imported factors as {@code dir/<name>.csv}, normalized, replacing an earlier import of that name. */
  public static Path write(Path dir, String name, List<Factor> factors) throws IOException {
    Files.createDirectories(dir);
    StringWriter text = new StringWriter();
    try (SequenceWriter w = new CsvMapper().writerFor(String[].class).writeValues(text)) {
      w.write(COLUMNS.toArray(new String[0]));
      for (Factor f : factors) {
        String[] parts = Units.split(f.value().text());
        w.write(new String[] {f.id(), nz(f.name()), parts[0], parts[1], nz(f.source()), nz(f.publication()),
            f.year() == null ? "" : f.year().toString(), nz(f.boundary()), nz(f.region()),
            f.type() == null ? "" : f.type().id(), nz(f.note())});
      }
    }
    Path target = dir.resolve(name + ".csv");
    Path tmp = Files.createTempFile(dir, name, ".tmp");
    Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
    Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** The library name an imported file gets: its base name, lower case, safe characters only. */
  public static Optional<String> nameFor(Path file) {
    String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "").toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9_-]+", "-");
    return base.isBlank() || base.equals("-") ? Optional.empty() : Optional.of(base);
  }
}
