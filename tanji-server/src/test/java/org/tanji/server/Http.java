package org.tanji.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the tests: one call, one response, bodies as bytes. */
final class Http {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String base;
  private final HttpClient client;

  Http(String base) {
    this(base, CLIENT);
  }

  /** Over a client of the test's own (one that trusts a self-signed certificate). */
  Http(String base, HttpClient client) {
    this.base = base;
    this.client = client;
  }

  /** A response. */
  record Resp(int status, Map<String, java.util.List<String>> headers, byte[] body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + text(), e);
      }
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    String code() {
      return json().path("code").asText(null);
    }
  }

  Resp send(String method, String path, String token, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Resp(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Resp get(String path, String token, String... headers) {
    return send("GET", path, token, null, null, headers);
  }

  Resp postJson(String path, String token, String json) {
    return send("POST", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** Signs in; the token. */
  String login(String username, String password) {
    Resp r = postJson("/api/login", null, "{\"username\":" + quote(username) + ",\"password\":" + quote(password) + "}");
    if (r.status() != 200) {
      throw new AssertionError("login " + username + ": " + r.status() + " " + r.text());
    }
    return r.json().get("token").asText();
  }

  static String quote(String s) {
    try {
      return MAPPER.writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
