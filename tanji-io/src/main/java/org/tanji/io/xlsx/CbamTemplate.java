package org.tanji.io.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tanji.core.cbam.CbamInput;
import org.tanji.core.cbam.CbamResult;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;

/**
 * The Commission's CBAM communication template for installations, filled: values go into a copy
 * of the workbook's input cells ({@link CbamCell}), never into a formula cell, so that the
 * template's own formulas, styles and drop-down lists stay as the Commission made them and
 * recalculate when the file is opened. See docs/cbam.md.
 */
public final class CbamTemplate {

  /** Where the bundled blank template (version 2.1.1 of 13 December 2024, English) lives. */
  static final String BUNDLED = "/org/tanji/io/xlsx/cbam/cbam-communication-template-2.1.1-en.xlsx";

  /** Versions whose input cells are where {@link CbamCell} says (checked on the published files). */
  static final List<String> KNOWN_VERSIONS = List.of("2.1", "2.1.1");

  public static final String NOT_A_TEMPLATE = "CBAM_TEMPLATE_UNKNOWN";
  public static final String UNKNOWN_VERSION = "CBAM_TEMPLATE_VERSION";
  public static final String NOT_AN_INPUT = "CBAM_TEMPLATE_CELL";
  public static final String TOO_MANY = "CBAM_TEMPLATE_FULL";

  private final byte[] bytes;
  private final String name;

  private CbamTemplate(byte[] bytes, String name) {
    this.bytes = bytes;
    this.name = name;
  }

