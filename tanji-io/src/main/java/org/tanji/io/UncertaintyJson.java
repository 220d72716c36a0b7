package org.tanji.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tanji.core.calc.Formula;
import org.tanji.core.model.Finding;
import org.tanji.core.model.Uncertainty;
import org.tanji.io.internal.Distributions;
import org.tanji.core.uncertainty.Comparison;
import org.tanji.core.uncertainty.Summary;
import org.tanji.core.uncertainty.UncertaintyResult;

/**
 * Writes a Monte Carlo result as the JSON of {@code tanji uncertainty --json} (documented in
 * docs/uncertainty.md), which the server serves as it is. Numbers are unrounded, in the plain
 * notation of {@link ResultJson}.
 */
public final class UncertaintyJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private UncertaintyJson() {}

  /**
   * Writes one study's simulation; without a result (the study has errors) the figures are
   * {@code null} and the findings say why.
   */
  public static void write(Optional<UncertaintyResult> result, List<Finding> findings, Locale locale, Writer out)
      throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      study(g, result, findings, locale);
    }
  }

  /** Writes a comparison of two studies, each with its own findings. */
  public static void write(Comparison c, List<Finding> findingsA, List<Finding> findingsB, Locale locale, Writer out)
      throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeFieldName("a");
      study(g, Optional.of(c.a()), findingsA, locale);
      g.writeFieldName("b");
      study(g, Optional.of(c.b()), findingsB, locale);
      g.writeObjectFieldStart("difference_perUnit_kgCO2e");
      summary(g, c.difference());
      g.writeEndObject();
      ResultJson.writeNumber(g, "probabilityALower", c.probabilityALower());
      g.writeArrayFieldStart("sharedFactors");
      for (String key : c.shared()) {
        g.writeString(key);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void study(JsonGenerator g, Optional<UncertaintyResult> result, List<Finding> findings, Locale locale)
      throws IOException {
    g.writeStartObject();
    if (result.isEmpty()) {
      for (String field : List.of("runs", "seed", "perUnit_kgCO2e", "total_kgCO2e")) {
        g.writeNullField(field);
      }
    } else {
      figures(g, result.get());
    }
    g.writeArrayFieldStart("findings");
    for (Finding f : findings) {
      ResultJson.writeFinding(g, f, locale);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void figures(JsonGenerator g, UncertaintyResult r) throws IOException {
    g.writeNumberField("runs", r.runs());
    g.writeNumberField("seed", r.seed());
    g.writeObjectFieldStart("perUnit_kgCO2e");
    ResultJson.writeNumber(g, "deterministic", r.deterministicPerUnit());
    summary(g, r.perUnit());
    g.writeEndObject();
    g.writeObjectFieldStart("total_kgCO2e");
    ResultJson.writeNumber(g, "deterministic", r.deterministicTotal());
    summary(g, r.total());
    g.writeEndObject();
    g.writeArrayFieldStart("stages");
    for (UncertaintyResult.StageSpread s : r.stages()) {
      g.writeStartObject();
      g.writeStringField("stage", s.stage().id());
      g.writeObjectFieldStart("kgCO2e");
      ResultJson.writeNumber(g, "deterministic", s.deterministic());
      summary(g, s.kgCO2e());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("histogram");
    g.writeStringField("of", "perUnit_kgCO2e");
    ResultJson.writeNumber(g, "lower", r.histogram().lower());
    ResultJson.writeNumber(g, "width", r.histogram().width());
    g.writeArrayFieldStart("counts");
    for (int c : r.histogram().counts()) {
      g.writeNumber(c);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeArrayFieldStart("inputs");
    for (UncertaintyResult.InputSpread in : r.inputs()) {
      g.writeStartObject();
      input(g, in.input());
      g.writeStringField("value", in.input().nominal().text());
      distribution(g, in.distribution(), in.gsd());
      g.writeBooleanField("fromQuality", in.fromQuality());
      g.writeNumberField("truncated", in.truncated());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("contributions");
    for (UncertaintyResult.Contribution c : r.contributions()) {
      g.writeStartObject();
      input(g, c.input());
      ResultJson.writeNumber(g, "rankCorrelation", c.rankCorrelation());
      ResultJson.writeNumber(g, "share", c.share());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("tornado");
    for (UncertaintyResult.Sensitivity t : r.tornado()) {
      g.writeStartObject();
      input(g, t.input());
      ResultJson.writeNumber(g, "low_perUnit_kgCO2e", t.lowPerUnit());
      ResultJson.writeNumber(g, "high_perUnit_kgCO2e", t.highPerUnit());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("fixed");
    ResultJson.writeNumber(g, "share", r.fixedShare());
    g.writeArrayFieldStart("lines");
    for (UncertaintyResult.FixedLine l : r.fixed()) {
      g.writeStartObject();
      g.writeNumberField("index", l.index());
      g.writeStringField("name", l.name());
      ResultJson.writeNumber(g, "share", l.share());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void input(JsonGenerator g, Formula.Input in) throws IOException {
    g.writeStringField("path", in.path());
    g.writeStringField("kind", in.kind().id());
    g.writeStringField("name", in.name());
  }

  private static void summary(JsonGenerator g, Summary s) throws IOException {
    ResultJson.writeNumber(g, "mean", s.mean());
    ResultJson.writeNumber(g, "sd", s.sd());
    ResultJson.writeNumber(g, "median", s.median());
    ResultJson.writeNumber(g, "p2_5", s.p2_5());
    ResultJson.writeNumber(g, "p97_5", s.p97_5());
    ResultJson.writeNumber(g, "cv", s.cv());
  }

  private static void distribution(JsonGenerator g, Uncertainty u, double gsd) throws IOException {
    g.writeObjectFieldStart("distribution");
    g.writeStringField("type", u.type());
    if (!(u instanceof Uncertainty.Lognormal)) { // its gsd is the one below, as for a pedigree's
      Distributions.write(g, u, ResultJson::writeNumber);
    }
    if (!Double.isNaN(gsd)) {
      ResultJson.writeNumber(g, "gsd", gsd);
    }
    g.writeEndObject();
  }
}
