package org.tanji.io.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The PACT v3 ProductFootprint schema, taken from the specification's own OpenAPI description
 * (an unmodified copy in the test resources, {@code spec/README.md} says where from) when the
 * tests load: its component schemas under their own path, so that their {@code $ref}s resolve as
 * written, and a root that refers to {@code ProductFootprint}. OpenAPI 3.1 schemas are JSON Schema
 * 2020-12; formats ({@code uuid}, {@code date-time}) are asserted, not only annotated.
 */
public final class PactSchema {

  private static final Schema FOOTPRINT = load();

  private PactSchema() {}

  private static Schema load() {
    try (InputStream in = PactSchema.class.getResourceAsStream("spec/openapi.yaml")) {
      JsonNode openapi = new YAMLMapper().readTree(in);
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
      root.put("$ref", "#/components/schemas/ProductFootprint");
      root.putObject("components").set("schemas", openapi.at("/components/schemas"));
      SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
          b -> b.schemaRegistryConfig(config)).getSchema(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the specification finds wrong with a footprint; empty when it conforms. */
  public static List<Error> errors(JsonNode footprint) {
    return FOOTPRINT.validate(footprint);
  }

  /** The specification's version, as its OpenAPI description gives it. */
  public static String version() {
    try (InputStream in = PactSchema.class.getResourceAsStream("spec/openapi.yaml")) {
      return new YAMLMapper().readTree(in).at("/info/version").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