  /** The blank template bundled with Tanji. */
  public static CbamTemplate bundled() {
    try (InputStream in = CbamTemplate.class.getResourceAsStream(BUNDLED)) {
      return new CbamTemplate(Objects.requireNonNull(in, BUNDLED).readAllBytes(), "bundled template 2.1.1");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A template the user supplies, blank or filled before (its inputs are cleared when filling).
   *
   * @param name the file's name, for findings
   */
  public static CbamTemplate of(byte[] bytes, String name) {
    return new CbamTemplate(bytes.clone(), Objects.requireNonNull(name, "name"));
  }

  /**
   * One value for one input cell.
   *
   * @param cell which input
   * @param index which repetition (0 for a cell that does not repeat)
   * @param part which cell of the group inside the repetition (0 for a single cell)
   * @param value a String, a Number, a Boolean or a LocalDate
   * @param where the key path of the data the value comes from, for findings
   */
  public record Entry(CbamCell cell, int index, int part, Object value, String where) {
    public Entry {
      Objects.requireNonNull(cell, "cell");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(where, "where");
      if (!(value instanceof String || value instanceof Number || value instanceof Boolean
          || value instanceof LocalDate)) {
        throw new IllegalArgumentException(cell + ": a cell takes text, a number, true/false or a date, not "
            + value.getClass().getSimpleName());
      }
    }

    public static Entry of(CbamCell cell, Object value, String where) {
      return new Entry(cell, 0, 0, value, where);
    }
  }

  /**
   * The filled workbook, or nothing when the template is not one Tanji can fill; the findings say
   * why (or what did not fit).
   */
  public record Filled(Optional<byte[]> workbook, List<Finding> findings) {
    public Filled {
      Objects.requireNonNull(workbook, "workbook");
      findings = List.copyOf(findings);
    }
  }

  /** The template's version as its sheet {@code 0_Versions} lists it last ({@code 2.1.1}). */
  static Optional<String> version(XSSFWorkbook wb) {
    Sheet s = wb.getSheet("0_Versions");
    if (s == null) {
      return Optional.empty();
    }
    DataFormatter fmt = new DataFormatter();
    String last = null;
    for (Row r : s) {
      Cell c = r.getCell(4); // column E: the version numbers
      if (r.getRowNum() >= 8 && c != null && c.getCellType() == CellType.STRING && !c.getStringCellValue().isBlank()) {
        last = fmt.formatCellValue(c).trim();
      }
    }
    return Optional.ofNullable(last);
  }

  /**
   * The template filled with an installation's CBAM data and the direct emissions Tanji computed
   * for each production process (the template's D_Processes (g), DirEm*).
   */
  public Filled fill(CbamInput input, CbamResult result) {
    if (result.hasErrors()) {
      return new Filled(Optional.empty(), result.findings()); // no workbook from figures that did not compute
    }
    CbamEntries entries = CbamEntries.of(input, result);
    Filled filled = fill(entries.entries());
    List<Finding> all = new ArrayList<>(entries.findings());
    all.addAll(filled.findings());
    boolean errors = all.stream().anyMatch(Finding::isError);
    return new Filled(errors ? Optional.empty() : filled.workbook(), all);
  }

  /**
   * Writes the entries into a copy of the template: its input cells are cleared first, so a file
   * filled before keeps nothing of its old data.
   */
  public Filled fill(List<Entry> entries) {
    XSSFWorkbook wb;
    try {
      wb = new XSSFWorkbook(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      // POI reports a file that is not a workbook (or a damaged one) with assorted unchecked exceptions
      return refused(Finding.error(NOT_A_TEMPLATE, "", Text.of("cbam.template.unreadable", name,
          String.valueOf(e.getMessage()))));
    }
    try (wb) {
      return fill(wb, entries);
    } catch (IOException e) {
      throw new UncheckedIOException("writing the workbook to memory", e);
    } catch (RuntimeException e) {
      // a user's workbook POI opens but cannot write as a template (an input cell inside an array formula …)
      return refused(Finding.error(NOT_A_TEMPLATE, "", Text.of("cbam.template.unreadable", name,
          String.valueOf(e.getMessage()))));
    }
  }

  private Filled fill(XSSFWorkbook wb, List<Entry> entries) throws IOException {
    List<Finding> findings = new ArrayList<>();
    Set<String> sheets = new LinkedHashSet<>();
    Arrays.stream(CbamCell.values()).forEach(c -> sheets.add(c.sheet()));
    List<String> missing = new ArrayList<>(sheets.stream().filter(s -> wb.getSheet(s) == null).toList());
    if (wb.getSheet("Summary_Communication") == null) {
      missing.add("Summary_Communication");
    }
    if (!missing.isEmpty()) {
      return refused(Finding.error(NOT_A_TEMPLATE, "", Text.of("cbam.template.unknown", name, Text.list(missing))));
    }
    String version = version(wb).orElse("?");
    if (!KNOWN_VERSIONS.contains(version)) {
      return refused(Finding.error(UNKNOWN_VERSION, "",
          Text.of("cbam.template.version", name, version, Text.list(KNOWN_VERSIONS))));
    }
    for (String sheet : sheets) {
      clearInputs(wb.getSheet(sheet));
    }
    for (Entry e : entries) {
      if (e.index() >= e.cell().count() || e.part() >= e.cell().width()) {
        findings.add(Finding.error(TOO_MANY, e.where(), Text.of("cbam.template.full", e.cell().meaning(),
            e.index() >= e.cell().count() ? e.cell().count() : e.cell().width())));
        continue;
      }
      CellReference ref = e.cell().at(e.index(), e.part());
      Row row = wb.getSheet(ref.getSheetName()).getRow(ref.getRow());
      Cell cell = row == null ? null : row.getCell(ref.getCol());
      if (cell == null || cell.getCellStyle().getLocked() || cell.getCellType() == CellType.FORMULA) {
        findings.add(Finding.error(NOT_AN_INPUT, e.where(),
            Text.of("cbam.template.cell", name, ref.formatAsString(), e.cell().meaning())));
        continue;
      }
      set(cell, e.value());
    }
    if (findings.stream().anyMatch(Finding::isError)) {
      return new Filled(Optional.empty(), findings);
    }
    wb.setForceFormulaRecalculation(true); // Excel and LibreOffice compute the template's results on opening
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 65536);
    wb.write(out);
    return new Filled(Optional.of(out.toByteArray()), findings);
  }

  private static Filled refused(Finding f) {
    return new Filled(Optional.empty(), List.of(f));
  }

  /** Empties every unlocked (input) cell of a sheet; locked cells hold the template's own text and formulas. */
  private static void clearInputs(Sheet sheet) {
    for (Row r : sheet) {
      for (Cell c : r) {
        if (!c.getCellStyle().getLocked() && c.getCellType() != CellType.BLANK) {
          c.setBlank();
        }
      }
    }
  }

  private static void set(Cell cell, Object value) {
    if (value instanceof String s) {
      cell.setCellValue(s);
    } else if (value instanceof Number n) {
      cell.setCellValue(n.doubleValue());
    } else if (value instanceof Boolean b) {
      cell.setCellValue(b);
    } else {
      cell.setCellValue((LocalDate) value); // the input cell's own date format shows it
    }
  }
}
