package org.tanji.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Map;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Activity;
import org.tanji.core.model.Coproduct;
import org.tanji.core.model.Evidence;
import org.tanji.core.model.Factor;
import org.tanji.core.model.InventoryLine;
import org.tanji.core.model.LineUncertainty;
import org.tanji.core.model.Organization;
import org.tanji.core.model.Product;
import org.tanji.core.model.Quality;
import org.tanji.core.model.ReportInfo;
import org.tanji.core.model.Study;
import org.tanji.core.model.StudyInfo;
import org.tanji.core.model.Uncertainty;
import org.tanji.core.units.Quantity;
import org.tanji.io.internal.Distributions;
import org.tanji.io.library.FactorLibrary;
import org.tanji.io.xlsx.Workbooks;

/**
 * Writes a {@link Study} back as a study file, in the keys and order of the format. Quantities are
 * written as the user typed them. Factors the study took from the library are not written: the
 * lines keep referring to them by id, as in the original.
 */
public final class StudyWriter {

  private static final YAMLFactory YAML = YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();
  private static final JsonFactory JSON = new JsonFactory();

  private StudyWriter() {}

  /**
   * Writes the study in the given format: text as UTF-8, a workbook in the study's language with
   * the built-in factor library on a sheet of its own.
   */
  public static void write(Study study, StudyFormat format, OutputStream out) throws IOException {
    if (format == StudyFormat.XLSX) {
      Workbooks.write(study, Messages.locale(study.info().language()), FactorLibrary.builtIn(), "study.xlsx", out);
      return;
    }
    try (JsonGenerator g = format == StudyFormat.JSON ? JSON.createGenerator(out) : YAML.createGenerator(out)) {
      if (format == StudyFormat.JSON) {
        g.useDefaultPrettyPrinter();
      }
      new StudyWriter().study(study, g);
    }
  }

