package org.tanji.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.tanji.core.i18n.Messages;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Finding;
import org.tanji.io.ResultJson;
import org.tanji.io.StudyFiles;
import org.tanji.io.StudyFormat;
import org.tanji.io.StudyWriter;
import org.tanji.io.xlsx.Workbooks;
import org.tanji.report.ReportFormat;
import org.tanji.report.Reports;
import org.tanji.report.model.ReportDocument;
import org.tanji.server.store.Accounts;
import org.tanji.server.store.Database;
import org.tanji.server.store.Principal;
import org.tanji.server.store.Role;
import org.tanji.server.store.StoreException;
import org.tanji.server.store.Studies;

/**
 * The REST API under {@code /api}: every route, who may call it, and the JSON it answers. Routes
 * are listed once, in {@link #ROUTES}; the OpenAPI document is tested against that list.
 */
public final class Api {

  public static final String BUNDLE = "org.tanji.server.messages";

  static final String YAML = "application/yaml";
  static final String JSON = "application/json";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** A route: method, path (Javalin syntax, {@code {id}}), whether it is open without a token. */
  public record Route(String method, String path, boolean open) {}

  /** Every route of the API. */
  public static final List<Route> ROUTES = List.of(
      new Route("GET", "/api/health", true),
      new Route("GET", "/api/openapi.json", true),
      new Route("POST", "/api/login", true),
      new Route("POST", "/api/logout", false),
      new Route("GET", "/api/me", false),
      new Route("PUT", "/api/me/password", false),
      new Route("GET", "/api/users", false),
      new Route("POST", "/api/users", false),
      new Route("GET", "/api/organizations", false),
      new Route("POST", "/api/organizations", false),
      new Route("GET", "/api/studies", false),
      new Route("POST", "/api/studies", false),
      new Route("GET", "/api/studies/{id}", false),
      new Route("PUT", "/api/studies/{id}", false),
      new Route("GET", "/api/studies/{id}/file", false),
      new Route("GET", "/api/studies/{id}/result", false),
      new Route("GET", "/api/studies/{id}/report", false),
      new Route("GET", "/api/studies/{id}/versions", false),
      new Route("GET", "/api/studies/{id}/versions/{n}", false),
      new Route("GET", "/api/studies/{id}/versions/{n}/file", false),
      new Route("GET", "/api/studies/{id}/versions/{n}/result", false),
      new Route("GET", "/api/studies/{id}/versions/{n}/report", false),
      new Route("GET", "/api/factors", false));

  private final Database db;
  private final Accounts accounts;
  private final Studies studies;
  private final Computations computations;
  /** Sign-in attempts per client address (the connection's peer, not X-Forwarded-For, which a client can set). */
  private final RateLimit perAddress;
  /** Failed sign-ins per username: guessing one account's password from many addresses. */
  private final RateLimit failuresPerUser;
  private final long maxRequestBytes;
  private final PrintStream log;
  private final byte[] openapi;
  private java.util.function.BiConsumer<ApiError, Context> pages;

