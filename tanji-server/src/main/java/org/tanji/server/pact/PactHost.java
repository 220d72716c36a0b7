package org.tanji.server.pact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tanji.core.i18n.Messages;
import org.tanji.core.i18n.Text;
import org.tanji.server.adapter.Adapter;
import org.tanji.server.adapter.HttpError;
import org.tanji.server.adapter.Incidents;
import org.tanji.server.adapter.Requests;
import org.tanji.server.adapter.Wiring;
import org.tanji.server.app.AppException;
import org.tanji.server.app.PactEvents;
import org.tanji.server.app.PactHostService;
import org.tanji.server.domain.ApiClient;
import org.tanji.server.domain.FootprintQuery;
import org.tanji.server.domain.Token;

/**
 * The PACT host API (Technical Specifications 3.0): an adapter of its own, with its own sign-in
 * (OAuth2 client credentials over HTTP Basic at {@code /auth/token}, then bearer tokens), its own
 * error format ({@code {code, message}} with the spec's codes; RFC 6749's {@code {error,
 * error_description}} at the token endpoint), and its paths: {@code /auth/token},
 * {@code /.well-known/openid-configuration}, {@code /3/footprints}, {@code /3/footprints/{id}} and
 * {@code /3/events}. Served over HTTPS only: over plain HTTP every path answers 403 and says so.
 */
public final class PactHost implements Adapter {

  /** The largest event accepted: a request's criteria or a notice of ids fit in far less. */
  static final int MAX_EVENT_BYTES = 64 * 1024;
  /** Footprints on a page when the caller names no limit, and the most on one page whatever it names. */
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  /** The cursor of the next page: the spec asks extra parameters to be prefixed {@code x-<identifier>-}. */
  static final String AFTER = "x-tanji-after";

