package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.tanji.server.http.Api;

/** The OpenAPI document describes exactly the routes the server has, and who may call them. */
class OpenApiTest {

  static JsonNode document() throws IOException {
    try (InputStream in = Api.class.getResourceAsStream("/org/tanji/server/openapi.json")) {
      return Http.MAPPER.readTree(in);
    }
  }

  @Test
  void pathsAndMethodsAreExactlyTheRoutes() throws IOException {
    JsonNode doc = document();
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next();
        if (!method.equals("parameters")) {
          documented.add(method.toUpperCase() + " " + path.getKey());
        }
      }
    }
    Set<String> routes = new TreeSet<>();
    Api.ROUTES.forEach(r -> routes.add(r.method() + " " + r.path()));
    assertThat(documented).isEqualTo(routes);
  }

  @Test
  void openRoutesNeedNoTokenAndAllOthersAnswer401() throws IOException {
    JsonNode doc = document();
    assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
    for (Api.Route r : Api.ROUTES) {
      JsonNode op = doc.get("paths").get(r.path()).get(r.method().toLowerCase());
      if (r.open()) {
        assertThat(op.get("security")).as(r.toString()).isNotNull();
        assertThat(op.get("security").isEmpty()).as(r.toString()).isTrue();
      } else {
        assertThat(op.get("security")).as(r.toString()).isNull(); // the global default: bearer
        assertThat(op.at("/responses/401")).as(r.toString()).isNotNull();
        assertThat(op.at("/responses/401").isMissingNode()).as(r.toString()).isFalse();
      }
      if (r.path().contains("{id}")) {
        assertThat(op.at("/responses/404").isMissingNode()).as(r.toString()).isFalse();
      }
    }
  }
}
