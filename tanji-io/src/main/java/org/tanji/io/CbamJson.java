package org.tanji.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tanji.core.cbam.CbamResult;
import org.tanji.core.cbam.CostOfSilence;
import org.tanji.core.cbam.Good;
import org.tanji.core.cbam.Installation;
import org.tanji.core.model.Finding;

/**
 * {@code tanji cbam FILE --json}: the CBAM result as JSON, the contract of {@code docs/cbam.md}.
 * Numbers are unrounded; units are in the field names; unknown figures are {@code null}.
 */
public final class CbamJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private CbamJson() {}

  /** Writes a result; finding messages in the given language. */
  public static void write(CbamResult r, Locale locale, Writer out) throws IOException {
    write(r, List.of(), locale, out);
  }

  /**
   * Writes a result with the marked-up EU default values beside the actual SEE
   * ({@code costOfSilence}, only when there are any), the findings of the comparison with the others.
   */
  public static void write(CbamResult r, CostOfSilence.Comparison costs, Locale locale, Writer out)
      throws IOException {
    CbamResult withFindings = new CbamResult(r.installation(), r.sourceStreams(), r.processes(), r.goods(),
        r.directEmissions(), r.biomassEmissions(), concat(r.findings(), costs.findings()));
    write(withFindings, costs.costs(), locale, out);
  }

  private static List<Finding> concat(List<Finding> a, List<Finding> b) {
    List<Finding> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void write(CbamResult r, List<CostOfSilence> costs, Locale locale, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      installation(g, r.installation());
      ResultJson.writeNumber(g, "directEmissions_tCO2e", r.directEmissions());
      ResultJson.writeNumber(g, "biomassEmissions_tCO2", r.biomassEmissions());
      g.writeArrayFieldStart("sourceStreams");
      for (CbamResult.StreamResult s : r.sourceStreams()) {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("method", s.method().id());
        g.writeStringField("process", s.process());
        ResultJson.writeNumber(g, "fossil_tCO2e", s.fossil());
        ResultJson.writeNumber(g, "biomass_tCO2", s.biomass());
        ResultJson.writeNumber(g, "energy_TJ", s.energy());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("processes");
      for (CbamResult.ProcessResult p : r.processes()) {
        process(g, p);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("goods");
      for (CbamResult.GoodResult gr : r.goods()) {
        good(g, gr);
      }
      g.writeEndArray();
      if (!costs.isEmpty()) {
        costs(g, costs);
      }
      findings(g, r.findings(), locale);
      g.writeEndObject();
    }
  }

  private static void costs(JsonGenerator g, List<CostOfSilence> costs) throws IOException {
    g.writeArrayFieldStart("costOfSilence");
    for (CostOfSilence c : costs) {
      g.writeStartObject();
      g.writeStringField("cn", c.cn());
      g.writeNumberField("year", c.year());
      ResultJson.writeNumber(g, "markUp", c.markUp());
      ResultJson.writeNumber(g, "default_tCO2e_per_t", c.defaultValue());
      ResultJson.writeNumber(g, "defaultMarkedUp_tCO2e_per_t", c.markedUp());
      ResultJson.writeNumber(g, "actual_tCO2e_per_t", c.actual());
      ResultJson.writeNumber(g, "difference_tCO2e_per_t", c.differencePerTonne());
      ResultJson.writeNumber(g, "volume_t", c.volume());
      ResultJson.writeNumber(g, "defaultForVolume_tCO2e", c.defaultForVolume());
      ResultJson.writeNumber(g, "actualForVolume_tCO2e", c.actualForVolume());
      ResultJson.writeNumber(g, "differenceForVolume_tCO2e", c.differenceForVolume());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * Writes the JSON of a file that could not be read as CBAM data: the same object with
   * {@code installation: null}, empty lists, null totals and the findings.
   */
  public static void writeUnread(List<Finding> findings, Locale locale, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNullField("installation");
      ResultJson.writeNumber(g, "directEmissions_tCO2e", OptionalDouble.empty());
      ResultJson.writeNumber(g, "biomassEmissions_tCO2", OptionalDouble.empty());
      for (String list : List.of("sourceStreams", "processes", "goods")) {
        g.writeArrayFieldStart(list);
        g.writeEndArray();
      }
      findings(g, findings, locale);
      g.writeEndObject();
    }
  }

  /** The result as a string. */
  public static String toJson(CbamResult r, Locale locale) {
    StringWriter w = new StringWriter();
    try {
      write(r, locale, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static void installation(JsonGenerator g, Installation i) throws IOException {
    g.writeObjectFieldStart("installation");
    g.writeStringField("name", i.name());
    g.writeStringField("address", i.address());
    g.writeStringField("city", i.city());
    g.writeStringField("country", i.country());
    g.writeStringField("unlocode", i.unlocode());
    g.writeStringField("latitude", i.latitude());
    g.writeStringField("longitude", i.longitude());
    g.writeObjectFieldStart("period");
    g.writeStringField("start", i.period().start().toString());
    g.writeStringField("end", i.period().end().toString());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void process(JsonGenerator g, CbamResult.ProcessResult p) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", p.id());
    g.writeStringField("name", p.name());
    g.writeStringField("category", p.category().id());
    ResultJson.writeNumber(g, "production_t", p.production());
    ResultJson.writeNumber(g, "directEmissions_tCO2e", p.directEmissions());
    ResultJson.writeNumber(g, "heat_tCO2e", p.heat());
    ResultJson.writeNumber(g, "wasteGases_tCO2e", p.wasteGases());
    ResultJson.writeNumber(g, "electricityExported_tCO2e", p.electricityExported());
    ResultJson.writeNumber(g, "attributedDirect_tCO2e", p.attributedDirect());
    ResultJson.writeNumber(g, "attributedIndirect_tCO2e", p.attributedIndirect());
    ResultJson.writeNumber(g, "electricity_MWh", p.electricity());
    ResultJson.writeNumber(g, "seDirect_tCO2e_per_t", p.seDirect());
    ResultJson.writeNumber(g, "seIndirect_tCO2e_per_t", p.seIndirect());
    ResultJson.writeNumber(g, "seeDirect_tCO2e_per_t", p.seeDirect());
    ResultJson.writeNumber(g, "seeIndirect_tCO2e_per_t", p.seeIndirect());
    ResultJson.writeNumber(g, "embeddedElectricity_MWh_per_t", p.embeddedElectricity());
    ResultJson.writeNumber(g, "defaultShare", p.defaultShare());
    g.writeEndObject();
  }

  private static void good(JsonGenerator g, CbamResult.GoodResult r) throws IOException {
    g.writeStartObject();
    g.writeStringField("cn", r.cn());
    g.writeStringField("name", r.name());
    g.writeStringField("process", r.process());
    g.writeStringField("category", r.category().map(c -> c.id()).orElse(null));
    ResultJson.writeNumber(g, "seeDirect_tCO2e_per_t", r.seeDirect());
    ResultJson.writeNumber(g, "seeIndirect_tCO2e_per_t", r.seeIndirect());
    ResultJson.writeNumber(g, "seeTotal_tCO2e_per_t", r.seeTotal());
    ResultJson.writeNumber(g, "defaultShare", r.defaultShare());
    ResultJson.writeNumber(g, "embeddedElectricity_MWh_per_t", r.embeddedElectricity());
    g.writeStringField("electricitySource", r.electricitySource().orElse(null));
    g.writeObjectFieldStart("qualifying");
    for (Map.Entry<String, String> e : r.qualifying().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    Optional<Good.CarbonPrice> cp = r.carbonPrice();
    if (cp.isEmpty()) {
      g.writeNullField("carbonPrice");
    } else {
      g.writeObjectFieldStart("carbonPrice");
      g.writeStringField("instrument", cp.get().instrument());
      g.writeStringField("currency", cp.get().currency());
      ResultJson.writeNumber(g, "due_per_t", cp.get().due());
      ResultJson.writeNumber(g, "rebate_per_t", cp.get().rebate());
      ResultJson.writeNumber(g, "effective_per_t", cp.get().effective());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void findings(JsonGenerator g, List<Finding> findings, Locale locale) throws IOException {
    g.writeArrayFieldStart("findings");
    for (Finding f : findings) {
      ResultJson.writeFinding(g, f, locale);
    }
    g.writeEndArray();
  }
}