  private void study(Study s, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("tanji", StudyReader.FORMAT_VERSION);
    info(s.info(), g);
    organization(s.organization(), g);
    product(s.product(), g);
    g.writeObjectFieldStart("factors");
    for (Map.Entry<String, Factor> e : s.factors().entrySet()) {
      if (e.getValue().libraryId() == null) {
        factor(e.getKey(), e.getValue(), g);
      }
    }
    g.writeEndObject();
    g.writeArrayFieldStart("inventory");
    for (InventoryLine line : s.inventory()) {
      line(line, g);
    }
    g.writeEndArray();
    if (!s.coproducts().isEmpty()) {
      g.writeArrayFieldStart("coproducts");
      for (Coproduct c : s.coproducts()) {
        g.writeStartObject();
        text(g, "name", c.name());
        quantity(g, "output", c.output());
        number(g, "price", c.price());
        quantity(g, "declaredUnit", c.declaredUnit());
        quantity(g, "massPerUnit", c.massPerUnit());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (s.allocation() != null) {
      g.writeStringField("allocation", s.allocation().id());
    }
    if (s.cutoffMassShare() != Study.DEFAULT_CUTOFF) {
      g.writeObjectFieldStart("cutoff");
      number(g, "massShare", s.cutoffMassShare());
      g.writeEndObject();
    }
    var c = s.claims();
    if (c.total() != null || c.perUnit() != null || c.dataQuality() != null || !c.stages().isEmpty()
        || !c.stageShares().isEmpty()) {
      g.writeObjectFieldStart("claimed");
      quantity(g, "total", c.total());
      quantity(g, "perUnit", c.perUnit());
      if (c.dataQuality() != null) {
        g.writeFieldName("dataQuality");
        g.writeNumber(c.dataQuality()); // keeps its printed decimals: 4.00
      }
      if (!c.stages().isEmpty()) {
        g.writeObjectFieldStart("stages");
        for (var e : c.stages().entrySet()) {
          quantity(g, e.getKey().id(), e.getValue());
        }
        g.writeEndObject();
      }
      if (!c.stageShares().isEmpty()) {
        g.writeObjectFieldStart("shares");
        for (var e : c.stageShares().entrySet()) {
          text(g, e.getKey().id(), e.getValue().text());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    report(s.report(), g);
    if (s.uncertaintyFromQuality()) {
      g.writeObjectFieldStart("uncertainty");
      g.writeBooleanField("fromQuality", true);
      g.writeEndObject();
    }
    if (!s.evidence().isEmpty()) {
      g.writeArrayFieldStart("evidence");
      for (Evidence e : s.evidence()) {
        g.writeStartObject();
        text(g, "title", e.title());
        text(g, "reference", e.reference());
        text(g, "note", e.note());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    beside(s.beside(), g);
    g.writeEndObject();
  }

  private static void beside(org.tanji.core.model.Beside b, JsonGenerator g) throws IOException {
    if (b.biogenicEmissions() != null || b.biogenicRemovals() != null || b.biogenicCarbon() != null) {
      g.writeObjectFieldStart("biogenic");
      quantity(g, "emissions", b.biogenicEmissions());
      quantity(g, "removals", b.biogenicRemovals());
      quantity(g, "carbonContent", b.biogenicCarbon());
      g.writeEndObject();
    }
    credits(g, "avoided", b.avoided());
    credits(g, "offsets", b.offsets());
  }

  private static void credits(JsonGenerator g, String key, java.util.List<org.tanji.core.model.Beside.Credit> credits)
      throws IOException {
    if (credits.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(key);
    for (var c : credits) {
      g.writeStartObject();
      text(g, "name", c.name());
      quantity(g, "amount", c.amount());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void report(ReportInfo r, JsonGenerator g) throws IOException {
    if (r.equals(ReportInfo.none())) {
      return;
    }
    g.writeObjectFieldStart("report");
    text(g, "number", r.number());
    text(g, "date", r.date() == null ? null : r.date().toString());
    text(g, "assessor", r.assessor());
    signature(g, "preparedBy", r.preparedBy());
    signature(g, "reviewedBy", r.reviewedBy());
    signature(g, "approvedBy", r.approvedBy());
    g.writeEndObject();
  }

  private static void signature(JsonGenerator g, String key, ReportInfo.Signature s) throws IOException {
    if (s == null) {
      return;
    }
    g.writeObjectFieldStart(key);
    text(g, "name", s.name());
    text(g, "date", s.date() == null ? null : s.date().toString());
    g.writeEndObject();
  }

  private static void info(StudyInfo i, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("study");
    text(g, "title", i.title());
    text(g, "language", i.language());
    if (!i.standards().isEmpty()) {
      g.writeArrayFieldStart("standards");
      for (String s : i.standards()) {
        g.writeString(s);
      }
      g.writeEndArray();
    }
    if (!i.stages().isEmpty()) {
      g.writeArrayFieldStart("boundary");
      for (var stage : i.stages()) {
        g.writeString(stage.id());
      }
      g.writeEndArray();
    } else {
      text(g, "boundary", i.boundary() == null ? null : i.boundary().id());
    }
    if (i.period() != null) {
      g.writeObjectFieldStart("period");
      g.writeStringField("start", i.period().start().toString());
      g.writeStringField("end", i.period().end().toString());
      g.writeEndObject();
    }
    if (!i.customGwp().isEmpty()) {
      g.writeObjectFieldStart("gwp");
      for (var e : i.customGwp().entrySet()) {
        g.writeFieldName(e.getKey());
        g.writeNumber(new BigDecimal(Double.toString(e.getValue())).stripTrailingZeros().toPlainString());
      }
      g.writeEndObject();
    } else {
      text(g, "gwp", i.gwp() == null ? null : i.gwp().id());
    }
    if (!i.exchangeRates().isEmpty()) {
      g.writeObjectFieldStart("exchangeRates");
      for (var r : i.exchangeRates()) {
        g.writeStringField(r.currency().symbol(), r.rate().text());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void organization(Organization o, JsonGenerator g) throws IOException {
    if (o.equals(Organization.empty())) {
      return;
    }
    g.writeObjectFieldStart("organization");
    text(g, "name", o.name());
    text(g, "address", o.address());
    text(g, "creditCode", o.creditCode());
    text(g, "legalRepresentative", o.legalRepresentative());
    text(g, "industry", o.industry());
    text(g, "contact", o.contact());
    text(g, "phone", o.phone());
    text(g, "email", o.email());
    g.writeEndObject();
  }

  private static void product(Product p, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("product");
    text(g, "name", p.name());
    quantity(g, "declaredUnit", p.declaredUnit());
    quantity(g, "output", p.output());
    quantity(g, "massPerUnit", p.massPerUnit());
    number(g, "price", p.price());
    text(g, "description", p.description());
    text(g, "cnCode", p.customsCode() == null ? null : p.customsCode().printed());
    text(g, "geography", p.geography() == null ? null : p.geography().code());
    quantity(g, "fossilCarbonContent", p.fossilCarbon());
    g.writeEndObject();
  }

  private static void factor(String key, Factor f, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart(key);
    text(g, "name", f.name());
    quantity(g, "value", f.value());
    text(g, "source", f.source());
    text(g, "type", f.type() == null ? null : f.type().id());
    if (f.year() != null) {
      g.writeNumberField("year", f.year());
    }
    text(g, "region", f.region());
    text(g, "boundary", f.boundary());
    text(g, "publication", f.publication());
    text(g, "note", f.note());
    distribution(g, "uncertainty", f.uncertainty());
    g.writeEndObject();
  }

  private static void line(InventoryLine l, JsonGenerator g) throws IOException {
    g.writeStartObject();
    text(g, "name", l.name());
    text(g, "stage", l.stage() == null ? null : l.stage().id());
    Activity a = l.activity();
    if (a instanceof Activity.Amount x) {
      quantity(g, "amount", x.amount());
      text(g, "factor", x.factor());
    } else if (a instanceof Activity.Transport x) {
      quantity(g, "mass", x.mass());
      quantity(g, "distance", x.distance());
      text(g, "factor", x.factor());
    } else if (a instanceof Activity.Emissions x) {
      g.writeObjectFieldStart("emissions");
      for (Map.Entry<String, Quantity> gas : x.gases().entrySet()) {
        quantity(g, gas.getKey(), gas.getValue());
      }
      g.writeEndObject();
    } else if (a instanceof Activity.Excluded x) {
      text(g, "excluded", x.reason());
      quantity(g, "amount", x.amount());
      text(g, "factor", x.factor());
    }
    Quality q = l.quality();
    if (q != null) {
      g.writeObjectFieldStart("quality");
      text(g, "activity", q.activity() == null ? null : q.activity().id());
      text(g, "calibration", q.calibration() == null ? null : q.calibration().id());
      if (q.factorPoints() != null) {
        g.writeNumberField("factor", q.factorPoints());
      }
      g.writeEndObject();
    }
    if (l.dedicated()) {
      g.writeBooleanField("dedicated", true);
    }
    quantity(g, "claimed", l.claimed());
    text(g, "claimedShare", l.claimedShare() == null ? null : l.claimedShare().text());
    text(g, "source", l.source());
    text(g, "note", l.note());
    LineUncertainty u = l.uncertainty();
    if (u != null && u.amount() != null) {
      distribution(g, "uncertainty", u.amount());
    } else if (u != null) {
      g.writeObjectFieldStart("uncertainty");
      distribution(g, "mass", u.mass());
      distribution(g, "distance", u.distance());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** A distribution block in the keys it was read from. */
  private static void distribution(JsonGenerator g, String key, Uncertainty u) throws IOException {
    if (u == null) {
      return;
    }
    g.writeObjectFieldStart(key);
    Distributions.write(g, u, StudyWriter::number);
    g.writeEndObject();
  }

  private static void text(JsonGenerator g, String key, String value) throws IOException {
    if (value != null) {
      g.writeStringField(key, value);
    }
  }

  private static void quantity(JsonGenerator g, String key, Quantity q) throws IOException {
    if (q != null) {
      g.writeStringField(key, q.text());
    }
  }

  private static void number(JsonGenerator g, String key, Double value) throws IOException {
    if (value != null) {
      g.writeFieldName(key);
      g.writeNumber(new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString());
    }
  }
}
