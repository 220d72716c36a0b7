package org.tanji.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.tanji.core.calc.BesideFigures;
import org.tanji.core.calc.LineResult;
import org.tanji.core.calc.Result;
import org.tanji.core.calc.StageResult;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Finding;
import org.tanji.core.model.SupplierFootprint;

/**
 * Writes a {@link Result} as the JSON of {@code tanji calc --json}: the contract of
 * STUDY-FORMAT.md, with unrounded numbers in plain notation.
 */
public final class ResultJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private ResultJson() {}

  /** Writes the result; finding messages are in the given language. */
  public static void write(Result r, Locale locale, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      write(r, locale, g);
    }
  }

  /** Writes the result to a stream in UTF-8. */
  public static void write(Result r, Locale locale, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      write(r, locale, g);
    }
  }

  /** The result as a JSON string. */
  public static String toJson(Result r, Locale locale) {
    StringWriter w = new StringWriter();
    try {
      write(r, locale, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void write(Result r, Locale locale, JsonGenerator g) throws IOException {
    g.writeStartObject();
    writeNumber(g, "total_kgCO2e", r.totalKgCO2e());
    writeNumber(g, "perUnit_kgCO2e", r.perUnitKgCO2e());
    writeNumber(g, "perKg_kgCO2e", r.perKgKgCO2e());
    writeNumber(g, "allocationShare", r.allocationShare());
    g.writeArrayFieldStart("stages");
    for (StageResult s : r.stages()) {
      g.writeStartObject();
      g.writeStringField("stage", s.stage().id());
      writeNumber(g, "kgCO2e", s.kgCO2e());
      writeNumber(g, "share", s.share());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("lines");
    for (LineResult l : r.lines()) {
      g.writeStartObject();
      g.writeStringField("name", l.name());
      g.writeStringField("stage", l.stage().id());
      writeNumber(g, "kgCO2e", l.kgCO2e());
      writeNumber(g, "share", l.share());
      g.writeBooleanField("excluded", l.excluded());
      writeNumber(g, "score", l.score());
      g.writeNumberField("index", l.index());
      g.writeStringField("factor", l.factor());
      if (l.points() == null) {
        g.writeNullField("points");
      } else {
        g.writeObjectFieldStart("points");
        g.writeNumberField("activity", l.points().activity());
        g.writeNumberField("factor", l.points().factor());
        g.writeNumberField("calibration", l.points().calibration());
        g.writeEndObject();
      }
      g.writeBooleanField("allocated", l.allocated());
      writeNumber(g, "unallocated_kgCO2e", l.unallocatedKgCO2e());
      if (l.exchangeRate().isPresent()) { // only then: the lines of every other study keep their bytes
        g.writeStringField("exchangeRate", l.exchangeRate().get().toString());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    if (r.dataQuality() == null) {
      g.writeNullField("dataQuality");
    } else {
      g.writeObjectFieldStart("dataQuality");
      writeNumber(g, "score", r.dataQuality().score());
      g.writeNumberField("grade", r.dataQuality().grade());
      g.writeEndObject();
    }
    g.writeArrayFieldStart("findings");
    for (Finding f : r.findings()) {
      writeFinding(g, f, locale);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("factors");
    for (Factor f : r.factors()) {
      writeFactor(g, f);
    }
    g.writeEndArray();
    writeBeside(g, r.beside());
    g.writeEndObject();
  }

  /**
   * What is reported beside the footprint, after everything else and only when the study gives
   * it, so that the result of a study without it keeps its bytes: {@code biogenic}, {@code avoided},
   * {@code offsets}. None of these is in {@code total_kgCO2e}.
   */
  private static void writeBeside(JsonGenerator g, BesideFigures b) throws IOException {
    if (b.biogenicEmissionsKgCO2e() != null || b.biogenicRemovalsKgCO2e() != null || b.biogenicCarbonKg() != null) {
      g.writeObjectFieldStart("biogenic");
      if (b.biogenicEmissionsKgCO2e() != null) {
        writeNumber(g, "emissions_kgCO2e", b.biogenicEmissionsKgCO2e());
        writeNumber(g, "emissionsPerUnit_kgCO2e", b.perUnit(b.biogenicEmissionsKgCO2e()));
      }
      if (b.biogenicRemovalsKgCO2e() != null) {
        writeNumber(g, "removals_kgCO2e", b.biogenicRemovalsKgCO2e());
        writeNumber(g, "removalsPerUnit_kgCO2e", b.perUnit(b.biogenicRemovalsKgCO2e()));
      }
      if (b.biogenicCarbonKg() != null) {
        writeNumber(g, "carbonContentPerUnit_kgC", b.biogenicCarbonKg());
        writeNumber(g, "carbonContentPerUnit_kgCO2e", b.biogenicCarbonAsCo2Kg());
      }
      g.writeEndObject();
    }
    writeNamed(g, "avoided", b.avoided(), b);
    writeNamed(g, "offsets", b.offsets(), b);
  }

  private static void writeNamed(JsonGenerator g, String key, java.util.List<BesideFigures.Named> named,
      BesideFigures b) throws IOException {
    if (named.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(key);
    for (BesideFigures.Named n : named) {
      g.writeStartObject();
      g.writeStringField("name", n.name());
      writeNumber(g, "kgCO2e", n.kgCO2e());
      writeNumber(g, "perUnit_kgCO2e", b.perUnit(n.kgCO2e()));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** One finding as in the result's {@code findings} array (for other writers of the same shape, such as the server). */
  public static void writeFinding(JsonGenerator g, Finding f, Locale locale) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", f.code());
    g.writeStringField("severity", f.severity().id());
    g.writeStringField("where", f.where());
    g.writeStringField("message", f.message(locale));
    if (f.position() != null) {
      g.writeNumberField("line", f.position().line());
      g.writeNumberField("column", f.position().column());
      if (f.position().sheet() != null) {
        g.writeStringField("sheet", f.position().sheet());
        g.writeStringField("cell", f.position().cellName());
      }
    }
    g.writeEndObject();
  }

  /** One factor as in the result's {@code factors} array. */
  public static void writeFactor(JsonGenerator g, Factor f) throws IOException {
    g.writeStartObject();
    g.writeStringField("key", f.id());
    g.writeStringField("libraryId", f.libraryId());
    g.writeStringField("name", f.name());
    g.writeStringField("value", f.value() == null ? null : f.value().text());
    g.writeStringField("source", f.source());
    g.writeStringField("publication", f.publication());
    if (f.year() == null) {
      g.writeNullField("year");
    } else {
      g.writeNumberField("year", f.year());
    }
    g.writeStringField("type", f.type() == null ? null : f.type().id());
    g.writeStringField("region", f.region());
    g.writeStringField("boundary", f.boundary());
    if (f.supplier() != null) {
      writeSupplier(g, f.supplier());
    }
    g.writeEndObject();
  }

  /** A supplier factor's footprint: only factors that have one carry the field, so other results keep their bytes. */
  private static void writeSupplier(JsonGenerator g, SupplierFootprint s) throws IOException {
    g.writeObjectFieldStart("supplier");
    g.writeStringField("footprintId", s.footprintId());
    g.writeStringField("specVersion", s.specVersion());
    g.writeStringField("status", s.status());
    g.writeStringField("companyName", s.companyName());
    stringArray(g, "companyIds", s.companyIds());
    g.writeStringField("productName", s.productName());
    stringArray(g, "productIds", s.productIds());
    stringArray(g, "precedingIds", s.precedingIds());
    g.writeStringField("created", s.created().toString());
    g.writeStringField("validFrom", s.validFrom().toString());
    g.writeStringField("validUntil", s.validUntil().toString());
    g.writeBooleanField("validityDeclared", s.validityDeclared());
    g.writeStringField("declaredUnit", s.declaredUnit());
    g.writeStringField("pcfExcludingBiogenicUptake", s.pcfExcludingBiogenicUptake());
    g.writeStringField("pcfIncludingBiogenicUptake", s.pcfIncludingBiogenicUptake());
    g.writeEndObject();
  }

  private static void stringArray(JsonGenerator g, String name, List<String> items) throws IOException {
    g.writeArrayFieldStart(name);
    for (String item : items) {
      g.writeString(item);
    }
    g.writeEndArray();
  }

  /**
   * A number field in plain notation, as every figure of the result and of the CBAM JSON. Null, and
   * NaN or an infinity (which JSON cannot hold, and which a figure left unknown beside its finding
   * may be, as a CBAM figure after a mistyped unit), as JSON null.
   */
  public static void writeNumber(JsonGenerator g, String name, Double value) throws IOException {
    g.writeFieldName(name);
    if (value == null || !Double.isFinite(value)) {
      g.writeNull();
    } else {
      g.writeNumber(plain(value));
    }
  }

  /** A number field for a figure that may be unknown: empty as JSON null. */
  public static void writeNumber(JsonGenerator g, String name, OptionalDouble value) throws IOException {
    writeNumber(g, name, value.isPresent() ? Double.valueOf(value.getAsDouble()) : null);
  }

  /**
   * A double in the shortest form that reads back to the same value, without an exponent for
   * ordinary magnitudes: 122992867.475 rather than 1.22992867475E8.
   */
  static String plain(double v) {
    if (v == 0) {
      return "0";
    }
    String shortest = Double.toString(v);
    if (shortest.indexOf('E') < 0) {
      return shortest; // already plain: the common case, without a BigDecimal
    }
    double abs = Math.abs(v);
    if (abs >= 1e-7 && abs < 1e21) {
      String s = new BigDecimal(Double.toString(v)).toPlainString();
      if (s.indexOf('.') < 0) {
        return s;
      }
      int end = s.length();
      while (s.charAt(end - 1) == '0') {
        end--;
      }
      return s.charAt(end - 1) == '.' ? s.substring(0, end) + "0" : s.substring(0, end);
    }
    return Double.toString(v);
  }
}
