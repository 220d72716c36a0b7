package org.tanji.server.http;

import org.tanji.server.domain.Comment;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.tanji.core.i18n.Messages;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Finding;
import org.tanji.io.ResultJson;
import org.tanji.report.ReportFormat;
import org.tanji.server.adapter.Adapter;
import org.tanji.server.adapter.HttpError;
import org.tanji.server.adapter.Incidents;
import org.tanji.server.adapter.Requests;
import org.tanji.server.adapter.Wiring;
import org.tanji.server.app.AccountService;
import org.tanji.server.app.AppException;
import org.tanji.server.app.AuditService;
import org.tanji.server.app.FactorService;
import org.tanji.server.app.SupplierFetch;
import org.tanji.server.app.Health;
import org.tanji.server.app.IssueService;
import org.tanji.server.app.PartnerService;
import org.tanji.server.domain.ApiClient;
import org.tanji.server.domain.Partner;
import org.tanji.server.app.WorkflowService;
import org.tanji.server.domain.AuditRecord;
import org.tanji.server.domain.WorkRole;
import org.tanji.server.app.StudyService;
import org.tanji.server.domain.OrgFactor;
import org.tanji.server.domain.Organization;
import org.tanji.server.domain.Principal;
import org.tanji.server.domain.Role;
import org.tanji.server.domain.StudyFile;
import org.tanji.server.domain.StudyInfo;
import org.tanji.server.domain.Token;
import org.tanji.server.domain.User;
import org.tanji.server.domain.Version;

/**
 * The REST API under {@code /api}: an adapter over the application services. It reads requests,
 * authenticates bearer tokens, calls a service and writes JSON; refusals become
 * {@code {code, message, findings}} with an HTTP status. Routes are listed once, in
 * {@link #ROUTES}; the OpenAPI document is tested against that list.
 */