  private static final Set<String> EVENT_TYPES = Set.of(PactEvents.REQUEST_CREATED, PactEvents.REQUEST_FULFILLED,
      PactEvents.REQUEST_REJECTED, PactEvents.PUBLISHED);
  private static final List<String> FILTERS = List.of("productid", "companyid", "geography", "classification",
      "validon", "validafter", "validbefore", "status", "limit", AFTER);

  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).maxStringLength(10_000).build())
      .build());

  private final PactHostService host;
  private final PactEvents events;
  private final Requests requests;
  private final Incidents incidents;

  public PactHost(Wiring wiring) {
    this.host = wiring.services().pact();
    this.events = wiring.services().pactEvents();
    this.requests = wiring.requests();
    this.incidents = wiring.incidents();
  }

  @Override
  public boolean owns(String path) {
    return path.equals("/auth/token") || path.equals("/.well-known/openid-configuration") || path.equals("/3")
        || path.startsWith("/3/");
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post("/auth/token", this::token);
    routes.get("/.well-known/openid-configuration", this::openIdConfiguration);
    routes.get("/3/footprints", this::list);
    routes.get("/3/footprints/{id}", this::footprint);
    routes.post("/3/events", this::event);
  }

  @Override
  public void before(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-store");
    if (!requests.secure(ctx)) {
      throw HttpError.of(403, "AccessDenied", "pact.httpsOnly");
    }
    String length = ctx.header("Content-Length");
    if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
        && Long.parseLong(length) > MAX_EVENT_BYTES) {
      throw HttpError.of(413, "BadRequest", "pact.tooLarge", MAX_EVENT_BYTES / 1024);
    }
  }

  // ---- sign-in

  private void token(Context ctx) {
    Map<String, List<String>> form = form(ctx);
    if (form == null) {
      oauthError(ctx, 400, "invalid_request", "pact.badForm");
      return;
    }
    String grant = first(form, "grant_type");
    if (!"client_credentials".equals(grant)) {
      oauthError(ctx, 400, "unsupported_grant_type", "pact.grantType");
      return;
    }
    String id = first(form, "client_id");
    String secret = first(form, "client_secret");
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair = new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon > 0) {
          // RFC 6749 2.3.1: id and secret are form-encoded before they are put in the Basic header
          id = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
          secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
        }
      } catch (IllegalArgumentException e) {
        oauthError(ctx, 400, "invalid_request", "pact.basic");
        return;
      }
    }
    if (id == null || secret == null) {
      ctx.header("WWW-Authenticate", "Basic realm=\"tanji-pact\"");
      oauthError(ctx, 401, "invalid_client", "pact.basic");
      return;
    }
    Token t;
    try {
      t = host.grant(requests.clientAddress(ctx), id, secret);
    } catch (AppException.Unauthenticated e) {
      ctx.header("WWW-Authenticate", "Basic realm=\"tanji-pact\"");
      oauthError(ctx, 401, "invalid_client", "pact.client");
      return;
    } catch (AppException.TooManyAttempts e) {
      // OAuth 2 has no error for this; 429 with Retry-After is what a client backing off understands
      ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
      ObjectNode body = JSON.createObjectNode();
      body.put("error", "invalid_request");
      body.put("error_description", Messages.render(AppException.BUNDLE, e.text(), Requests.messageLocale(ctx)));
      json(ctx, 429, body);
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("access_token", t.value());
    body.put("token_type", "Bearer");
    body.put("expires_in", PactHostService.TOKEN_TTL.toSeconds());
    ctx.header("Pragma", "no-cache");
    json(ctx, 200, body);
  }

  private void oauthError(Context ctx, int status, String error, String key) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error", error);
    body.put("error_description", Messages.render(AppException.BUNDLE, Text.of(key), Requests.messageLocale(ctx)));
    json(ctx, status, body);
  }

  private void openIdConfiguration(Context ctx) {
    String base = base(ctx);
    ObjectNode body = JSON.createObjectNode();
    body.put("issuer", base);
    body.put("token_endpoint", base + "/auth/token");
    body.putArray("grant_types_supported").add("client_credentials");
    body.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post");
    body.putArray("response_types_supported").add("token");
    json(ctx, 200, body);
  }

  /** The caller of a PACT action, by its bearer token. */
  private ApiClient caller(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new AppException.Unauthenticated("INVALID_TOKEN", "pact.token");
    }
    return host.authenticate(auth.substring(7).strip());
  }

  // ---- footprints

  private void list(Context ctx) {
    ApiClient client = caller(ctx);
    Map<String, List<String>> params = params(ctx);
    FootprintQuery q = query(param -> values(params, param));
    PactHostService.Page page = host.list(client, q);
    page.next().ifPresent(after -> ctx.header("Link", "<" + nextLink(ctx, params, after) + ">; rel=\"next\""));
    ctx.status(200).contentType("application/json").result(PactHostService.listBody(page));
  }

  private void footprint(Context ctx) {
    ApiClient client = caller(ctx);
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw HttpError.of(400, "BadRequest", "pact.badId", ctx.pathParam("id"));
    }
    ctx.status(200).contentType("application/json").result(PactHostService.oneBody(host.footprint(client, id)));
  }

  /** The filters of a list (or of a request event's data), each parameter's values by the parameter's name. */
  interface Values {
    List<String> of(String param);
  }

  static FootprintQuery query(Values v) {
    int limit = DEFAULT_LIMIT;
    List<String> limits = v.of("limit");
    if (!limits.isEmpty()) {
      String text = limits.get(0);
      try {
        limit = Math.min(Integer.parseInt(text), MAX_LIMIT);
      } catch (NumberFormatException e) {
        throw HttpError.of(400, "BadRequest", "pact.limit", text);
      }
      if (limit < 1) {
        throw HttpError.of(400, "BadRequest", "pact.limit", text);
      }
    }
    long after = 0;
    List<String> cursor = v.of(AFTER);
    if (!cursor.isEmpty()) {
      try {
        after = Long.parseLong(cursor.get(0));
      } catch (NumberFormatException e) {
        after = -1;
      }
      if (after < 0) {
        throw HttpError.of(400, "BadRequest", "pact.cursor", cursor.get(0));
      }
    }
    List<String> status = v.of("status");
    return new FootprintQuery(set(v.of("productid")), set(v.of("companyid")), set(v.of("geography")),
        set(v.of("classification")), time(v.of("validon"), "validOn"), time(v.of("validafter"), "validAfter"),
        time(v.of("validbefore"), "validBefore"), status.stream().findFirst(), after, limit);
  }

  private static Set<String> set(List<String> values) {
    return new LinkedHashSet<>(values);
  }

  private static Optional<Instant> time(List<String> values, String name) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(values.get(0)).toInstant());
    } catch (DateTimeParseException e) {
      throw HttpError.of(400, "BadRequest", "pact.time", name, values.get(0));
    }
  }

  /** The query's parameters, their names without case (the spec's own examples write productid and productId). */
  private static Map<String, List<String>> params(Context ctx) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    ctx.queryParamMap().forEach((k, vs) -> out.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>())
        .addAll(vs));
    return out;
  }

  private static List<String> values(Map<String, List<String>> params, String name) {
    return params.getOrDefault(name, List.of());
  }

  /** The same query with the next page's cursor, on the host the caller asked (the spec wants it so). */
  private String nextLink(Context ctx, Map<String, List<String>> params, long after) {
    StringBuilder b = new StringBuilder(base(ctx)).append("/3/footprints?");
    for (String name : FILTERS) {
      if (name.equals(AFTER)) {
        continue;
      }
      for (String value : values(params, name)) {
        b.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
      }
    }
    return b.append(AFTER).append('=').append(after).toString();
  }

  /** This host as the caller reached it: {@code https://host[:port]}. */
  private String base(Context ctx) {
    String hostHeader = ctx.header("Host");
    if (hostHeader == null || !hostHeader.matches("[A-Za-z0-9.\\-\\[\\]:]{1,300}")) {
      hostHeader = ctx.req().getServerName() + ":" + ctx.port();
    }
    return "https://" + hostHeader;
  }

  // ---- events

  private void event(Context ctx) {
    ApiClient client = caller(ctx);
    String media = Requests.mediaTypeOf(ctx.header("Content-Type"));
    if (!media.equals("application/cloudevents+json") && !media.equals("application/json")) {
      throw HttpError.of(400, "BadRequest", "pact.eventMedia", media.isEmpty() ? "—" : media);
    }
    JsonNode e = readEvent(ctx);
    String type = text(e, "type");
    String version = text(e, "specversion");
    if (!"1.0".equals(version)) {
      throw HttpError.of(400, "BadRequest", "pact.cloudEventsVersion", version == null ? "—" : version);
    }
    if (type == null || !EVENT_TYPES.contains(type)) {
      throw HttpError.of(400, "BadRequest", "pact.eventType", type == null ? "—" : type);
    }
    String id = required(e, "id");
    required(e, "source");
    try {
      OffsetDateTime.parse(required(e, "time"));
    } catch (DateTimeParseException x) {
      throw HttpError.of(400, "BadRequest", "pact.time", "time", text(e, "time"));
    }
    JsonNode data = e.get("data");
    if (data == null || !data.isObject()) {
      throw HttpError.of(400, "BadRequest", "pact.eventField", "data");
    }
    switch (type) {
      case PactEvents.REQUEST_CREATED -> requestCreated(ctx, client, id, data);
      case PactEvents.PUBLISHED -> {
        JsonNode ids = data.get("pfIds");
        if (ids == null || !ids.isArray()) {
          throw HttpError.of(400, "BadRequest", "pact.eventField", "data.pfIds");
        }
        for (JsonNode pf : ids) {
          try {
            UUID.fromString(pf.asText());
          } catch (IllegalArgumentException x) {
            throw HttpError.of(400, "BadRequest", "pact.badId", pf.asText());
          }
        }
      }
      default -> { // an answer to a request: Tanji sends none through this host, so there is nothing to match
        if (text(data, "requestEventId") == null) {
          throw HttpError.of(400, "BadRequest", "pact.eventField", "data.requestEventId");
        }
      }
    }
    ctx.status(200);
  }

  private void requestCreated(Context ctx, ApiClient client, String id, JsonNode data) {
    Map<String, List<String>> criteria = new java.util.LinkedHashMap<>();
    for (String name : List.of("productId", "companyId", "geography", "classification", "validOn", "validAfter",
        "validBefore", "status")) {
      JsonNode n = data.get(name);
      if (n == null || n.isNull()) {
        continue;
      }
      List<String> values = new ArrayList<>();
      if (n.isArray()) {
        n.forEach(x -> values.add(x.asText()));
      } else if (n.isTextual()) {
        values.add(n.asText());
      } else {
        throw HttpError.of(400, "BadRequest", "pact.eventField", "data." + name);
      }
      criteria.put(name.toLowerCase(Locale.ROOT), values);
    }
    FootprintQuery q = query(param -> values(criteria, param));
    switch (events.request(new PactEvents.Request(client, id, q, "//" + base(ctx).substring(8) + "/3/events"))) {
      case NO_ENDPOINT -> throw HttpError.of(400, "BadRequest", "pact.noEndpoint");
      case FULL -> throw HttpError.of(429, "TooManyRequests", "pact.busy").withHeader("Retry-After", "30");
      case ACCEPTED -> { }
      default -> throw new IllegalStateException();
    }
  }

  private static JsonNode readEvent(Context ctx) {
    byte[] body;
    try (InputStream in = ctx.req().getInputStream()) {
      body = in.readNBytes(MAX_EVENT_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (body.length > MAX_EVENT_BYTES) {
      ctx.header("Connection", "close");
      throw HttpError.of(413, "BadRequest", "pact.tooLarge", MAX_EVENT_BYTES / 1024);
    }
    try {
      JsonNode n = JSON.readTree(body);
      if (n == null || !n.isObject()) {
        throw HttpError.of(400, "BadRequest", "pact.eventJson");
      }
      return n;
    } catch (IOException e) {
      throw HttpError.of(400, "BadRequest", "pact.eventJson");
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static String required(JsonNode n, String field) {
    String v = text(n, field);
    if (v == null || v.isBlank()) {
      throw HttpError.of(400, "BadRequest", "pact.eventField", field);
    }
    return v;
  }

  /** The form of the request's body; null when it cannot be decoded. */
  private static Map<String, List<String>> form(Context ctx) {
    String media = Requests.mediaTypeOf(ctx.header("Content-Type"));
    if (!media.equals("application/x-www-form-urlencoded")) {
      return Map.of();
    }
    byte[] body;
    try (InputStream in = ctx.req().getInputStream()) {
      body = in.readNBytes(MAX_EVENT_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, List<String>> out = new java.util.HashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k;
      String v;
      try {
        k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) { // a % not followed by two hexadecimal digits
        return null;
      }
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> v = form.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static void json(Context ctx, int status, JsonNode body) {
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- errors

  @Override
  public void fail(Context ctx, Exception e) {
    Locale locale = Requests.messageLocale(ctx);
    if (e instanceof HttpError h) {
      if (h.status() == 413) {
        requests.drain(ctx); // so the client reads the answer rather than a reset connection
      }
      h.headers().forEach(ctx::header);
      error(ctx, h.status(), h.code(), Messages.render(AppException.BUNDLE, h.text(), locale));
    } else if (AppException.of(e).isPresent()) {
      AppException a = AppException.of(e).get();
      int status = HttpError.status(a);
      String code = switch (status) {
        case 401 -> a.code().equals("TOKEN_EXPIRED") ? "TokenExpired" : "BadRequest";
        case 403 -> "AccessDenied";
        case 404 -> "NotFound";
        case 503 -> "InternalError";
        default -> "BadRequest";
      };
      if (status == 401) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"tanji-pact\", error=\"invalid_token\"");
      }
      error(ctx, status, code, Messages.render(AppException.BUNDLE, a.text(), locale));
    } else if (e instanceof HttpResponseException r && r.getStatus() < 500) {
      if (r.getStatus() == 404) {
        error(ctx, 404, "NotFound", Messages.render(AppException.BUNDLE, Text.of("route.notFound",
            ctx.method().name(), ctx.path()), locale));
      } else if (r.getStatus() == 405) {
        error(ctx, 405, "NotImplemented", Messages.render(AppException.BUNDLE, Text.of("route.notFound",
            ctx.method().name(), ctx.path()), locale));
      } else {
        error(ctx, r.getStatus(), "BadRequest", Messages.render(AppException.BUNDLE, Text.of("request.bad",
            Integer.toString(r.getStatus())), locale));
      }
    } else {
      error(ctx, 500, "InternalError", Messages.render(AppException.BUNDLE, Text.of("internal",
          incidents.record(ctx, e)), locale));
    }
  }

  private static void error(Context ctx, int status, String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("code", code);
    body.put("message", message);
    json(ctx, status, body);
  }
}