  public Api(Database db, Accounts accounts, Studies studies, Clock clock, long maxRequestBytes, long cacheBytes,
      int loginsPerMinute, PrintStream log) {
    this.db = db;
    this.accounts = accounts;
    this.studies = studies;
    this.maxRequestBytes = maxRequestBytes;
    this.log = log;
    this.computations = new Computations(org.tanji.io.library.FactorLibrary.builtIn(), cacheBytes);
    this.perAddress = new RateLimit(clock, loginsPerMinute, Duration.ofMinutes(1));
    this.failuresPerUser = new RateLimit(clock, 10, Duration.ofMinutes(15));
    try (InputStream in = Api.class.getResourceAsStream("/org/tanji/server/openapi.json")) {
      this.openapi = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Authenticated work. */
  @FunctionalInterface
  private interface Authed {
    void handle(Context ctx, Principal who) throws Exception;
  }

  /** Registers the routes and the error answers. */
  public void register(RoutesConfig routes) {
    Map<String, Handler> open = Map.of(
        "GET /api/health", this::health,
        "GET /api/openapi.json", ctx -> ctx.contentType(JSON).result(openapi),
        "POST /api/login", this::login);
    Map<String, Authed> authed = new java.util.HashMap<>();
    authed.put("POST /api/logout", this::logout);
    authed.put("GET /api/me", this::me);
    authed.put("PUT /api/me/password", this::changePassword);
    authed.put("GET /api/users", this::users);
    authed.put("POST /api/users", this::createUser);
    authed.put("GET /api/organizations", this::organizations);
    authed.put("POST /api/organizations", this::createOrganization);
    authed.put("GET /api/studies", this::listStudies);
    authed.put("POST /api/studies", this::createStudy);
    authed.put("GET /api/studies/{id}", (ctx, who) -> studyInfo(ctx, who, null));
    authed.put("PUT /api/studies/{id}", this::updateStudy);
    authed.put("GET /api/studies/{id}/file", (ctx, who) -> file(ctx, who, null));
    authed.put("GET /api/studies/{id}/result", (ctx, who) -> result(ctx, who, null));
    authed.put("GET /api/studies/{id}/report", (ctx, who) -> report(ctx, who, null));
    authed.put("GET /api/studies/{id}/versions", this::versions);
    authed.put("GET /api/studies/{id}/versions/{n}", (ctx, who) -> studyInfo(ctx, who, versionParam(ctx)));
    authed.put("GET /api/studies/{id}/versions/{n}/file", (ctx, who) -> file(ctx, who, versionParam(ctx)));
    authed.put("GET /api/studies/{id}/versions/{n}/result", (ctx, who) -> result(ctx, who, versionParam(ctx)));
    authed.put("GET /api/studies/{id}/versions/{n}/report", (ctx, who) -> report(ctx, who, versionParam(ctx)));
    authed.put("GET /api/factors", this::factors);
    for (Route r : ROUTES) {
      String key = r.method() + " " + r.path();
      Handler h = r.open() ? open.get(key) : withAuth(authed.get(key));
      if (h == null) {
        throw new IllegalStateException("no handler for " + key);
      }
      routes.addHttpHandler(HandlerType.findOrCreate(r.method()), r.path(), h);
    }
    routes.before("/api/*", ctx -> {
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("Cache-Control", "no-store");
      refuseOversized(ctx);
    });
    routes.exception(ApiError.class, (e, ctx) -> {
      if (e.status == 413) {
        drain(ctx);
      }
      deliver(ctx, e);
    });
    routes.exception(HttpResponseException.class, (e, ctx) -> deliver(ctx, translate(e, ctx)));
    routes.exception(Exception.class, (e, ctx) -> deliver(ctx, internal(e, ctx)));
  }

  /** An error as JSON, or as a page outside {@code /api/} once the pages are registered. */
  private void deliver(Context ctx, ApiError e) {
    if (pages != null && !ctx.path().startsWith("/api/")) {
      pages.accept(e, ctx);
    } else {
      answer(ctx, e);
    }
  }

  /**
   * Where errors outside {@code /api/} go: the web pages answer them as pages, not JSON. Unset,
   * they are answered as JSON too.
   */
  public void pageErrors(java.util.function.BiConsumer<ApiError, Context> handler) {
    this.pages = handler;
  }

  /** Refuses (413) a request whose Content-Length is above the limit, before its body is read. */
  public void refuseOversized(Context ctx) {
    String length = ctx.header("Content-Length");
    if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
        && Long.parseLong(length) > maxRequestBytes) {
      throw tooLarge();
    }
  }

  // ---- accounts

  private void health(Context ctx) {
    boolean up;
    try {
      up = db.read(c -> c.isValid(2));
    } catch (StoreException e) {
      up = false;
    }
    boolean ok = up;
    json(ctx, ok ? 200 : 503, g -> {
      g.writeStartObject();
      g.writeStringField("status", ok ? "ok" : "unavailable");
      g.writeStringField("database", db.product());
      g.writeEndObject();
    });
  }

  private void login(Context ctx) {
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"username\": \"…\", \"password\": \"…\"}");
    Accounts.Token token = login(ctx.req().getRemoteAddr(), Json.string(body, "username"), Json.string(body, "password"));
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeStringField("token", token.value());
      Json.instant(g, "expiresAt", token.expiresAt());
      g.writeEndObject();
    });
  }

  /**
   * Checks a sign-in under the limits per client address and per username, and issues a token.
   *
   * @throws ApiError 429 when over a limit, 401 when the name or password is wrong
   */
  public Accounts.Token login(String address, String name, String password) {
    String username = Accounts.normalize(name);
    OptionalLong wait = perAddress.retryAfter(address);
    if (wait.isEmpty()) {
      wait = failuresPerUser.retryAfter(username);
    }
    if (wait.isPresent()) {
      throw ApiError.of(429, "TOO_MANY_ATTEMPTS", "login.limited", wait.getAsLong())
          .withHeader("Retry-After", Long.toString(wait.getAsLong()));
    }
    perAddress.record(address);
    Optional<Long> user = accounts.verify(username, password);
    if (user.isEmpty()) {
      failuresPerUser.record(username);
      throw unauthorized("LOGIN_FAILED", "login.failed");
    }
    return accounts.issueToken(user.get());
  }

  private void logout(Context ctx, Principal who) {
    accounts.revoke(bearer(ctx));
    ctx.status(204);
  }

  private void me(Context ctx, Principal who) {
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeNumberField("id", who.userId());
      g.writeStringField("username", who.username());
      g.writeStringField("role", who.role().id());
      g.writeObjectFieldStart("organization");
      g.writeNumberField("id", who.orgId());
      g.writeStringField("name", who.orgName());
      g.writeBooleanField("operator", who.operator());
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  private void changePassword(Context ctx, Principal who) {
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"current\": \"…\", \"password\": \"…\"}");
    String current = Json.string(body, "current");
    String password = Json.string(body, "password");
    if (accounts.verify(who.username(), current).isEmpty()) {
      throw ApiError.of(403, "WRONG_PASSWORD", "user.wrongPassword");
    }
    checkPassword(password);
    accounts.changePassword(who.userId(), password, bearer(ctx));
    ctx.status(204);
  }

  private void users(Context ctx, Principal who) {
    requireAdmin(who);
    List<Accounts.User> list = accounts.users(who.orgId());
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("users");
      for (Accounts.User u : list) {
        g.writeStartObject();
        g.writeNumberField("id", u.id());
        g.writeStringField("username", u.username());
        g.writeStringField("role", u.role().id());
        Json.instant(g, "createdAt", u.createdAt());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private void createUser(Context ctx, Principal who) {
    requireAdmin(who);
    JsonNode body = Json.object(ctx.bodyAsBytes(),
        "{\"username\": \"…\", \"password\": \"…\", \"role\": \"member\"}");
    String username = Accounts.normalize(Json.string(body, "username"));
    String password = Json.string(body, "password");
    String roleText = body.has("role") ? Json.string(body, "role") : Role.MEMBER.id();
    Role role = Role.of(roleText).orElseThrow(() -> ApiError.of(400, "BAD_ROLE", "user.badRole", roleText));
    Accounts.checkUsername(username).ifPresent(k -> {
      throw ApiError.of(400, "BAD_USERNAME", k);
    });
    checkPassword(password);
    long id = accounts.createUser(who.orgId(), username, password, role)
        .orElseThrow(() -> ApiError.of(409, "USERNAME_TAKEN", "user.taken", username));
    json(ctx, 201, g -> {
      g.writeStartObject();
      g.writeNumberField("id", id);
      g.writeStringField("username", username);
      g.writeStringField("role", role.id());
      g.writeEndObject();
    });
  }

  private void organizations(Context ctx, Principal who) {
    requireOperator(who);
    List<Accounts.Org> list = accounts.organizations();
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("organizations");
      for (Accounts.Org o : list) {
        g.writeStartObject();
        g.writeNumberField("id", o.id());
        g.writeStringField("name", o.name());
        g.writeBooleanField("operator", o.operator());
        g.writeNumberField("users", o.users());
        Json.instant(g, "createdAt", o.createdAt());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private void createOrganization(Context ctx, Principal who) {
    requireOperator(who);
    JsonNode body = Json.object(ctx.bodyAsBytes(),
        "{\"name\": \"…\", \"admin\": {\"username\": \"…\", \"password\": \"…\"}}");
    String name = Json.string(body, "name").strip();
    if (name.isEmpty() || name.length() > 200) {
      throw ApiError.of(400, "BAD_NAME", "org.badName");
    }
    JsonNode admin = body.get("admin");
    if (admin == null || !admin.isObject()) {
      throw ApiError.of(400, "BAD_FIELD", "field.missing", "admin");
    }
    String username = Accounts.normalize(Json.string(admin, "username"));
    String password = Json.string(admin, "password");
    Accounts.checkUsername(username).ifPresent(k -> {
      throw ApiError.of(400, "BAD_USERNAME", k);
    });
    checkPassword(password);
    Accounts.Creation created = accounts.createOrganization(name, username, password);
    switch (created.outcome()) {
      case NAME_TAKEN -> throw ApiError.of(409, "NAME_TAKEN", "org.taken", name);
      case USERNAME_TAKEN -> throw ApiError.of(409, "USERNAME_TAKEN", "user.taken", username);
      default -> { }
    }
    json(ctx, 201, g -> {
      g.writeStartObject();
      g.writeNumberField("id", created.id());
      g.writeStringField("name", name);
      g.writeStringField("admin", username);
      g.writeEndObject();
    });
  }

  // ---- studies

  private void listStudies(Context ctx, Principal who) {
    List<Studies.StudyInfo> list = studies.list(who.orgId());
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("studies");
      for (Studies.StudyInfo s : list) {
        g.writeStartObject();
        g.writeStringField("id", s.id().toString());
        g.writeNumberField("currentVersion", s.currentVersion());
        g.writeStringField("state", s.state());
        Json.instant(g, "updatedAt", s.current().createdAt());
        g.writeStringField("updatedBy", s.current().createdBy());
        Json.summary(g, s.current().summary());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private void createStudy(Context ctx, Principal who) throws IOException {
    lang(ctx); // a wrong parameter is refused before anything is stored
    Received in = receive(ctx);
    Computations.Computed computed = computations.compute(in.bytes, in.format, in.fileName);
    Studies.Version v = studies.create(who, upload(in, computed));
    stored(ctx, 201, v, computed);
  }

  private void updateStudy(Context ctx, Principal who) throws IOException {
    UUID id = studyId(ctx);
    String ifMatch = ctx.header("If-Match");
    if (ifMatch == null) {
      int current = studies.currentVersionNumber(who.orgId(), id).orElseThrow(() -> notFound(id));
      throw ApiError.of(428, "VERSION_REQUIRED", "version.required", Integer.toString(current), id.toString());
    }
    int expected = parseIfMatch(ifMatch);
    lang(ctx);
    Received in = receive(ctx);
    Computations.Computed computed = computations.compute(in.bytes, in.format, in.fileName);
    Studies.Version v;
    try {
      v = studies.update(who, id, expected, upload(in, computed)).orElseThrow(() -> notFound(id));
    } catch (Studies.Conflict c) {
      Studies.Version cur = c.current();
      throw ApiError.of(409, "VERSION_CONFLICT", "version.conflict", Integer.toString(cur.version()), cur.createdBy(),
          DateTimeFormatter.ISO_INSTANT.format(cur.createdAt()), Integer.toString(expected))
          .withHeader("ETag", etag(cur.version()));
    }
    stored(ctx, 200, v, computed);
  }

  /** The answer to a stored version: where it is, and what the reader and checks found. */
  private void stored(Context ctx, int status, Studies.Version v, Computations.Computed computed) {
    Locale locale = lang(ctx).orElse(computed.studyLocale());
    // the result of the study's own language is what GET …/result will be asked for first
    computations.put(new Computations.Key(v.studyId(), v.version(), "result:"),
        resultBytes(computed, computed.studyLocale()));
    String base = "/api/studies/" + v.studyId();
    ctx.header("Location", base);
    ctx.header("ETag", etag(v.version()));
    json(ctx, status, g -> {
      g.writeStartObject();
      g.writeStringField("id", v.studyId().toString());
      Json.version(g, v);
      g.writeArrayFieldStart("findings");
      for (Finding f : computed.result().findings()) {
        ResultJson.writeFinding(g, f, locale);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private void studyInfo(Context ctx, Principal who, Integer n) {
    UUID id = studyId(ctx);
    Studies.StudyInfo s = studies.find(who.orgId(), id).orElseThrow(() -> notFound(id));
    Studies.Version v = n == null ? s.current() : studies.version(who.orgId(), id, n)
        .orElseThrow(() -> versionNotFound(id, n, s.currentVersion()));
    String base = "/api/studies/" + id + (n == null ? "" : "/versions/" + n);
    ctx.header("ETag", etag(s.currentVersion()));
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeStringField("id", id.toString());
      g.writeNumberField("currentVersion", s.currentVersion());
      g.writeStringField("state", s.state());
      Json.instant(g, "createdAt", s.createdAt());
      g.writeStringField("createdBy", s.createdBy());
      Json.version(g, v);
      g.writeObjectFieldStart("links");
      g.writeStringField("file", base + "/file");
      g.writeStringField("result", base + "/result");
      g.writeStringField("report", base + "/report");
      g.writeStringField("versions", "/api/studies/" + id + "/versions");
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  private void versions(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    List<Studies.Version> list = studies.versions(who.orgId(), id);
    if (list.isEmpty()) {
      throw notFound(id);
    }
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeStringField("id", id.toString());
      g.writeArrayFieldStart("versions");
      for (Studies.Version v : list) {
        g.writeStartObject();
        Json.version(g, v);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** A version's file as it was sent, or converted with {@code ?format=yaml|json|xlsx}. */
  private void file(Context ctx, Principal who, Integer n) throws IOException {
    UUID id = studyId(ctx);
    int version = resolve(who, id, n);
    Studies.Content content = studies.content(who.orgId(), id, version).orElseThrow(() -> notFound(id));
    String wanted = ctx.queryParam("format");
    String format = wanted == null ? content.format() : wanted;
    byte[] bytes = convert(content, format);
    ctx.header("ETag", etag(version));
    ctx.header("Content-Disposition", attachment(baseName(content.fileName()) + "." + format));
    ctx.contentType(mediaType(format)).result(bytes);
  }

  /**
   * A stored file in a format: as sent when it is in that format already, else rewritten.
   *
   * @throws ApiError 400 for an unknown format, 409 when the file has errors (converting would
   *     drop what the error is about: such a file is only given as sent)
   */
  public byte[] convert(Studies.Content content, String format) throws IOException {
    if (format.equals(content.format())) {
      return content.bytes();
    }
    StudyFormat target = switch (format) {
      case "yaml" -> StudyFormat.YAML;
      case "json" -> StudyFormat.JSON;
      case "xlsx" -> StudyFormat.XLSX;
      default -> throw ApiError.of(400, "BAD_FORMAT", "query.fileFormat", format);
    };
    Computations.Computed c = computations.compute(content);
    if (c.study() == null || c.result().hasErrors()) {
      throw ApiError.of(409, "NOT_CONVERTIBLE", "format.cannot", format).withFindings(c.result().findings());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (target == StudyFormat.XLSX) {
      Workbooks.write(c.study(), c.studyLocale(), computations.library(), baseName(content.fileName()) + ".xlsx", out);
    } else {
      StudyWriter.write(c.study(), target, out);
    }
    return out.toByteArray();
  }

  /** Exactly the JSON of {@code tanji calc --json}: findings in the study's language unless {@code lang} says. */
  private void result(Context ctx, Principal who, Integer n) {
    UUID id = studyId(ctx);
    int version = resolve(who, id, n);
    Optional<Locale> lang = lang(ctx);
    String variant = "result:" + lang.map(Locale::getLanguage).orElse("");
    if (notModified(ctx, version + "-" + variant.substring(7))) {
      return;
    }
    byte[] body = computations.get(new Computations.Key(id, version, variant), k -> {
      Computations.Computed c = computations.compute(load(who, id, version));
      return resultBytes(c, lang.orElse(c.studyLocale()));
    });
    ctx.contentType(JSON).result(body);
  }

  private void report(Context ctx, Principal who, Integer n) {
    UUID id = studyId(ctx);
    ReportFormat format = reportFormat(ctx);
    Optional<Locale> lang = lang(ctx);
    int version = resolve(who, id, n);
    String variant = format.extension() + "-" + lang.map(Locale::getLanguage).orElse("");
    if (notModified(ctx, version + "-" + variant)) {
      return;
    }
    byte[] body = report(who, id, version, format, lang);
    String name = "study-" + id + "-v" + version + "." + format.extension();
    ctx.header("Content-Disposition", (format == ReportFormat.HTML ? "inline" : "attachment")
        + "; filename=\"" + name + "\"");
    ctx.contentType(mediaType(format)).result(body);
  }

  /**
   * The report of a stored version, made once per version, format and language (the study's own
   * when {@code lang} is empty).
   *
   * @throws ApiError 422 with the findings when the version has errors
   */
  public byte[] report(Principal who, UUID id, int version, ReportFormat format, Optional<Locale> lang) {
    String variant = format.extension() + "-" + lang.map(Locale::getLanguage).orElse("");
    return computations.get(new Computations.Key(id, version, "report:" + variant), k -> {
      Computations.Computed c = computations.computed(id, version, () -> load(who, id, version));
      if (c.result().hasErrors()) {
        throw ApiError.of(422, "STUDY_HAS_ERRORS", "report.errors").withFindings(c.result().findings());
      }
      ReportDocument doc = Reports.build(c.study(), c.result(), lang.orElse(c.studyLocale()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        Reports.write(doc, format, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    });
  }

  /** The reading, computing and caching of stored versions, shared with the web pages. */
  public Computations computations() {
    return computations;
  }

  private void factors(Context ctx, Principal who) {
    String q = ctx.queryParam("q");
    String region = ctx.queryParam("region");
    String yearText = ctx.queryParam("year");
    Integer year = null;
    if (yearText != null) {
      if (!yearText.matches("\\d{4}")) {
        throw ApiError.of(400, "BAD_YEAR", "query.year", yearText);
      }
      year = Integer.valueOf(yearText);
    }
    List<Factor> found = computations.library().search(q, region, year);
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("factors");
      for (Factor f : found) {
        ResultJson.writeFactor(g, f);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  // ---- helpers

  private Handler withAuth(Authed h) {
    if (h == null) {
      return null;
    }
    return ctx -> {
      String token = bearer(ctx);
      if (token == null) {
        throw unauthorized("AUTH_REQUIRED", "auth.missing");
      }
      Accounts.Auth auth = accounts.authenticate(token);
      if (auth instanceof Accounts.Valid v) {
        h.handle(ctx, v.principal());
      } else if (auth instanceof Accounts.Expired) {
        throw unauthorized("TOKEN_EXPIRED", "auth.expired");
      } else {
        throw unauthorized("TOKEN_INVALID", "auth.unknown");
      }
    };
  }

  private static ApiError unauthorized(String code, String key) {
    return ApiError.of(401, code, key).withHeader("WWW-Authenticate", "Bearer realm=\"tanji\"");
  }

  private static String bearer(Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return h.substring(7).strip();
  }

  private static void requireAdmin(Principal who) {
    if (!who.isAdmin()) {
      throw ApiError.of(403, "FORBIDDEN", "forbidden.admin");
    }
  }

  private static void requireOperator(Principal who) {
    if (!who.isAdmin() || !who.operator()) {
      throw ApiError.of(403, "FORBIDDEN", "forbidden.operator", Accounts.OPERATOR_ORG);
    }
  }

  private static void checkPassword(String password) {
    Accounts.checkPassword(password).ifPresent(k -> {
      throw ApiError.of(400, "BAD_PASSWORD", k);
    });
  }

  /** A study id from the path; one that is not a UUID is not found, like any other. */
  private static UUID studyId(Context ctx) {
    String text = ctx.pathParam("id");
    if (text.length() != 36) {
      throw notFound(text);
    }
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw notFound(text);
    }
  }

  private static Integer versionParam(Context ctx) {
    String text = ctx.pathParam("n");
    if (!text.matches("[1-9]\\d{0,8}")) {
      throw ApiError.of(404, "NOT_FOUND", "version.bad", text);
    }
    return Integer.valueOf(text);
  }

  /** The version asked for (the current one when null), checked to exist in the caller's organization. */
  private int resolve(Principal who, UUID id, Integer n) {
    int current = studies.currentVersionNumber(who.orgId(), id).orElseThrow(() -> notFound(id));
    if (n == null) {
      return current;
    }
    if (n > current) {
      throw versionNotFound(id, n, current);
    }
    return n;
  }

  private Studies.Content load(Principal who, UUID id, int version) {
    return studies.content(who.orgId(), id, version).orElseThrow(() -> notFound(id));
  }

  private static ApiError notFound(Object id) {
    return ApiError.of(404, "NOT_FOUND", "study.notFound", id.toString());
  }

  private static ApiError versionNotFound(UUID id, int n, int current) {
    return ApiError.of(404, "NOT_FOUND", "version.notFound", id.toString(), Integer.toString(n),
        Integer.toString(current));
  }

  private static int parseIfMatch(String header) {
    String h = header.strip();
    if (h.startsWith("W/")) {
      h = h.substring(2);
    }
    if (h.length() >= 2 && h.startsWith("\"") && h.endsWith("\"")) {
      h = h.substring(1, h.length() - 1);
    }
    if (!h.matches("[1-9]\\d{0,8}")) {
      throw ApiError.of(400, "BAD_IF_MATCH", "version.badHeader", header.length() > 40 ? header.substring(0, 40) : header);
    }
    return Integer.parseInt(h);
  }

  /**
   * Sets the ETag of an answer that never changes for a version (result, report) and answers 304
   * when the caller has it already. Such answers may be kept by the caller, but checked each time.
   */
  private static boolean notModified(Context ctx, String tag) {
    String etag = "\"" + tag + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "private, no-cache");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return true;
    }
    return false;
  }

  private static String etag(int version) {
    return "\"" + version + "\"";
  }

  private static byte[] resultBytes(Computations.Computed c, Locale locale) {
    // byte for byte what `tanji calc --json` prints, final newline included
    return (ResultJson.toJson(c.result(), locale) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** A study file received: raw body by Content-Type, or the part "file" of a form. */
  /** A study file received: its bytes, format ({@code yaml}, {@code json}, {@code xlsx}) and file name. */
  public record Received(byte[] bytes, String format, String fileName) {}

  /** The study file of a request: the raw body by its Content-Type, or the part "file" of a form. */
  public Received receive(Context ctx) throws IOException {
    String type = mediaTypeOf(ctx.contentType());
    byte[] bytes;
    String fileName = null;
    StudyFormat declared;
    if (type.equals("multipart/form-data")) {
      UploadedFile part;
      try {
        part = ctx.uploadedFile("file");
      } catch (Exception e) { // the servlet's checked exception arrives undeclared, through Kotlin
        // Jetty refuses a malformed or oversized form with an exception wrapped in the servlet's
        throw hasCause(e, "exceed") || hasCause(e, "too large") || hasCause(e, "413") ? tooLarge()
            : ApiError.of(400, "BAD_REQUEST", "body.badForm");
      }
      if (part == null) {
        throw ApiError.of(400, "NO_FILE", "body.noFile");
      }
      try (InputStream in = part.content()) {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
      }
      if (bytes.length > maxRequestBytes) {
        throw tooLarge();
      }
      fileName = cleanFileName(part.filename());
      declared = fileName == null ? null : StudyFormat.fromFileName(fileName).orElse(null);
      if (declared == null) {
        Optional<StudyFormat> byType = formatOfType(mediaTypeOf(part.contentType()));
        declared = byType == null ? null : byType.orElse(null);
      }
    } else {
      Optional<StudyFormat> f = formatOfType(type);
      if (f == null) {
        throw ApiError.of(415, "UNSUPPORTED_MEDIA_TYPE", "body.media", type.isEmpty() ? "—" : type);
      }
      declared = f.orElse(null);
      bytes = ctx.bodyAsBytes();
    }
    if (bytes.length == 0) {
      throw ApiError.of(400, "EMPTY_BODY", "body.empty");
    }
    String format = StudyFiles.formatOf(bytes, declared).name().toLowerCase(Locale.ROOT);
    if (fileName == null) {
      fileName = "study." + format;
    }
    return new Received(bytes, format, fileName);
  }

  private static boolean hasCause(Throwable e, String text) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** What is stored for a received file: the bytes as sent, and what they computed to. */
  public static Studies.Upload upload(Received in, Computations.Computed c) {
    return new Studies.Upload(in.bytes, in.format, in.fileName, Computations.summary(c, in.fileName));
  }

  /**
   * The study format a media type names: empty for a type that leaves it to the content
   * (octet-stream), null for a type that is not a study.
   */
  private static Optional<StudyFormat> formatOfType(String type) {
    return switch (type) {
      case YAML, "application/x-yaml", "text/yaml", "text/x-yaml" -> Optional.of(StudyFormat.YAML);
      case JSON -> Optional.of(StudyFormat.JSON);
      case XLSX -> Optional.of(StudyFormat.XLSX);
      case "application/octet-stream" -> Optional.empty();
      default -> null;
    };
  }

  private static String mediaTypeOf(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** The media type of a study format ({@code yaml}, {@code json}, {@code xlsx}). */
  public static String mediaType(String format) {
    return switch (format) {
      case "yaml" -> YAML + "; charset=utf-8";
      case "json" -> JSON;
      default -> XLSX;
    };
  }

  /** The last segment of a browser-sent name, without control characters, at most 200 characters. */
  static String cleanFileName(String name) {
    if (name == null) {
      return null;
    }
    String n = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder b = new StringBuilder();
    n.codePoints().filter(cp -> !Character.isISOControl(cp) && cp != '"').limit(200).forEach(b::appendCodePoint);
    String s = b.toString().strip();
    return s.isEmpty() ? null : s;
  }

  /** A file name without its extension. */
  public static String baseName(String fileName) {
    String n = fileName == null ? "study" : fileName;
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** A Content-Disposition for a file name that may hold Chinese: ASCII fallback plus RFC 5987 UTF-8. */
  /** A Content-Disposition header value that downloads under a file name (RFC 5987 for non-ASCII names). */
  public static String attachment(String fileName) {
    StringBuilder ascii = new StringBuilder();
    fileName.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\'
        ? (char) cp : '_'));
    StringBuilder encoded = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  /** The {@code format} query parameter of a report: html (the default), docx or pdf. */
  public static ReportFormat reportFormat(Context ctx) {
    String f = Optional.ofNullable(ctx.queryParam("format")).orElse("html");
    return ReportFormat.fromName(f).orElseThrow(() -> ApiError.of(400, "BAD_FORMAT", "query.format", f));
  }

  /** The media type of a report format. */
  public static String mediaType(ReportFormat format) {
    return switch (format) {
      case HTML -> "text/html; charset=utf-8";
      case DOCX -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      case PDF -> "application/pdf";
    };
  }

  /** The {@code lang} query parameter, if given: zh or en (400 otherwise). */
  public static Optional<Locale> lang(Context ctx) {
    String lang = ctx.queryParam("lang");
    if (lang == null) {
      return Optional.empty();
    }
    if (!lang.equals("zh") && !lang.equals("en")) {
      throw ApiError.of(400, "BAD_LANG", "query.lang", lang);
    }
    return Optional.of(Messages.locale(lang));
  }

  /** The language of messages: Chinese when the caller prefers it (Accept-Language), else English. */
  public static Locale messageLocale(Context ctx) {
    return messageLocale(ctx.header("Accept-Language"));
  }

  /** The language of messages for an Accept-Language header (null when absent). */
  static Locale messageLocale(String header) {
    if (header == null || header.length() > 200) {
      return Messages.EN;
    }
    try {
      for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
        String tag = r.getRange().toLowerCase(Locale.ROOT);
        if (tag.startsWith("zh")) {
          return Messages.ZH;
        }
        if (tag.startsWith("en")) {
          return Messages.EN;
        }
      }
    } catch (IllegalArgumentException e) {
      return Messages.EN;
    }
    return Messages.EN;
  }

  /**
   * Reads and drops what is left of a refused body, up to twice the limit: a client still sending
   * when the answer comes may otherwise see the connection reset instead of the 413. Beyond that
   * the connection is closed after the answer.
   */
  private void drain(Context ctx) {
    ctx.header("Connection", "close");
    String expect = ctx.header("Expect");
    if (expect != null && expect.equalsIgnoreCase("100-continue")) {
      return; // reading now would invite the client to send the body it has kindly held back
    }
    try (InputStream in = ctx.req().getInputStream()) {
      long left = 2 * maxRequestBytes;
      byte[] buffer = new byte[64 * 1024];
      for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // the client went away, or the body was consumed already: nothing to drain
    }
  }

  private ApiError tooLarge() {
    return ApiError.of(413, "TOO_LARGE", "body.tooLarge", Long.toString(maxRequestBytes / (1024 * 1024)));
  }

  private ApiError translate(HttpResponseException e, Context ctx) {
    return switch (e.getStatus()) {
      case 404 -> ApiError.of(404, "NOT_FOUND", "route.notFound", ctx.method().name(), ctx.path());
      case 413 -> tooLarge();
      default -> e.getStatus() >= 500 ? internal(e, ctx)
          : ApiError.of(e.getStatus(), "BAD_REQUEST", "request.bad", Integer.toString(e.getStatus()));
    };
  }

  /** Logs an unexpected failure with an incident number; the caller gets the number, never the trace. */
  private ApiError internal(Exception e, Context ctx) {
    if (e instanceof StoreException s && s.getCause() instanceof SQLTransientConnectionException) {
      return ApiError.of(503, "UNAVAILABLE", "unavailable");
    }
    if (e instanceof ApiError a) {
      return a;
    }
    String incident = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    synchronized (log) {
      log.println(Instant.now() + " incident " + incident + ": " + ctx.method().name() + " " + ctx.path());
      e.printStackTrace(log);
    }
    return ApiError.of(500, "INTERNAL", "internal", incident);
  }

  private static void answer(Context ctx, ApiError e) {
    Locale locale = messageLocale(ctx);
    // an error is never kept by a cache, whatever the handler had set before it failed
    ctx.res().setHeader("ETag", null);
    ctx.res().setHeader("Content-Disposition", null);
    ctx.header("Cache-Control", "no-store");
    e.headers.forEach(ctx::header);
    json(ctx, e.status, g -> {
      g.writeStartObject();
      g.writeStringField("code", e.code);
      g.writeStringField("message", Messages.render(BUNDLE, e.text, locale));
      if (e.findings != null) {
        g.writeArrayFieldStart("findings");
        for (Finding f : e.findings) {
          ResultJson.writeFinding(g, f, locale);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    });
  }

  private static void json(Context ctx, int status, Json.Body body) {
    ctx.status(status).contentType(JSON).result(Json.bytes(body));
  }

}
