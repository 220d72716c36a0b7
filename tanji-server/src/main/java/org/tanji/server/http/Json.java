package org.tanji.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.tanji.io.ResultJson;
import org.tanji.server.adapter.HttpError;
import org.tanji.server.domain.Summary;
import org.tanji.server.domain.Version;

/** JSON in and out: request bodies as trees, responses written field by field. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).maxStringLength(100_000).build())
      .build());

  private Json() {}

  /** What writes a response body. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  static byte[] bytes(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** A request body as a JSON object; a 400 naming the problem otherwise. */
  static JsonNode object(byte[] body, String example) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (IOException e) {
      String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage());
      throw HttpError.of(400, "BAD_JSON", "json.bad", m.length() > 300 ? m.substring(0, 300) + "…" : m);
    }
    if (node == null || !node.isObject()) {
      throw HttpError.of(400, "BAD_JSON", "json.notObject", example);
    }
    return node;
  }

  /** A string field of a request, required. */
  static String string(JsonNode object, String field) {
    JsonNode v = object.get(field);
    if (v == null || !v.isTextual()) {
      throw HttpError.of(400, "BAD_FIELD", "field.missing", field);
    }
    return v.asText();
  }

  /** A string field of a request when it is there (a JSON null counts as absent); a 400 when it is not a string. */
  static Optional<String> optionalString(JsonNode object, String field) {
    return object.hasNonNull(field) ? Optional.of(string(object, field)) : Optional.empty();
  }

  /**
   * A whole-number field of a request when it is there (a JSON null counts as absent): a JSON
   * integer, not a string, a fraction or a number past a long; a 400 naming the field otherwise,
   * rather than reading {@code "abc"} as 0 or {@code 12.7} as 12.
   */
  static OptionalLong wholeNumber(JsonNode object, String field) {
    JsonNode v = object.get(field);
    if (v == null || v.isNull()) {
      return OptionalLong.empty();
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw HttpError.of(400, "BAD_FIELD", "field.wholeNumber", field);
    }
    return OptionalLong.of(v.asLong());
  }

  static void instant(JsonGenerator g, String name, Instant t) throws IOException {
    g.writeStringField(name, t == null ? null : t.toString());
  }

  /** The summary fields of a version: what it is and what it computed to. */
  static void summary(JsonGenerator g, Summary s) throws IOException {
    g.writeStringField("name", s.name());
    g.writeStringField("declaredUnit", s.declaredUnit());
    ResultJson.writeNumber(g, "perUnit_kgCO2e", s.perUnitKgCO2e());
    if (s.dqGrade() == null) {
      g.writeNullField("dataQuality");
    } else {
      g.writeObjectFieldStart("dataQuality");
      ResultJson.writeNumber(g, "score", s.dqScore());
      g.writeNumberField("grade", s.dqGrade());
      g.writeEndObject();
    }
    g.writeNumberField("errors", s.errors());
    g.writeNumberField("warnings", s.warnings());
  }

  static void version(JsonGenerator g, Version v) throws IOException {
    g.writeNumberField("version", v.version());
    g.writeStringField("state", v.state().id());
    instant(g, "storedAt", v.createdAt());
    g.writeStringField("storedBy", v.createdBy());
    summary(g, v.summary());
    g.writeStringField("format", v.format());
    g.writeStringField("fileName", v.fileName());
    g.writeNumberField("bytes", v.bytes());
    g.writeStringField("sha256", v.sha256());
  }
}