public final class Api implements Adapter {

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
      new Route("GET", "/api/factors", false),
      new Route("PUT", "/api/roles", false),
      new Route("GET", "/api/inbox", false),
      new Route("POST", "/api/studies/{id}/versions/{n}/submit", false),
      new Route("POST", "/api/studies/{id}/versions/{n}/review", false),
      new Route("POST", "/api/studies/{id}/versions/{n}/approve", false),
      new Route("POST", "/api/studies/{id}/versions/{n}/send-back", false),
      new Route("GET", "/api/studies/{id}/versions/{n}/signatures", false),
      new Route("GET", "/api/studies/{id}/audit", false),
      new Route("GET", "/api/audit", false),
      new Route("GET", "/api/audit/verify", false),
      new Route("GET", "/api/studies/{id}/versions/{n}/comments", false),
      new Route("POST", "/api/studies/{id}/versions/{n}/comments", false),
      new Route("POST", "/api/studies/{id}/versions/{n}/comments/resolve", false),
      new Route("GET", "/api/studies/{id}/versions/{n}/warnings", false),
      new Route("POST", "/api/studies/{id}/versions/{n}/warnings/accept", false),
      new Route("POST", "/api/studies/{id}/versions/{n}/issue", false),
      new Route("POST", "/api/studies/{id}/versions/{n}/withdraw", false),
      new Route("GET", "/api/studies/{id}/versions/{n}/issued", false),
      new Route("GET", "/api/studies/{id}/versions/{n}/issued/file", false),
      new Route("GET", "/api/studies/{id}/uncertainty", false),
      new Route("GET", "/api/studies/{id}/versions/{n}/uncertainty", false),
      new Route("GET", "/api/studies/{id}/pact", false),
      new Route("GET", "/api/studies/{id}/versions/{n}/cbam", false),
      new Route("PUT", "/api/studies/{id}/versions/{n}/cbam", false),
      new Route("DELETE", "/api/studies/{id}/versions/{n}/cbam", false),
      new Route("GET", "/api/studies/{id}/versions/{n}/cbam/file", false),
      new Route("PUT", "/api/organization/report-pattern", false),
      new Route("PUT", "/api/organization/signing-key", false),
      new Route("GET", "/api/factors/pact", false),
      new Route("POST", "/api/factors/pact", false),
      new Route("DELETE", "/api/factors/pact/{id}", false),
      new Route("POST", "/api/pact/partners/{id}/fetch", false),
      new Route("GET", "/api/pact/partners", false),
      new Route("POST", "/api/pact/partners", false),
      new Route("PUT", "/api/pact/partners/{id}", false),
      new Route("DELETE", "/api/pact/partners/{id}", false),
      new Route("GET", "/api/pact/partners/{id}/sharing", false),
      new Route("PUT", "/api/pact/partners/{id}/sharing", false),
      new Route("GET", "/api/pact/clients", false),
      new Route("POST", "/api/pact/clients", false),
      new Route("DELETE", "/api/pact/clients/{id}", false));

  private final AccountService accounts;
  private final StudyService studies;
  private final FactorService factorService;
  private final SupplierFetch supplierFetch;
  private final WorkflowService workflow;
  private final IssueService issues;
  private final org.tanji.server.app.SigningKeys signingKeys;
  private final PartnerService partnerService;
  private final AuditService audit;
  private final Health health;
  private final Requests requests;
  private final Incidents incidents;
  private final byte[] openapi;

  public Api(Wiring wiring) {
    this.accounts = wiring.services().accounts();
    this.studies = wiring.services().studies();
    this.factorService = wiring.services().factors();
    this.supplierFetch = wiring.services().supplierFetch();
    this.workflow = wiring.services().workflow();
    this.issues = wiring.services().issues();
    this.signingKeys = wiring.services().signingKeys();
    this.partnerService = wiring.services().partners();
    this.audit = wiring.services().audit();
    this.health = wiring.services().health();
    this.requests = wiring.requests();
    this.incidents = wiring.incidents();
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

  @Override
  public boolean owns(String path) {
    return path.startsWith("/api/") || path.equals("/api");
  }

  @Override
  public void register(RoutesConfig routes) {
    Map<String, Handler> open = Map.of(
        "GET /api/health", this::health,
        "GET /api/openapi.json", ctx -> ctx.contentType(Requests.JSON).result(openapi),
        "POST /api/login", this::login);
    Map<String, Authed> authed = new HashMap<>();
    authed.put("POST /api/logout", this::logout);
    authed.put("GET /api/me", this::me);
    authed.put("PUT /api/me/password", this::changePassword);
    authed.put("GET /api/users", this::users);
    authed.put("POST /api/users", this::createUser);
    authed.put("GET /api/organizations", this::organizations);
    authed.put("POST /api/organizations", this::createOrganization);
    authed.put("GET /api/studies", this::listStudies);
    authed.put("POST /api/studies", this::createStudy);
    authed.put("GET /api/studies/{id}", (ctx, who) -> studyInfo(ctx, who, Optional.empty()));
    authed.put("PUT /api/studies/{id}", this::updateStudy);
    authed.put("GET /api/studies/{id}/file", (ctx, who) -> file(ctx, who, Optional.empty()));
    authed.put("GET /api/studies/{id}/result", (ctx, who) -> result(ctx, who, Optional.empty()));
    authed.put("GET /api/studies/{id}/report", (ctx, who) -> report(ctx, who, Optional.empty()));
    authed.put("GET /api/studies/{id}/versions", this::versions);
    authed.put("GET /api/studies/{id}/versions/{n}", (ctx, who) -> studyInfo(ctx, who, versionParam(ctx)));
    authed.put("GET /api/studies/{id}/versions/{n}/file", (ctx, who) -> file(ctx, who, versionParam(ctx)));
    authed.put("GET /api/studies/{id}/versions/{n}/result", (ctx, who) -> result(ctx, who, versionParam(ctx)));
    authed.put("GET /api/studies/{id}/versions/{n}/report", (ctx, who) -> report(ctx, who, versionParam(ctx)));
    authed.put("GET /api/factors", this::factors);
    authed.put("PUT /api/roles", this::assignRoles);
    authed.put("GET /api/inbox", this::inbox);
    authed.put("POST /api/studies/{id}/versions/{n}/submit", this::submit);
    authed.put("POST /api/studies/{id}/versions/{n}/review", (ctx, who) -> sign(ctx, who, true));
    authed.put("POST /api/studies/{id}/versions/{n}/approve", (ctx, who) -> sign(ctx, who, false));
    authed.put("POST /api/studies/{id}/versions/{n}/send-back", this::sendBack);
    authed.put("GET /api/studies/{id}/versions/{n}/signatures", this::signatures);
    authed.put("GET /api/studies/{id}/audit", (ctx, who) -> audit(ctx, who, Optional.of(studyId(ctx))));
    authed.put("GET /api/audit", (ctx, who) -> audit(ctx, who, Optional.empty()));
    authed.put("GET /api/audit/verify", this::verifyAudit);
    authed.put("GET /api/studies/{id}/versions/{n}/comments", this::comments);
    authed.put("POST /api/studies/{id}/versions/{n}/comments", this::addComment);
    authed.put("POST /api/studies/{id}/versions/{n}/comments/resolve", this::resolveComment);
    authed.put("GET /api/studies/{id}/versions/{n}/warnings", this::warnings);
    authed.put("POST /api/studies/{id}/versions/{n}/warnings/accept", this::acceptWarning);
    authed.put("POST /api/studies/{id}/versions/{n}/issue", this::issue);
    authed.put("POST /api/studies/{id}/versions/{n}/withdraw", this::withdraw);
    authed.put("GET /api/studies/{id}/versions/{n}/issued", this::issued);
    authed.put("GET /api/studies/{id}/versions/{n}/issued/file", this::issuedFile);
    authed.put("GET /api/studies/{id}/uncertainty", (ctx, who) -> uncertainty(ctx, who, Optional.empty()));
    authed.put("GET /api/studies/{id}/versions/{n}/uncertainty", (ctx, who) -> uncertainty(ctx, who, versionParam(ctx)));
    authed.put("GET /api/studies/{id}/pact", this::pact);
    authed.put("GET /api/studies/{id}/versions/{n}/cbam", this::cbam);
    authed.put("PUT /api/studies/{id}/versions/{n}/cbam", this::storeCbam);
    authed.put("DELETE /api/studies/{id}/versions/{n}/cbam", (ctx, who) -> {
      UUID id = studyId(ctx);
      studies.deleteCbam(who, id, studies.resolve(who, id, versionParam(ctx)));
      ctx.status(204);
    });
    authed.put("GET /api/studies/{id}/versions/{n}/cbam/file", this::cbamFile);
    authed.put("PUT /api/organization/report-pattern", this::reportPattern);
    authed.put("PUT /api/organization/signing-key", this::signingKey);
    authed.put("GET /api/factors/pact", this::supplierFactors);
    authed.put("POST /api/factors/pact", this::importPact);
    authed.put("DELETE /api/factors/pact/{id}", (ctx, who) -> {
      factorService.remove(who, ctx.pathParam("id"));
      ctx.status(204);
    });
    authed.put("POST /api/pact/partners/{id}/fetch", this::fetchFromPartner);
    authed.put("GET /api/pact/partners", this::partners);
    authed.put("POST /api/pact/partners", (ctx, who) -> savePartner(ctx, who, Optional.empty()));
    authed.put("PUT /api/pact/partners/{id}", (ctx, who) -> savePartner(ctx, who, Optional.of(number(ctx, "id"))));
    authed.put("DELETE /api/pact/partners/{id}", this::deletePartner);
    authed.put("GET /api/pact/partners/{id}/sharing", (ctx, who) -> sharing(ctx, partnerService.sharing(who,
        number(ctx, "id"))));
    authed.put("PUT /api/pact/partners/{id}/sharing", this::share);
    authed.put("GET /api/pact/clients", this::apiClients);
    authed.put("POST /api/pact/clients", this::addApiClient);
    authed.put("DELETE /api/pact/clients/{id}", this::revokeApiClient);
    for (Route r : ROUTES) {
      String key = r.method() + " " + r.path();
      Handler h = r.open() ? open.get(key) : withAuth(authed.get(key));
      if (h == null) {
        throw new IllegalStateException("no handler for " + key);
      }
      routes.addHttpHandler(HandlerType.findOrCreate(r.method()), r.path(), h);
      if (r.method().equals("GET")) {
        // HEAD is GET without the body (Jetty drops it): the same authentication and the same status
        routes.addHttpHandler(HandlerType.HEAD, r.path(), h);
      }
    }
  }

  @Override
  public void before(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-store");
    requests.refuseOversized(ctx);
    requests.refuseCharset(ctx);
  }

  // ---- accounts

  private void health(Context ctx) {
    Health.Status s = health.check();
    json(ctx, s.up() ? 200 : 503, g -> {
      g.writeStartObject();
      g.writeStringField("status", s.up() ? "ok" : "unavailable");
      g.writeStringField("database", s.database());
      g.writeEndObject();
    });
  }

  private void login(Context ctx) {
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"username\": \"…\", \"password\": \"…\"}");
    Token token = accounts.signIn(requests.clientAddress(ctx), Json.string(body, "username"),
        Json.string(body, "password"));
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeStringField("token", token.value());
      Json.instant(g, "expiresAt", token.expiresAt());
      g.writeEndObject();
    });
  }

  private void logout(Context ctx, Principal who) {
    accounts.signOut(bearer(ctx));
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
    accounts.changePassword(who, requests.clientAddress(ctx), Json.string(body, "current"),
        Json.string(body, "password"), bearer(ctx));
    ctx.status(204);
  }

  private void users(Context ctx, Principal who) {
    List<User> list = accounts.users(who);
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("users");
      for (User u : list) {
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
    JsonNode body = Json.object(ctx.bodyAsBytes(),
        "{\"username\": \"…\", \"password\": \"…\", \"role\": \"member\"}");
    String username = Json.string(body, "username");
    String password = Json.string(body, "password");
    String roleText = body.has("role") ? Json.string(body, "role") : Role.MEMBER.id();
    Role role = Role.of(roleText).orElseThrow(() -> HttpError.of(400, "BAD_ROLE", "user.badRole", roleText));
    User u = accounts.createUser(who, username, password, role);
    json(ctx, 201, g -> {
      g.writeStartObject();
      g.writeNumberField("id", u.id());
      g.writeStringField("username", u.username());
      g.writeStringField("role", u.role().id());
      g.writeEndObject();
    });
  }

  private void organizations(Context ctx, Principal who) {
    List<Organization> list = accounts.organizations(who);
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("organizations");
      for (Organization o : list) {
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
    JsonNode body = Json.object(ctx.bodyAsBytes(),
        "{\"name\": \"…\", \"admin\": {\"username\": \"…\", \"password\": \"…\"}}");
    String name = Json.string(body, "name");
    JsonNode admin = body.get("admin");
    if (admin == null || !admin.isObject()) {
      throw HttpError.of(400, "BAD_FIELD", "field.missing", "admin");
    }
    String username = Json.string(admin, "username");
    Organization o = accounts.createOrganization(who, name, username, Json.string(admin, "password"));
    json(ctx, 201, g -> {
      g.writeStartObject();
      g.writeNumberField("id", o.id());
      g.writeStringField("name", o.name());
      g.writeStringField("admin", AccountService.normalizedUsername(username));
      g.writeEndObject();
    });
  }

  // ---- studies

  private void listStudies(Context ctx, Principal who) {
    List<StudyInfo> list = studies.list(who);
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("studies");
      for (StudyInfo s : list) {
        g.writeStartObject();
        g.writeStringField("id", s.id().toString());
        g.writeNumberField("currentVersion", s.currentVersion());
        g.writeStringField("state", s.state().id());
        Json.instant(g, "updatedAt", s.current().createdAt());
        g.writeStringField("updatedBy", s.current().createdBy());
        Json.summary(g, s.current().summary());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private void createStudy(Context ctx, Principal who) {
    Requests.lang(ctx); // a wrong parameter is refused before anything is stored
    StudyService.Stored s = studies.create(who, requests.receive(ctx));
    stored(ctx, 201, s);
  }

  private void updateStudy(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    String ifMatch = ctx.header("If-Match");
    if (ifMatch == null) {
      int current = studies.resolve(who, id, Optional.empty());
      throw HttpError.of(428, "VERSION_REQUIRED", "version.required", Integer.toString(current), id.toString());
    }
    int expected = parseIfMatch(ifMatch);
    Requests.lang(ctx);
    stored(ctx, 200, studies.store(who, id, expected, requests.receive(ctx)));
  }

  /** The answer to a stored version: where it is, and what the reader and checks found. */
  private void stored(Context ctx, int status, StudyService.Stored s) {
    Version v = s.version();
    Locale locale = Requests.lang(ctx).orElse(s.computed().studyLocale());
    ctx.header("Location", "/api/studies/" + v.studyId());
    ctx.header("ETag", etag(v.version()));
    json(ctx, status, g -> {
      g.writeStartObject();
      g.writeStringField("id", v.studyId().toString());
      Json.version(g, v);
      g.writeArrayFieldStart("findings");
      for (Finding f : s.computed().result().findings()) {
        ResultJson.writeFinding(g, f, locale);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private void studyInfo(Context ctx, Principal who, Optional<Integer> n) {
    UUID id = studyId(ctx);
    StudyInfo s = studies.study(who, id);
    Version v = n.isEmpty() ? s.current() : studies.version(who, id, n);
    String base = "/api/studies/" + id + n.map(x -> "/versions/" + x).orElse("");
    ctx.header("ETag", etag(s.currentVersion()));
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeStringField("id", id.toString());
      g.writeNumberField("currentVersion", s.currentVersion());
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
    List<Version> list = studies.versions(who, id);
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeStringField("id", id.toString());
      g.writeArrayFieldStart("versions");
      for (Version v : list) {
        g.writeStartObject();
        Json.version(g, v);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** A version's file as it was sent, or converted with {@code ?format=yaml|json|xlsx}. */
  private void file(Context ctx, Principal who, Optional<Integer> n) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, n);
    Optional<String> wanted = Optional.ofNullable(ctx.queryParam("format"));
    StudyFile f = wanted.isEmpty() ? studies.file(who, id, version) : studies.convert(who, id, version, wanted.get());
    ctx.header("ETag", etag(version));
    ctx.header("Content-Disposition", Requests.attachment(StudyService.baseName(f.fileName()) + "." + f.format()));
    ctx.contentType(Requests.mediaType(f.format())).result(f.bytes());
  }

  /** Exactly the JSON of {@code tanji calc --json}: findings in the study's language unless {@code lang} says. */
  private void result(Context ctx, Principal who, Optional<Integer> n) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, n);
    Optional<Locale> lang = Requests.lang(ctx);
    // a supplier footprint imported since can change what the version computes to
    if (notModified(ctx, version + "-" + lang.map(Locale::getLanguage).orElse("") + studies.madeWith(who, id, version,
        false))) {
      return;
    }
    ctx.contentType(Requests.JSON).result(studies.result(who, id, version, lang));
  }

  private void report(Context ctx, Principal who, Optional<Integer> n) {
    UUID id = studyId(ctx);
    ReportFormat format = Requests.reportFormat(ctx);
    Optional<Locale> lang = Requests.lang(ctx);
    int version = studies.resolve(who, id, n);
    if (notModified(ctx, version + "-" + format.extension() + "-" + lang.map(Locale::getLanguage).orElse("")
        + studies.madeWith(who, id, version, true))) {
      return;
    }
    byte[] body = studies.report(who, id, version, format, lang);
    Requests.report(ctx, format, body, "study-" + id + "-v" + version + "." + format.extension());
  }

  private void factors(Context ctx, Principal who) {
    String yearText = ctx.queryParam("year");
    Integer year = null;
    if (yearText != null) {
      if (!yearText.matches("\\d{4}")) {
        throw HttpError.of(400, "BAD_YEAR", "query.year", yearText);
      }
      year = Integer.valueOf(yearText);
    }
    List<Factor> found = studies.factors(who, ctx.queryParam("q"), ctx.queryParam("region"), year);
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

  /** The organization's suppliers' footprints, as factors with their provenance. */
  private void supplierFactors(Context ctx, Principal who) {
    List<OrgFactor> own = factorService.list(who);
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("factors");
      for (OrgFactor f : own) {
        g.writeStartObject();
        g.writeStringField("id", f.id());
        g.writeStringField("footprintId", f.footprintId());
        g.writeStringField("companyName", f.companyName());
        g.writeStringField("importedBy", f.importedBy());
        Json.instant(g, "importedAt", f.importedAt());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** A supplier's PACT footprint file, as the body ({@code application/json}) or a form's {@code file}. */
  private void importPact(Context ctx, Principal who) {
    byte[] body = Requests.isMultipart(ctx) ? requests.uploadedFile(ctx) : ctx.bodyAsBytes();
    imported(ctx, factorService.importPact(who, body));
  }

  /**
   * Footprints read from a supplier partner's PACT host: body {@code {"footprintId"}} for one, or
   * {@code {"productId", "limit"}} (both optional) for the host's list.
   */
  private void fetchFromPartner(Context ctx, Principal who) {
    byte[] bytes = ctx.bodyAsBytes();
    // no body: the host's list, first ten
    JsonNode body = Json.object(bytes.length == 0 ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : bytes,
        "{\"footprintId\": \"…\"} or {\"productId\": \"urn:…\", \"limit\": 10}");
    imported(ctx, supplierFetch.fetch(who, number(ctx, "id"), new SupplierFetch.Query(
        Json.optionalString(body, "footprintId"), Json.optionalString(body, "productId"),
        Json.wholeNumber(body, "limit").orElse(10))));
  }

  /** What an import stored: the factors with their provenance, and its warnings. */
  private void imported(Context ctx, FactorService.Imported imported) {
    Locale locale = Requests.messageLocale(ctx);
    json(ctx, 201, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("factors");
      for (Factor f : imported.factors()) {
        ResultJson.writeFactor(g, f);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("findings");
      for (Finding f : imported.findings()) {
        ResultJson.writeFinding(g, f, locale);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  // ---- review and approval

  private void assignRoles(Context ctx, Principal who) {
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"username\": \"…\", \"roles\": [\"preparer\", \"reviewer\"]}");
    String username = Json.string(body, "username");
    JsonNode list = body.get("roles");
    Set<WorkRole> roles = EnumSet.noneOf(WorkRole.class);
    if (list == null || !list.isArray()) {
      throw HttpError.of(400, "BAD_ROLE", "user.badRoles", String.valueOf(list));
    }
    for (JsonNode r : list) {
      roles.add(WorkRole.of(r.asText()).orElseThrow(() -> HttpError.of(400, "BAD_ROLE", "user.badRoles",
          list.toString())));
    }
    Set<WorkRole> set = workflow.assign(who, username, roles);
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeStringField("username", AccountService.normalizedUsername(username));
      g.writeArrayFieldStart("roles");
      for (WorkRole r : set) {
        g.writeString(r.id());
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private void inbox(Context ctx, Principal who) {
    List<UUID> ids = workflow.inbox(who);
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("studies");
      for (UUID id : ids) {
        StudyInfo s = studies.study(who, id);
        g.writeStartObject();
        g.writeStringField("id", id.toString());
        Json.version(g, s.current());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private void submit(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    var c = studies.computed(who, id, version);
    workflow.submit(who, id, version, c.result().hasErrors(), c.result().findings());
    versionAnswer(ctx, who, id, version);
  }

  private void sign(Context ctx, Principal who, boolean review) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"password\": \"…\", \"statement\": \"I have reviewed …\"}");
    String password = Json.string(body, "password");
    String statement = Json.string(body, "statement");
    if (review) {
      workflow.review(who, requests.clientAddress(ctx), id, version, password, statement);
    } else {
      workflow.approve(who, requests.clientAddress(ctx), id, version, password, statement);
    }
    versionAnswer(ctx, who, id, version);
  }

  private void sendBack(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"reason\": \"…\"}");
    workflow.sendBack(who, id, version, Json.string(body, "reason"));
    versionAnswer(ctx, who, id, version);
  }

  private void versionAnswer(Context ctx, Principal who, UUID id, int version) {
    Version v = studies.version(who, id, Optional.of(version));
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeStringField("id", id.toString());
      Json.version(g, v);
      g.writeEndObject();
    });
  }

  private void signatures(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    var list = workflow.signatures(who, id, version);
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("signatures");
      for (var s : list) {
        g.writeStartObject();
        g.writeStringField("action", s.action());
        g.writeStringField("by", s.username());
        Json.instant(g, "at", s.signedAt());
        g.writeStringField("statement", s.statement());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** The audit trail as JSON, or as CSV with {@code ?format=csv}. */
  private void audit(Context ctx, Principal who, Optional<UUID> study) {
    study.ifPresent(id -> studies.study(who, id)); // not found, like any other route, when it is not ours
    List<AuditRecord> records = audit.records(who, study);
    String format = Optional.ofNullable(ctx.queryParam("format")).orElse("json");
    if (format.equals("csv")) {
      ctx.header("Content-Disposition", Requests.attachment("audit" + study.map(id -> "-" + id).orElse("") + ".csv"));
      ctx.contentType("text/csv; charset=utf-8").result(AuditService.csv(records));
      return;
    }
    if (!format.equals("json")) {
      throw HttpError.of(400, "BAD_FORMAT", "query.auditFormat", format);
    }
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("records");
      for (AuditRecord r : records) {
        g.writeStartObject();
        g.writeNumberField("seq", r.seq());
        Json.instant(g, "at", r.at());
        g.writeStringField("actor", r.actor());
        g.writeStringField("action", r.action());
        g.writeStringField("study", r.studyId() == null ? null : r.studyId().toString());
        if (r.version() == null) {
          g.writeNullField("version");
        } else {
          g.writeNumberField("version", r.version());
        }
        g.writeStringField("detail", r.detail());
        g.writeStringField("hashBefore", r.hashBefore());
        g.writeStringField("hashAfter", r.hashAfter());
        g.writeStringField("recordHash", r.recordHash());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private void verifyAudit(Context ctx, Principal who) {
    AuditService.Verification v = audit.verify(who);
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeBooleanField("valid", v.valid());
      g.writeNumberField("records", v.records());
      if (v.brokenAt().isPresent()) {
        g.writeNumberField("brokenAt", v.brokenAt().get());
        g.writeStringField("reason", v.reason());
      }
      g.writeEndObject();
    });
  }

  // ---- comments, warnings, issue

  private void comments(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    var list = workflow.comments(who, id, version);
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("comments");
      for (var c : list) {
        writeComment(g, c);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static void writeComment(com.fasterxml.jackson.core.JsonGenerator g, Comment c)
      throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", c.id());
    g.writeStringField("where", c.keyPath());
    if (c.parentId() == null) {
      g.writeNullField("answers");
    } else {
      g.writeNumberField("answers", c.parentId());
    }
    g.writeStringField("by", c.author());
    Json.instant(g, "at", c.createdAt());
    g.writeStringField("text", c.body());
    g.writeBooleanField("open", c.open());
    g.writeStringField("resolvedBy", c.resolvedBy());
    Json.instant(g, "resolvedAt", c.resolvedAt());
    g.writeEndObject();
  }

  private void addComment(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"where\": \"inventory[2].amount\", \"text\": \"…\", \"answers\": 12}");
    String where = Json.optionalString(body, "where").orElse("");
    OptionalLong answers = Json.wholeNumber(body, "answers");
    Long parent = answers.isPresent() ? answers.getAsLong() : null;
    var c = workflow.comment(who, id, version, where, parent, Json.string(body, "text"));
    json(ctx, 201, g -> writeComment(g, c));
  }

  private void resolveComment(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"comment\": 12}");
    long comment = Json.wholeNumber(body, "comment")
        .orElseThrow(() -> HttpError.of(400, "BAD_FIELD", "field.wholeNumber", "comment"));
    workflow.resolve(who, id, version, comment);
    ctx.status(204);
  }

  /**
   * The Monte Carlo simulation of a version ({@code ?runs=&seed=}), or its comparison with another
   * study's current or given version ({@code ?compare=ID&compareVersion=N}).
   */
  private void uncertainty(Context ctx, Principal who, Optional<Integer> n) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, n);
    Optional<Locale> lang = Requests.lang(ctx);
    String compare = ctx.queryParam("compare");
    byte[] body;
    if (compare == null) {
      body = studies.uncertainty(who, id, version, ctx.queryParam("runs"), ctx.queryParam("seed"), lang);
    } else {
      UUID other = parseStudy(compare);
      String cv = ctx.queryParam("compareVersion");
      Optional<Integer> otherN = cv == null ? Optional.empty() : Optional.of(parseVersion(cv));
      body = studies.compareUncertainty(who, id, version, other, studies.resolve(who, other, otherN),
          ctx.queryParam("runs"), ctx.queryParam("seed"), lang);
    }
    ctx.contentType(Requests.JSON).result(body);
  }

  private void warnings(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    Locale locale = Requests.lang(ctx).orElse(studies.computed(who, id, version).studyLocale());
    var pending = workflow.pendingWarnings(who, id, version);
    var accepted = workflow.acceptances(who, id, version);
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("pending");
      for (Finding f : pending) {
        ResultJson.writeFinding(g, f, locale);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("accepted");
      for (var a : accepted) {
        g.writeStartObject();
        g.writeStringField("code", a.code());
        g.writeStringField("where", a.keyPath());
        g.writeStringField("by", a.by());
        Json.instant(g, "at", a.at());
        g.writeStringField("reason", a.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private void acceptWarning(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"code\": \"CUTOFF_EXCEEDED\", \"where\": \"\", \"reason\": \"…\"}");
    workflow.accept(who, id, version, Json.string(body, "code"),
        body.hasNonNull("where") ? Json.string(body, "where") : "", Json.string(body, "reason"));
    ctx.status(204);
  }

  private void issue(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"formats\": [\"pdf\", \"docx\"], \"languages\": [\"zh\", \"en\"]}");
    List<String> formats = new java.util.ArrayList<>();
    body.path("formats").forEach(f -> formats.add(f.asText()));
    List<String> langs = new java.util.ArrayList<>();
    body.path("languages").forEach(l -> langs.add(l.asText()));
    var issued = issues.issue(who, id, version, Requests.reportFormats(formats), Requests.languages(langs));
    json(ctx, 201, g -> writeIssued(g, issued, id, version));
  }

  private void withdraw(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"reason\": \"…\"}");
    issues.withdraw(who, id, version, Json.string(body, "reason"));
    ctx.status(204);
  }

  private void issued(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    var issued = issues.issued(who, id, version)
        .orElseThrow(() -> HttpError.of(404, "NOT_FOUND", "issue.none", id.toString(), Integer.toString(version)));
    json(ctx, 200, g -> writeIssued(g, issued, id, version));
  }

  private static void writeIssued(com.fasterxml.jackson.core.JsonGenerator g, IssueService.IssuedReport r, UUID id,
      int version) throws IOException {
    var i = r.issued();
    g.writeStartObject();
    g.writeStringField("number", i.number());
    g.writeStringField("verification", "/verify/" + i.code());
    Json.instant(g, "issuedAt", i.issuedAt());
    g.writeStringField("issuedBy", i.issuedBy());
    g.writeStringField("calculator", i.calculatorVersion());
    g.writeStringField("library", i.libraryVersion());
    g.writeStringField("status", i.withdrawn() ? "withdrawn" : "valid");
    if (i.withdrawn()) {
      Json.instant(g, "withdrawnAt", i.withdrawnAt());
      g.writeStringField("withdrawnBy", i.withdrawnBy());
      g.writeStringField("withdrawReason", i.withdrawReason());
    }
    g.writeArrayFieldStart("files");
    for (var f : r.files()) {
      g.writeStartObject();
      g.writeStringField("name", f.name());
      g.writeStringField("sha256", f.sha256());
      g.writeStringField("href", "/api/studies/" + id + "/versions/" + version + "/issued/file?name=" + f.name());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void issuedFile(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    String name = Optional.ofNullable(ctx.queryParam("name"))
        .orElseThrow(() -> HttpError.of(400, "BAD_FIELD", "field.missing", "name"));
    var f = issues.file(who, id, version, name);
    ctx.header("Content-Disposition", Requests.attachment(f.name()));
    ctx.header("ETag", "\"" + f.sha256() + "\"");
    String media = switch (f.media()) {
      case "application/json" -> Requests.JSON;
      default -> Requests.mediaType(ReportFormat.fromName(f.media()).orElse(ReportFormat.PDF));
    };
    ctx.contentType(media).result(f.content());
  }

  /**
   * The version's CBAM file computed against it, as {@code tanji cbam --json} prints it (the EU
   * default values marked up for the year after the reporting period); 404 NO_CBAM when it has none.
   */
  private void cbam(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    StudyService.StoredCbam stored = studies.storedCbam(who, id, version)
        .orElseThrow(() -> HttpError.of(404, "NO_CBAM", "cbam.none", version));
    cbamJson(ctx, 200, stored, Requests.lang(ctx).orElse(studies.computed(who, id, version).studyLocale()));
  }

  /** Stores the body (the CBAM file, YAML or JSON) with the version, a draft; answers as GET does. */
  private void storeCbam(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    StudyFile body = requests.receiveCbam(ctx);
    StudyService.StoredCbam stored = studies.storeCbam(who, id, version, body.bytes(), body.fileName());
    ctx.header("ETag", "\"" + stored.file().sha256() + "\"");
    cbamJson(ctx, 200, stored, Requests.lang(ctx).orElse(studies.computed(who, id, version).studyLocale()));
  }

  private void cbamJson(Context ctx, int status, StudyService.StoredCbam stored, Locale locale) {
    StudyService.CbamComputed c = stored.computed();
    java.io.StringWriter out = new java.io.StringWriter();
    try {
      if (c.result().isPresent()) {
        org.tanji.core.cbam.CbamResult r = c.result().get();
        org.tanji.io.CbamJson.write(r, org.tanji.core.cbam.CostOfSilence.compare(c.read().input().orElseThrow(), r,
            org.tanji.core.cbam.CostOfSilence.importYear(r), java.util.OptionalDouble.empty()), locale, out);
      } else {
        org.tanji.io.CbamJson.writeUnread(c.read().findings(), locale, out);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("writing to memory", e);
    }
    ctx.status(status).contentType(Requests.JSON).result(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The version's CBAM file exactly as it was stored. */
  private void cbamFile(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = studies.resolve(who, id, versionParam(ctx));
    org.tanji.server.domain.CbamFile f = studies.cbamFile(who, id, version)
        .orElseThrow(() -> HttpError.of(404, "NO_CBAM", "cbam.none", version));
    ctx.header("Content-Disposition", Requests.attachment(f.readName()));
    ctx.header("ETag", "\"" + f.sha256() + "\"");
    String name = f.readName().toLowerCase(Locale.ROOT);
    ctx.contentType(name.endsWith(".json") ? Requests.JSON
        : name.endsWith(".yaml") || name.endsWith(".yml") ? "application/yaml" : "application/octet-stream")
        .result(f.content());
  }

  /** A PKCS#12 file (form part "file") and its password (form field "password") as the organization's signing key. */
  private void signingKey(Context ctx, Principal who) {
    byte[] pkcs12 = requests.uploadedFile(ctx);
    var cert = signingKeys.upload(who, pkcs12, ctx.formParam("password"));
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeStringField("subject", cert.getSubjectX500Principal().getName());
      Json.instant(g, "notAfter", cert.getNotAfter().toInstant());
      g.writeEndObject();
    });
  }

  private void reportPattern(Context ctx, Principal who) {
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"pattern\": \"TJ-{yyyy}-{seq:4}\"}");
    issues.setPattern(who, Json.string(body, "pattern"));
    ctx.status(204);
  }

  // ---- PACT partners and API clients

  private void partners(Context ctx, Principal who) {
    List<Partner> list = partnerService.partners(who);
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("partners");
      for (Partner p : list) {
        partner(g, p);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private void savePartner(Context ctx, Principal who, Optional<Long> id) {
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"name\": \"BYD\", \"eventUrl\": \"https://pact.byd.example/3/events\"}");
    PartnerService.PartnerForm form = new PartnerService.PartnerForm(Json.string(body, "name"),
        optionalText(body, "eventUrl"), optionalText(body, "hostUrl"), optionalText(body, "hostClientId"),
        optionalText(body, "hostSecret"));
    Partner p = id.isPresent() ? partnerService.updatePartner(who, id.get(), form) : partnerService.addPartner(who, form);
    json(ctx, id.isPresent() ? 200 : 201, g -> partner(g, p));
  }

  private void deletePartner(Context ctx, Principal who) {
    partnerService.deletePartner(who, number(ctx, "id"));
    ctx.status(204);
  }

  /**
   * What a partner's clients may read: {@code {"all": true}}, or {@code {"all": false, "studies":
   * [ids]}} for only the issued footprints of those studies.
   */
  private void share(Context ctx, Principal who) {
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"all\": false, \"studies\": [\"<study id>\"]}");
    JsonNode all = body.get("all");
    if (all == null || !all.isBoolean()) {
      throw HttpError.of(400, "BAD_FIELD", "field.boolean", "all");
    }
    Optional<Set<UUID>> studies = Optional.empty();
    if (!all.asBoolean()) {
      JsonNode list = body.get("studies");
      if (list == null || !list.isArray()) {
        throw HttpError.of(400, "BAD_FIELD", "field.studies", "studies");
      }
      Set<UUID> ids = new java.util.LinkedHashSet<>();
      for (JsonNode n : list) {
        if (!n.isTextual()) {
          throw HttpError.of(400, "BAD_FIELD", "field.studies", "studies");
        }
        ids.add(parseStudy(n.asText()));
      }
      studies = Optional.of(ids);
    } else if (body.has("studies")) {
      throw HttpError.of(400, "BAD_FIELD", "field.allAndStudies");
    }
    long id = number(ctx, "id");
    partnerService.share(who, id, studies);
    sharing(ctx, partnerService.sharing(who, id));
  }

  private void sharing(Context ctx, Optional<Set<UUID>> shared) {
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeBooleanField("all", shared.isEmpty());
      if (shared.isPresent()) {
        g.writeArrayFieldStart("studies");
        for (UUID s : shared.get()) {
          g.writeString(s.toString());
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    });
  }

  private static void partner(JsonGenerator g, Partner p) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", p.id());
    g.writeStringField("name", p.name());
    g.writeStringField("eventUrl", p.eventUrl().map(Object::toString).orElse(null));
    g.writeStringField("hostUrl", p.supplierHost().map(h -> h.baseUrl().toString()).orElse(null));
    g.writeStringField("hostClientId", p.supplierHost().map(Partner.SupplierHost::clientId).orElse(null));
    Json.instant(g, "createdAt", p.createdAt());
    g.writeEndObject();
  }

  private void apiClients(Context ctx, Principal who) {
    List<ApiClient> list = partnerService.clients(who);
    json(ctx, 200, g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("clients");
      for (ApiClient c : list) {
        apiClient(g, c, null);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private void addApiClient(Context ctx, Principal who) {
    JsonNode body = Json.object(ctx.bodyAsBytes(), "{\"name\": \"BYD purchasing\", \"partnerId\": 3}");
    JsonNode partner = body.get("partnerId");
    if (partner != null && !partner.isNull() && !partner.canConvertToLong()) {
      throw HttpError.of(400, "BAD_FIELD", "field.missing", "partnerId");
    }
    ApiClient.Created made = partnerService.addClient(who, Json.string(body, "name"),
        partner == null || partner.isNull() ? null : partner.asLong());
    json(ctx, 201, g -> apiClient(g, made.client(), made.secret()));
  }

  private void revokeApiClient(Context ctx, Principal who) {
    partnerService.revokeClient(who, number(ctx, "id"));
    ctx.status(204);
  }

  /** A client; its secret only in the answer that made it. */
  private static void apiClient(JsonGenerator g, ApiClient c, String secret) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", c.id());
    g.writeStringField("clientId", c.clientId());
    if (secret != null) {
      g.writeStringField("clientSecret", secret);
    }
    g.writeStringField("name", c.name());
    if (c.partnerId().isPresent()) {
      g.writeNumberField("partnerId", c.partnerId().get());
    } else {
      g.writeNullField("partnerId");
    }
    Json.instant(g, "createdAt", c.createdAt());
    Json.instant(g, "revokedAt", c.revokedAt().orElse(null));
    g.writeEndObject();
  }

  private static String optionalText(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw HttpError.of(400, "BAD_FIELD", "field.missing", field);
    }
    return v.asText();
  }

  private static long number(Context ctx, String param) {
    return Requests.recordNumber(ctx.pathParam(param))
        .orElseThrow(() -> new AppException.NotFound("NOT_FOUND", "route.notFound", ctx.method().name(), ctx.path()));
  }

  // ---- authentication

  private Handler withAuth(Authed h) {
    if (h == null) {
      return null;
    }
    return ctx -> {
      String token = bearer(ctx);
      if (token == null) {
        throw unauthorized("AUTH_REQUIRED", "auth.missing");
      }
      AccountService.Auth auth = accounts.authenticate(token);
      if (auth instanceof AccountService.Valid v) {
        h.handle(ctx, v.principal());
      } else if (auth instanceof AccountService.Expired) {
        throw unauthorized("TOKEN_EXPIRED", "auth.expired");
      } else {
        throw unauthorized("TOKEN_INVALID", "auth.unknown");
      }
    };
  }

  private static HttpError unauthorized(String code, String key) {
    return HttpError.of(401, code, key).withHeader("WWW-Authenticate", "Bearer realm=\"tanji\"");
  }

  private static String bearer(Context ctx) {
    String h = ctx.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return h.substring(7).strip();
  }

  // ---- parameters

  /** A study id from the path; one that is not a UUID is not found, like any other. */
  private static UUID studyId(Context ctx) {
    return parseStudy(ctx.pathParam("id"));
  }

  private static UUID parseStudy(String text) {
    try {
      if (text.length() == 36) {
        return UUID.fromString(text);
      }
    } catch (IllegalArgumentException e) {
      // not a UUID: not found, below
    }
    throw HttpError.of(404, "NOT_FOUND", "study.notFound", text);
  }

  /** The PACT v3 footprint of the current version, or of {@code ?version=N}. */
  private void pact(Context ctx, Principal who) {
    String n = ctx.queryParam("version");
    byte[] body = issues.pact(who, studyId(ctx), n == null ? Optional.empty() : Optional.of(parseVersion(n))).json();
    ctx.contentType(Requests.JSON).result(body);
  }

  private static Optional<Integer> versionParam(Context ctx) {
    return Optional.of(parseVersion(ctx.pathParam("n")));
  }

  private static int parseVersion(String text) {
    if (!text.matches("[1-9]\\d{0,8}")) {
      throw HttpError.of(404, "NOT_FOUND", "version.bad", text);
    }
    return Integer.parseInt(text);
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
      throw HttpError.of(400, "BAD_IF_MATCH", "version.badHeader", header.length() > 40 ? header.substring(0, 40) : header);
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

  // ---- errors

  @Override
  public void fail(Context ctx, Exception e) {
    if (e instanceof HttpError h) {
      if (h.status() == 413) {
        requests.drain(ctx);
      }
      answer(ctx, h.status(), h.code(), h.text(), null, h.headers());
    } else if (AppException.of(e).isPresent()) {
      AppException a = AppException.of(e).get();
      answer(ctx, HttpError.status(a), a.code(), a.text(), a.findings().orElse(null), headers(a));
    } else if (e instanceof HttpResponseException r && r.getStatus() < 500) {
      switch (r.getStatus()) {
        case 404 -> answer(ctx, 404, "NOT_FOUND", Text.of("route.notFound", ctx.method().name(), ctx.path()), null,
            Map.of());
        case 413 -> fail(ctx, requests.tooLarge());
        default -> answer(ctx, r.getStatus(), "BAD_REQUEST", Text.of("request.bad", Integer.toString(r.getStatus())),
            null, Map.of());
      }
    } else {
      answer(ctx, 500, "INTERNAL", Text.of("internal", incidents.record(ctx, e)), null, Map.of());
    }
  }

  private static Map<String, String> headers(AppException e) {
    if (e instanceof AppException.TooManyAttempts t) {
      return Map.of("Retry-After", Long.toString(t.retryAfterSeconds()));
    } else if (e instanceof AppException.VersionConflict c) {
      return Map.of("ETag", etag(c.current().version()));
    } else if (e instanceof AppException.Unauthenticated) {
      return Map.of("WWW-Authenticate", "Bearer realm=\"tanji\"");
    }
    return Map.of();
  }

  private static void answer(Context ctx, int status, String code, Text text, List<Finding> findings,
      Map<String, String> headers) {
    Locale locale = Requests.messageLocale(ctx);
    // an error is never kept by a cache, whatever the handler had set before it failed
    ctx.res().setHeader("ETag", null);
    ctx.res().setHeader("Content-Disposition", null);
    ctx.res().setHeader("Content-Security-Policy", null);
    ctx.header("Cache-Control", "no-store");
    headers.forEach(ctx::header);
    json(ctx, status, g -> {
      g.writeStartObject();
      g.writeStringField("code", code);
      g.writeStringField("message", Messages.render(AppException.BUNDLE, text, locale));
      if (findings != null) {
        g.writeArrayFieldStart("findings");
        for (Finding f : findings) {
          ResultJson.writeFinding(g, f, locale);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    });
  }

  private static void json(Context ctx, int status, Json.Body body) {
    ctx.status(status).contentType(Requests.JSON).result(Json.bytes(body));
  }
}
