package org.tanji.server.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tanji.core.calc.LineResult;
import org.tanji.core.calc.Result;
import org.tanji.core.calc.StageResult;
import org.tanji.core.i18n.Messages;
import org.tanji.core.cbam.Printed;
import org.tanji.core.i18n.Numbers;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Boundary;
import org.tanji.core.model.Factor;
import org.tanji.core.model.FactorType;
import org.tanji.core.model.Finding;
import org.tanji.core.model.GwpSet;
import org.tanji.core.model.Identified;
import org.tanji.core.model.Quality;
import org.tanji.core.model.Stage;
import org.tanji.core.model.Study;
import org.tanji.core.present.Figure;
import org.tanji.core.present.Presentation;
import org.tanji.core.uncertainty.UncertaintyResult;
import org.tanji.io.StudyDiff;
import org.tanji.report.ReportFormat;
import org.tanji.server.adapter.Adapter;
import org.tanji.server.adapter.HttpError;
import org.tanji.server.adapter.Incidents;
import org.tanji.server.adapter.Requests;
import org.tanji.server.adapter.Wiring;
import org.tanji.server.app.AccountService;
import org.tanji.server.app.AppException;
import org.tanji.server.app.Computations;
import org.tanji.server.app.Env;
import org.tanji.server.app.Hashes;
import org.tanji.server.app.PartnerService;
import org.tanji.server.app.StudyService;
import org.tanji.server.app.WorkflowService;
import org.tanji.server.domain.ApiClient;
import org.tanji.server.domain.Partner;
import org.tanji.server.domain.Principal;
import org.tanji.server.domain.Role;
import org.tanji.server.domain.StudyFile;
import org.tanji.server.domain.StudyInfo;
import org.tanji.server.domain.Summary;
import org.tanji.server.domain.Token;
import org.tanji.server.domain.Version;
import org.tanji.server.domain.WorkRole;

/**
 * The web pages: sign-in, the organization's studies, the study editor, results with charts,
 * versions and their differences. Server-rendered (Pebble), in Chinese or English by the user's
 * choice, with a session cookie, a CSRF token on every form and a strict content security policy.
 */
public final class Web implements Adapter {

  static final String SESSION = "tanji_session";
  static final String LANG = "tanji_lang";
  static final String LOGIN_CSRF = "tanji_login";

  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final AccountService accounts;
  private final StudyService studies;
  private final org.tanji.server.app.FactorService factorService;
  private final org.tanji.server.app.SupplierFetch supplierFetch;
  private final WorkflowService workflow;
  private final PartnerService partners;
  private final org.tanji.server.app.IssueService issues;
  private final org.tanji.server.app.AuditService audit;
  private final Env env;
  private final Requests requests;
  private final Incidents incidents;
  private final Pages pages = new Pages();
  private final Map<String, String> webjars;

  public Web(Wiring wiring) {
    this.accounts = wiring.services().accounts();
    this.studies = wiring.services().studies();
    this.factorService = wiring.services().factors();
    this.supplierFetch = wiring.services().supplierFetch();
    this.workflow = wiring.services().workflow();
    this.partners = wiring.services().partners();
    this.issues = wiring.services().issues();
    this.audit = wiring.services().audit();
    this.env = wiring.services().env();
    this.requests = wiring.requests();
    this.incidents = wiring.incidents();
    this.webjars = webjarVersions();
  }

  /** Pages a signed-in user works with. */
  @FunctionalInterface
  private interface Authed {
    void handle(Context ctx, Principal who) throws Exception;
  }

  /** The pages answer every path that no other adapter owns: they are the server's default. */
  @Override
  public boolean owns(String path) {
    return true;
  }

  @Override
  public void before(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    if (ctx.path().startsWith("/webjars/") || ctx.path().startsWith("/static/")) {
      return;
    }
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
    if (ctx.method().name().equals("POST")) {
      requests.refuseOversized(ctx);
      requests.refuseCharset(ctx);
      checkOrigin(ctx);
    }
  }

  /** Registers the pages. */
  @Override
  public void register(RoutesConfig routes) {
    get(routes, "/", ctx -> ctx.redirect("/studies", HttpStatus.SEE_OTHER));
    get(routes, "/login", this::loginPage);
    routes.post("/login", this::login);
    get(routes, "/lang/{code}", this::switchLanguage);
    routes.post("/logout", authed(this::logout));
    get(routes, "/studies", authed(this::dashboard));
    get(routes, "/studies/new", authed((ctx, who) -> editor(ctx, who, null, null, null, List.of(), null)));
    routes.post("/studies/new", authed((ctx, who) -> save(ctx, who, null)));
    routes.post("/studies/check", authed(this::check));
    routes.post("/studies/upload", authed((ctx, who) -> upload(ctx, who, null)));
    get(routes, "/studies/{id}", authed(this::resultPage));
    get(routes, "/studies/{id}/edit", authed(this::edit));
    routes.post("/studies/{id}/edit", authed((ctx, who) -> save(ctx, who, studyId(ctx))));
    get(routes, "/studies/{id}/source", authed(this::source));
    routes.post("/studies/{id}/source", authed(this::saveSource));
    routes.post("/studies/{id}/upload", authed((ctx, who) -> upload(ctx, who, studyId(ctx))));
    get(routes, "/studies/{id}/file", authed(this::file));
    get(routes, "/studies/{id}/report", authed(this::report));
    get(routes, "/studies/{id}/pact", authed(this::pact));
    get(routes, "/studies/{id}/versions", authed(this::versions));
    get(routes, "/factors/search", authed(this::searchFactors));
    get(routes, "/factors/pact", authed((ctx, who) -> supplierFactors(ctx, who, null)));
    routes.post("/factors/pact", authed(this::importPact));
    routes.post("/factors/pact/fetch", authed(this::fetchPact));
    routes.post("/factors/pact/{factor}/remove", authed((ctx, who) -> {
      factorService.remove(who, ctx.pathParam("factor"));
      ctx.redirect("/factors/pact", HttpStatus.SEE_OTHER);
    }));
    routes.post("/studies/{id}/workflow/{action}", authed(this::workflowAction));
    get(routes, "/studies/{id}/issued", authed(this::issuedFile));
    get(routes, "/studies/{id}/cbam", authed(this::cbamStored));
    routes.post("/studies/{id}/cbam", authed(this::cbamCompute));
    routes.post("/studies/{id}/cbam/delete", authed(this::cbamDelete));
    routes.post("/studies/{id}/cbam/template", authed(this::cbamTemplate));
    get(routes, "/team", authed((ctx, who) -> team(ctx, who, 200, null, null)));
    routes.post("/team/users", authed(this::addUser));
    routes.post("/team/{user}/roles", authed(this::setRoles));
    get(routes, "/pact", authed((ctx, who) -> pactPage(ctx, who, null)));
    routes.post("/pact/partners", authed(this::addPartner));
    get(routes, "/pact/partners/{pid}", authed(this::partnerPage));
    routes.post("/pact/partners/{pid}", authed(this::changePartner));
    routes.post("/pact/partners/{pid}/delete", authed(this::deletePartner));
    get(routes, "/pact/partners/{pid}/sharing", authed(this::sharingPage));
    routes.post("/pact/partners/{pid}/sharing", authed(this::share));
    routes.post("/pact/clients", authed(this::addClient));
    routes.post("/pact/clients/{cid}/revoke", authed(this::revokeClient));
  }

  // ---- PACT partners and API clients (admins)

  /** The organization's PACT partners and API clients; a client just made shows its secret, once. */
  private void pactPage(Context ctx, Principal who, ApiClient.Created made) {
    Locale locale = locale(ctx);
    List<Map<String, Object>> partnerRows = new ArrayList<>();
    Map<Long, String> names = new HashMap<>();
    for (Partner p : partners.partners(who)) {
      names.put(p.id(), p.name());
      Map<String, Object> r = partnerFields(p);
      r.put("sharing", partners.sharing(who, p.id()).map(s -> Pages.word("pact.sharesSome", locale, s.size()))
          .orElse(Pages.word("pact.sharesAll", locale)));
      partnerRows.add(r);
    }
    List<Map<String, Object>> clientRows = new ArrayList<>();
    for (ApiClient c : partners.clients(who)) {
      Map<String, Object> r = new HashMap<>();
      r.put("id", c.id());
      r.put("clientId", c.clientId());
      r.put("name", c.name());
      r.put("partner", c.partnerId().map(names::get).orElse(""));
      r.put("created", when(c.createdAt()));
      r.put("revoked", c.revokedAt().map(this::when).orElse(null));
      clientRows.add(r);
    }
    Map<String, Object> m = base(ctx, who, null);
    m.put("partners", partnerRows);
    m.put("blankPartner", Map.of("name", "", "eventUrl", "", "hostUrl", "", "hostClientId", ""));
    m.put("clients", clientRows);
    m.put("made", made == null ? null : Map.of("clientId", made.client().clientId(), "secret", made.secret()));
    m.put("title", Pages.word("pact.title", locale));
    html(ctx, "pact", m);
  }

  /** A partner as the pages show it: its name and addresses, never its secret. */
  private static Map<String, Object> partnerFields(Partner p) {
    Map<String, Object> r = new HashMap<>();
    r.put("id", p.id());
    r.put("name", p.name());
    r.put("eventUrl", p.eventUrl().map(Object::toString).orElse(""));
    r.put("hostUrl", p.supplierHost().map(h -> h.baseUrl().toString()).orElse(""));
    r.put("hostClientId", p.supplierHost().map(Partner.SupplierHost::clientId).orElse(""));
    return r;
  }

  /** A partner's form, to change its name, addresses or credentials without deleting it (which revokes its clients). */
  private void partnerPage(Context ctx, Principal who) {
    Partner partner = partners.partner(who, pathNumber(ctx, "pid"));
    Map<String, Object> m = base(ctx, who, null);
    m.put("partner", partnerFields(partner));
    m.put("title", Pages.word("pact.partnerTitle", locale(ctx), partner.name()));
    html(ctx, "pact-partner", m);
  }

  private void changePartner(Context ctx, Principal who) {
    partners.updatePartner(who, pathNumber(ctx, "pid"), partnerForm(ctx));
    ctx.redirect("/pact", HttpStatus.SEE_OTHER);
  }

  /** The fields of the partner forms (pact-partner-fields.peb), adding or changing one. */
  private static PartnerService.PartnerForm partnerForm(Context ctx) {
    return new PartnerService.PartnerForm(ctx.formParam("name"), ctx.formParam("eventUrl"), ctx.formParam("hostUrl"),
        ctx.formParam("hostClientId"), ctx.formParam("hostSecret"));
  }

  /** What a partner's API clients may read: all issued footprints, or those of the studies ticked. */
  private void sharingPage(Context ctx, Principal who) {
    long id = pathNumber(ctx, "pid");
    Partner partner = partners.partner(who, id);
    Optional<java.util.Set<UUID>> shared = partners.sharing(who, id);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StudyInfo s : studies.list(who)) {
      rows.add(Map.of("id", s.id().toString(), "name", s.current().summary().name() == null ? s.id().toString()
          : s.current().summary().name(), "state", s.state().id(),
          "shared", shared.map(set -> set.contains(s.id())).orElse(false)));
    }
    Map<String, Object> m = base(ctx, who, null);
    m.put("partner", Map.of("id", id, "name", partner.name()));
    m.put("all", shared.isEmpty());
    m.put("studies", rows);
    m.put("title", Pages.word("pact.sharingTitle", locale(ctx), partner.name()));
    html(ctx, "pact-sharing", m);
  }

  private void share(Context ctx, Principal who) {
    long id = pathNumber(ctx, "pid");
    Optional<java.util.Set<UUID>> studiesShared = Optional.empty();
    if (!"all".equals(ctx.formParam("shares"))) {
      java.util.Set<UUID> ids = new java.util.LinkedHashSet<>();
      for (String s : ctx.formParams("study")) {
        ids.add(parseId(s));
      }
      studiesShared = Optional.of(ids);
    }
    partners.share(who, id, studiesShared);
    ctx.redirect("/pact", HttpStatus.SEE_OTHER);
  }

  private void addPartner(Context ctx, Principal who) {
    partners.addPartner(who, partnerForm(ctx));
    ctx.redirect("/pact", HttpStatus.SEE_OTHER);
  }

  private void deletePartner(Context ctx, Principal who) {
    partners.deletePartner(who, pathNumber(ctx, "pid"));
    ctx.redirect("/pact", HttpStatus.SEE_OTHER);
  }

  private void addClient(Context ctx, Principal who) {
    ApiClient.Created made = partners.addClient(who, ctx.formParam("name"), formNumber(ctx, "partner").orElse(null));
    pactPage(ctx, who, made); // the secret is shown on this answer only, never in an address
  }

  private void revokeClient(Context ctx, Principal who) {
    partners.revokeClient(who, pathNumber(ctx, "cid"));
    ctx.redirect("/pact", HttpStatus.SEE_OTHER);
  }

  private static long pathNumber(Context ctx, String name) {
    return Requests.recordNumber(ctx.pathParam(name)).orElseThrow(() -> new PageError(404, "page.notFound"));
  }

  /** A form's optional number: none when the field is absent or empty, a 400 naming it when it is not a number. */
  private static Optional<Long> formNumber(Context ctx, String field) {
    String text = ctx.formParam(field);
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Requests.recordNumber(text).orElseThrow(() -> new PageError(400, "page.badNumber", field, text)));
  }

  /** A page, and HEAD on it: the same handler (authentication included), Jetty sends no body. */
  private static void get(RoutesConfig routes, String path, Handler h) {
    routes.get(path, h);
    routes.addHttpHandler(HandlerType.HEAD, path, h);
  }

  // ---- sessions, language, CSRF

  private Handler authed(Authed page) {
    return ctx -> {
      String token = ctx.cookie(SESSION);
      AccountService.Auth auth = token == null ? new AccountService.Unknown() : accounts.authenticate(token);
      if (auth instanceof AccountService.Valid v) {
        if (ctx.method().name().equals("POST")) {
          checkCsrf(ctx, csrf(token));
        }
        page.handle(ctx, v.principal());
        return;
      }
      boolean expired = auth instanceof AccountService.Expired;
      if (token != null) {
        clearSession(ctx);
      }
      if (ctx.method().name().equals("GET") && ctx.header("HX-Request") == null) {
        String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        ctx.redirect("/login?" + (expired ? "expired=1&" : "") + "next=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
            HttpStatus.SEE_OTHER);
      } else {
        throw new PageError(401, expired ? "session.expired" : "session.none");
      }
    };
  }

  /** The CSRF token of a session: derived from its secret, so it needs no storage and dies with it. */
  static String csrf(String sessionToken) {
    return Hashes.sha256("csrf\n" + sessionToken);
  }

  private static void checkCsrf(Context ctx, String expected) {
    String given = ctx.header("X-CSRF-Token");
    if (given == null) {
      given = ctx.formParam("_csrf");
    }
    if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8))) {
      throw new PageError(403, "csrf.failed");
    }
  }

  /**
   * A browser's cross-site POST names its origin: one whose host is not the one the request was sent
   * to is refused. The scheme is not compared: behind a proxy that ends TLS, the browser's https
   * reaches the server as http.
   */
  private static void checkOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return;
    }
    String host = ctx.header("Host");
    int slashes = origin.indexOf("://");
    String originHost = slashes < 0 ? origin : origin.substring(slashes + 3);
    if (host == null || !originHost.equalsIgnoreCase(host)) {
      throw new PageError(403, "csrf.origin");
    }
  }

  /** The pages' language: the user's choice (a cookie), else the browser's. */
  private static Locale locale(Context ctx) {
    String chosen = ctx.cookie(LANG);
    if ("zh".equals(chosen)) {
      return Messages.ZH;
    }
    if ("en".equals(chosen)) {
      return Messages.EN;
    }
    return Requests.messageLocale(ctx);
  }

  private void switchLanguage(Context ctx) {
    String code = ctx.pathParam("code");
    if (!code.equals("zh") && !code.equals("en")) {
      throw new PageError(404, "page.notFound");
    }
    Cookie c = new Cookie(LANG, code, "/", 365 * 24 * 3600, requests.secure(ctx), true, null, SameSite.LAX);
    ctx.cookie(c);
    ctx.redirect(localPath(ctx.queryParam("back")), HttpStatus.SEE_OTHER);
  }

  /** A path on this server to go back to; anything else (another site, a protocol-relative URL) goes home. */
  static String localPath(String back) {
    if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
        || back.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      return "/studies";
    }
    return back;
  }

  private void clearSession(Context ctx) {
    ctx.cookie(new Cookie(SESSION, "", "/", 0, requests.secure(ctx), true, null, SameSite.LAX));
  }

  // ---- sign-in

  private void loginPage(Context ctx) {
    loginForm(ctx, 200, ctx.queryParam("expired") != null ? Pages.word("session.expired", locale(ctx)) : null, "",
        ctx.queryParam("next"));
  }

  /** The sign-in form, with a fresh token in its own short-lived cookie. */
  private void loginForm(Context ctx, int status, String message, String username, String next) {
    String token = env.secret(24);
    ctx.cookie(new Cookie(LOGIN_CSRF, token, "/login", 3600, requests.secure(ctx), true, null, SameSite.STRICT));
    Map<String, Object> m = base(ctx, null, token);
    m.put("message", message);
    m.put("username", username);
    m.put("next", localPath(next));
    ctx.status(status);
    html(ctx, "login", m);
  }

  private void login(Context ctx) {
    String expected = ctx.cookie(LOGIN_CSRF);
    if (expected == null) {
      loginForm(ctx, 403, Pages.word("login.cookies", locale(ctx)), "", ctx.formParam("next"));
      return;
    }
    checkCsrf(ctx, expected);
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    Token token;
    try {
      token = accounts.signIn(requests.clientAddress(ctx), username, password);
    } catch (AppException.TooManyAttempts e) {
      ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
      loginForm(ctx, 429, Messages.render(AppException.BUNDLE, e.text(), locale(ctx)), username, ctx.formParam("next"));
      return;
    } catch (AppException.Unauthenticated e) {
      // the server bundle's message: the same words as the API's
      loginForm(ctx, 401, Messages.render(AppException.BUNDLE, e.text(), locale(ctx)), username, ctx.formParam("next"));
      return;
    }
    int maxAge = (int) Math.max(1, Duration.between(env.clock().instant(), token.expiresAt()).getSeconds());
    ctx.cookie(new Cookie(SESSION, token.value(), "/", maxAge, requests.secure(ctx), true, null, SameSite.LAX));
    ctx.cookie(new Cookie(LOGIN_CSRF, "", "/login", 0, requests.secure(ctx), true, null, SameSite.STRICT));
    ctx.redirect(localPath(ctx.formParam("next")), HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx, Principal who) {
    accounts.signOut(ctx.cookie(SESSION));
    clearSession(ctx);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  // ---- pages

  private void dashboard(Context ctx, Principal who) {
    Locale locale = locale(ctx);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StudyInfo s : studies.list(who)) {
      Summary sum = s.current().summary();
      Map<String, Object> r = new HashMap<>();
      r.put("id", s.id().toString());
      r.put("name", sum.name());
      r.put("file", s.current().fileName());
      r.put("unit", sum.declaredUnit() == null ? "" : sum.declaredUnit());
      putSummary(r, sum);
      r.put("state", s.state().id());
      r.put("version", s.currentVersion());
      r.put("changed", when(s.current().createdAt()));
      r.put("changedBy", s.current().createdBy());
      rows.add(r);
    }
    Map<String, Object> m = base(ctx, who, null);
    m.put("studies", rows);
    Set<UUID> waiting = new java.util.HashSet<>(workflow.inbox(who));
    m.put("inbox", rows.stream().filter(r -> waiting.contains(UUID.fromString((String) r.get("id")))).toList());
    m.put("title", Pages.word("dashboard.title", locale));
    html(ctx, "dashboard", m);
  }

  /** What a stored version computed to, for a row of a list: per unit, grade and score, errors and warnings. */
  private static void putSummary(Map<String, Object> row, Summary sum) {
    row.put("perUnit", sum.perUnitKgCO2e() == null ? null : Figure.of(sum.perUnitKgCO2e()).grouped());
    row.put("grade", sum.dqGrade());
    row.put("score", sum.dqScore() == null ? null : Presentation.qualityScore(sum.dqScore(), sum.dqGrade()));
    row.put("errors", sum.errors());
    row.put("warnings", sum.warnings());
  }

  private void resultPage(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    StudyInfo info = studies.study(who, id);
    int version = versionParam(ctx, info);
    Version v = studies.version(who, id, Optional.of(version));
    Computations.Computed c = studies.computed(who, id, version);
    Locale locale = locale(ctx);
    Result r = c.result();
    Map<String, Object> m = base(ctx, who, null);
    m.put("id", id.toString());
    m.put("version", version);
    m.put("current", info.currentVersion());
    m.put("name", v.summary().name());
    m.put("title", v.summary().name());
    m.put("fileName", v.fileName());
    m.put("format", v.format());
    m.put("storedAt", when(v.createdAt()));
    m.put("storedBy", v.createdBy());
    m.put("hasErrors", r.hasErrors());
    m.put("state", v.state().id());
    m.put("flow", flow(who, id, version, info.currentVersion(), v, r, locale));
    m.put("findings", findings(r.findings(), locale, true));
    Study s = c.study();
    m.put("unit", s == null || s.product().declaredUnit() == null ? "" : s.product().declaredUnit().text());
    m.put("output", s == null || s.product().output() == null ? "" : s.product().output().text());
    m.put("period", s == null || s.info().period() == null ? "" : s.info().period().start() + " – " + s.info().period().end());
    m.put("editable", !"xlsx".equals(v.format()) || !r.hasErrors());
    if (!r.hasErrors()) {
      Presentation p = Presentation.of(s.product(), r);
      m.put("perUnit", p.perUnit().figure().grouped());
      // per kg by the same rule as the CLI and the report (2.45, and 0.00046 rather than 0.0005)
      m.put("perKg", p.perKg().map(Figure::grouped).orElse(null));
      m.put("total", p.emissionUnit().figure(r.totalKgCO2e()).grouped());
      m.put("totalUnit", p.emissionUnit().symbol());
      m.put("grade", r.dataQuality() == null ? null : r.dataQuality().grade());
      m.put("score", p.qualityScore().orElse(null));
      m.put("lines", lines(r, locale));
      m.put("stages", stages(p, locale));
      m.put("stageRounding", p.stageShares().roundingNote().map(b -> b.toPlainString() + " %").orElse(null));
      m.put("lineRounding", p.lineShares().roundingNote().map(b -> b.toPlainString() + " %").orElse(null));
      m.put("chart", chartData(r, p, locale));
      m.put("factors", factors(r.factors()));
      m.put("uncertainty", studies.uncertaintyResult(who, id, version).map(u -> uncertainty(u, p, locale))
          .orElse(null));
    } else {
      m.put("uncertainty", null);
    }
    html(ctx, "result", m);
  }

  private List<Map<String, Object>> lines(Result r, Locale locale) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (LineResult l : r.lines()) {
      Map<String, Object> row = new HashMap<>();
      row.put("index", l.index());
      row.put("name", l.name());
      row.put("stage", stageName(l.stage(), locale));
      row.put("kg", number(l.kgCO2e(), 2));
      row.put("share", l.excluded() ? "—" : Numbers.percent(l.share()));
      row.put("excluded", l.excluded());
      row.put("factor", l.factor() == null ? "" : l.factor());
      row.put("activity", l.points() == null ? "—" : l.points().activity());
      row.put("factorPoints", l.points() == null ? "—" : l.points().factor());
      row.put("calibration", l.points() == null ? "—" : l.points().calibration());
      row.put("score", l.score() == null ? "—" : number(l.score(), 2));
      out.add(row);
    }
    return out;
  }

  private List<Map<String, Object>> stages(Presentation p, Locale locale) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Presentation.StageFigure st : p.stages()) {
      out.add(Map.of("name", stageName(st.stage().stage(), locale), "kg", number(st.stage().kgCO2e(), 2),
          "perUnit", st.perUnit().grouped(), "share", Numbers.percent(st.stage().share())));
    }
    return out;
  }

  /**
   * What the signed-in user can do with this version in review and approval, and what was issued:
   * the result page's workflow panel.
   */
  private Map<String, Object> flow(Principal who, UUID id, int version, int current, Version v, Result r,
      Locale locale) {
    Set<WorkRole> mine = workflow.roles(who, who.userId());
    boolean isCurrent = version == current;
    String state = v.state().id();
    Map<String, Object> f = new HashMap<>();
    f.put("submit", isCurrent && state.equals("draft") && !r.hasErrors()
        && mine.contains(org.tanji.server.domain.WorkRole.PREPARER));
    f.put("review", isCurrent && state.equals("in-review") && mine.contains(org.tanji.server.domain.WorkRole.REVIEWER));
    f.put("approve", isCurrent && state.equals("reviewed") && mine.contains(org.tanji.server.domain.WorkRole.APPROVER));
    f.put("issue", isCurrent && state.equals("approved") && mine.contains(org.tanji.server.domain.WorkRole.APPROVER));
    f.put("withdraw", state.equals("issued") && mine.contains(org.tanji.server.domain.WorkRole.APPROVER));
    f.put("sendBack", isCurrent && List.of("in-review", "reviewed", "approved").contains(state)
        && (mine.contains(org.tanji.server.domain.WorkRole.REVIEWER)
            || mine.contains(org.tanji.server.domain.WorkRole.APPROVER)));
    f.put("warnings", state.equals("in-review") ? findings(workflow.pendingWarnings(who, id, version), locale, false)
        : List.of());
    f.put("comments", workflow.comments(who, id, version).stream().map(c -> {
      Map<String, Object> row = new HashMap<>();
      row.put("id", c.id());
      row.put("where", c.keyPath());
      row.put("answer", c.parentId() != null);
      row.put("by", c.author());
      row.put("at", when(c.createdAt()));
      row.put("text", c.body());
      row.put("open", c.open());
      return row;
    }).toList());
    f.put("resolve", mine.contains(org.tanji.server.domain.WorkRole.PREPARER));
    f.put("signatures", workflow.signatures(who, id, version).stream().map(g -> Map.of("action", g.action(),
        "by", g.username(), "at", when(g.signedAt()), "statement", g.statement())).toList());
    f.put("issued", issues.issued(who, id, version).map(i -> Map.of("number", i.issued().number(),
        "verify", "/verify/" + i.issued().code(), "withdrawn", i.issued().withdrawn(),
        "files", i.files().stream().map(x -> x.name()).toList())).orElse(null));
    return f;
  }

  /** One issued file of a version, as stored (its download is recorded in the audit trail). */
  private void issuedFile(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    StudyInfo info = studies.study(who, id);
    int version = versionParam(ctx, info);
    org.tanji.server.domain.IssuedFile f = issues.file(who, id, version,
        Optional.ofNullable(ctx.queryParam("name")).orElse(""));
    String name = f.name();
    if (name.endsWith(".html")) {
      ctx.header("Content-Security-Policy", Requests.REPORT_CSP);
      ctx.contentType("text/html; charset=utf-8");
    } else {
      ctx.header("Content-Disposition", Requests.attachment(name));
      ctx.contentType(name.endsWith(".json") ? Requests.JSON : name.endsWith(".pdf")
          ? Requests.mediaType(ReportFormat.PDF) : Requests.mediaType(ReportFormat.DOCX));
    }
    ctx.result(f.content());
  }

  /** A move in review and approval from the result page's workflow panel; back to the result page. */
  private void workflowAction(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = parseVersion(ctx.formParam("_version"));
    String address = requests.clientAddress(ctx);
    String statement = Optional.ofNullable(ctx.formParam("statement")).orElse("");
    switch (ctx.pathParam("action")) {
      case "submit" -> {
        Computations.Computed c = studies.computed(who, id, version);
        workflow.submit(who, id, version, c.result().hasErrors(), c.result().findings());
      }
      case "accept" -> workflow.accept(who, id, version, Optional.ofNullable(ctx.formParam("code")).orElse(""),
          Optional.ofNullable(ctx.formParam("where")).orElse(""), statement);
      case "review" -> workflow.review(who, address, id, version, ctx.formParam("password"), statement);
      case "approve" -> workflow.approve(who, address, id, version, ctx.formParam("password"), statement);
      case "send-back" -> workflow.sendBack(who, id, version, statement);
      case "withdraw" -> issues.withdraw(who, id, version, statement);
      case "comment" -> {
        workflow.comment(who, id, version, ctx.formParam("where"), formNumber(ctx, "answers").orElse(null), statement);
      }
      case "resolve" -> {
        workflow.resolve(who, id, version, formNumber(ctx, "comment")
            .orElseThrow(() -> new PageError(400, "page.badNumber", "comment", "")));
      }
      case "issue" -> issues.issue(who, id, version, Requests.reportFormats(ctx.formParams("format")),
          Requests.languages(ctx.formParams("lang")));
      default -> throw new PageError(404, "page.notFound");
    }
    ctx.redirect("/studies/" + id + "?v=" + version, HttpStatus.SEE_OTHER);
  }

  // ---- CBAM beside the footprint

  /** The CBAM file stored with a version, computed beside its footprint; the upload form when it has none. */
  private void cbamStored(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = versionParam(ctx, studies.study(who, id));
    Optional<org.tanji.server.domain.CbamFile> file = studies.cbamFile(who, id, version);
    StudyService.CbamComputed computed = null;
    String notice = null;
    if (file.isPresent()) {
      try {
        computed = studies.cbam(who, id, version, file.get().content(), file.get().readName());
      } catch (AppException.InvalidStudy e) { // the version has errors: the file is shown, not computed
        notice = Messages.render(AppException.BUNDLE, e.text(), locale(ctx));
      }
    }
    cbamPage(ctx, who, version, file.map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElse(null), computed,
        file, notice);
  }

  /**
   * A CBAM file uploaded for a version: stored with it while it is the study's current draft, then
   * shown from the store (post, redirect, get); for a version that no longer changes it is computed
   * and shown without being stored, with a notice saying so, so that nothing the user sent is lost.
   */
  private void cbamCompute(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = parseVersion(ctx.formParam("_version"));
    String text = ctx.formParam("cbamText");
    StudyFile upload = text != null && !text.isBlank()
        ? new StudyFile(text.getBytes(StandardCharsets.UTF_8), "yaml", "cbam.yaml") : requests.receiveCbam(ctx);
    try {
      studies.storeCbam(who, id, version, upload.bytes(), upload.fileName());
      ctx.redirect("/studies/" + id + "/cbam?v=" + version, HttpStatus.SEE_OTHER);
    } catch (AppException.Conflict frozen) {
      if (!frozen.code().equals("CBAM_FROZEN")) {
        throw frozen;
      }
      StudyService.CbamComputed c = studies.cbam(who, id, version, upload.bytes(), upload.fileName());
      cbamPage(ctx, who, version, new String(upload.bytes(), StandardCharsets.UTF_8), c, Optional.empty(),
          Messages.render(AppException.BUNDLE, frozen.text(), locale(ctx)) + " "
              + Pages.word("cbampage.notStored", locale(ctx)));
    }
  }

  private void cbamDelete(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = parseVersion(ctx.formParam("_version"));
    studies.deleteCbam(who, id, version);
    ctx.redirect("/studies/" + id + "/cbam?v=" + version, HttpStatus.SEE_OTHER);
  }

  /**
   * A version's footprint beside the CBAM figures of a CBAM file: the one stored with it, or one
   * just computed without storing; the text is carried on for the template's download.
   */
  private void cbamPage(Context ctx, Principal who, int version, String text, StudyService.CbamComputed computed,
      Optional<org.tanji.server.domain.CbamFile> stored, String notice) {
    Locale locale = locale(ctx);
    UUID id = studyId(ctx);
    StudyInfo info = studies.study(who, id);
    Map<String, Object> m = base(ctx, who, null);
    m.put("id", id.toString());
    m.put("version", version);
    m.put("name", info.current().summary().name());
    m.put("title", Pages.word("cbampage.title", locale) + " · " + info.current().summary().name());
    m.put("text", text);
    m.put("notice", notice);
    m.put("stored", stored.map(f -> Map.of("name", f.readName(), "by", f.storedBy(),
        "at", when(f.storedAt()))).orElse(null));
    m.put("computed", computed != null);
    if (computed != null) {
      // the calculation's findings when it ran (they hold the reader's), else the reader's
      m.put("findings", findings(computed.result().map(org.tanji.core.cbam.CbamResult::findings)
          .orElse(computed.read().findings()), locale, true));
      m.put("hasResult", computed.result().isPresent());
      List<Map<String, Object>> goods = new ArrayList<>();
      computed.result().ifPresent(r -> r.goods().forEach(g -> {
        Map<String, Object> row = new HashMap<>();
        row.put("cn", g.cn());
        row.put("name", g.name() == null ? "" : g.name());
        row.put("direct", Printed.specific(g.seeDirect()));
        row.put("indirect", Printed.specific(g.seeIndirect()));
        row.put("total", Printed.specific(g.seeTotal()));
        row.put("defaultShare", Printed.percent(g.defaultShare()));
        goods.add(row);
      }));
      m.put("goods", goods);
      List<Map<String, Object>> beside = new ArrayList<>();
      for (org.tanji.core.cbam.PcfBesideCbam b : computed.beside()) {
        Map<String, Object> one = new HashMap<>();
        one.put("cn", b.cn());
        one.put("pcf", Printed.specific(java.util.OptionalDouble.of(b.pcf())));
        one.put("see", Printed.specific(b.see()));
        one.put("difference", Printed.specific(b.difference()));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (org.tanji.core.cbam.PcfBesideCbam.Step st : b.steps()) {
          steps.add(Map.of("name", st.shownName(locale),
              "kind", st.kind().label().render(locale),
              "pcf", Printed.specific(java.util.OptionalDouble.of(st.pcf())), "cbam", Printed.specific(st.cbam()),
              "difference", Printed.specific(st.difference()), "why", st.why().render(locale)));
        }
        one.put("steps", steps);
        one.put("rest", b.shownRest().isPresent() ? Printed.specific(b.shownRest()) : null);
        beside.add(one);
      }
      m.put("beside", beside);
    }
    html(ctx, "cbam", m);
  }

  /** The CBAM file of the form: the text carried on from the page, else an uploaded file. */
  private byte[] cbamFile(Context ctx) {
    String text = ctx.formParam("cbamText");
    if (text != null && !text.isBlank()) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    return requests.receiveCbam(ctx).bytes();
  }

  private void cbamTemplate(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    int version = parseVersion(ctx.formParam("_version"));
    byte[] body = studies.cbamTemplate(who, id, version, cbamFile(ctx), "cbam.yaml");
    StudyInfo info = studies.study(who, id);
    ctx.header("Content-Disposition", Requests.attachment(
        safeFileName(info.current().summary().name()) + "-v" + version + "-cbam-communication.xlsx"));
    ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").result(body);
  }

  // ---- the team: users and their roles (admins)

  /**
   * The organization's users with their roles; a new user's form keeps what was typed (but the
   * password) when it is refused, with the reason above it.
   */
  private void team(Context ctx, Principal who, int status, String problem, Map<String, String> typed) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (WorkflowService.Member member : workflow.team(who)) {
      Map<String, Object> r = new HashMap<>();
      r.put("id", member.user().id());
      r.put("username", member.user().username());
      r.put("admin", member.user().role() == Role.ADMIN);
      r.put("since", when(member.user().createdAt()));
      r.put("roles", member.roles().stream().map(WorkRole::id).toList());
      rows.add(r);
    }
    Map<String, Object> m = base(ctx, who, null);
    m.put("members", rows);
    m.put("workRoles", java.util.Arrays.stream(WorkRole.values()).map(WorkRole::id).toList());
    m.put("problem", problem);
    m.put("typed", typed == null ? Map.of("username", "", "role", Role.MEMBER.id()) : typed);
    m.put("title", Pages.word("team.title", locale(ctx)));
    ctx.status(status);
    html(ctx, "team", m);
  }

  private void addUser(Context ctx, Principal who) {
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
    String roleText = Optional.ofNullable(ctx.formParam("role")).orElse(Role.MEMBER.id());
    Role role = Role.of(roleText).orElseThrow(() -> new PageError(400, "team.badRole"));
    try {
      accounts.createUser(who, username, Optional.ofNullable(ctx.formParam("password")).orElse(""), role);
    } catch (AppException.Invalid | AppException.Conflict refused) {
      team(ctx, who, HttpError.status(refused), Messages.render(AppException.BUNDLE, refused.text(), locale(ctx)),
          Map.of("username", username, "role", role.id()));
      return;
    }
    ctx.redirect("/team", HttpStatus.SEE_OTHER);
  }

  private void setRoles(Context ctx, Principal who) {
    long user = pathNumber(ctx, "user");
    Set<WorkRole> roles = EnumSet.noneOf(WorkRole.class);
    for (String r : ctx.formParams("role")) {
      roles.add(WorkRole.of(r).orElseThrow(() -> new PageError(400, "team.badRole")));
    }
    workflow.assign(who, user, roles);
    ctx.redirect("/team", HttpStatus.SEE_OTHER);
  }

  /** The simulation for the page: the interval in words and the data of its histogram and tornado charts. */
  private static Map<String, Object> uncertainty(UncertaintyResult u, Presentation p, Locale locale) {
    Map<String, Object> out = new HashMap<>();
    out.put("runs", Numbers.grouped(Integer.toString(u.runs())));
    out.put("seed", u.seed());
    out.put("mean", Figure.of(u.perUnit().mean()).grouped());
    out.put("low", Figure.of(u.perUnit().p2_5()).grouped());
    out.put("high", Figure.of(u.perUnit().p97_5()).grouped());
    out.put("cv", Numbers.percent(u.perUnit().cv()));
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("unit", p.perUnit().unit());
      g.writeNumberField("computed", round(u.deterministicPerUnit()));
      g.writeArrayFieldStart("bins");
      UncertaintyResult.Histogram h = u.histogram();
      for (int i = 0; i < h.counts().size(); i++) {
        g.writeStartObject();
        g.writeNumberField("from", round(h.lower() + i * h.width()));
        g.writeNumberField("to", round(h.lower() + (i + 1) * h.width()));
        g.writeNumberField("runs", h.counts().get(i));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("tornado");
      for (UncertaintyResult.Sensitivity t : u.tornado()) {
        g.writeStartObject();
        g.writeStringField("name", t.input().name() + " · " + t.input().path());
        g.writeNumberField("low", round(t.lowPerUnit()));
        g.writeNumberField("high", round(t.highPerUnit()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("runsLabel", Pages.word("uncertainty.runsAxis", locale));
      g.writeStringField("lowLabel", Pages.word("uncertainty.low", locale));
      g.writeStringField("highLabel", Pages.word("uncertainty.high", locale));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.put("chart", w.toString());
    return out;
  }

  private static List<Map<String, Object>> factors(List<Factor> factors) {
    return factors.stream().map(Web::factorRow).toList();
  }

  /** A factor as a table row: id, name, value as written, source, year, region ("" for what it lacks). */
  private static Map<String, Object> factorRow(Factor f) {
    Map<String, Object> row = new HashMap<>();
    row.put("key", f.id());
    row.put("name", f.name() == null ? "" : f.name());
    row.put("value", f.value() == null ? "" : f.value().text());
    row.put("source", f.source() == null ? "" : f.source());
    row.put("year", f.year() == null ? "" : f.year().toString());
    row.put("region", f.region() == null ? "" : f.region());
    return row;
  }

  /** The charts' data, as JSON for the page's script: stages for the donut, lines largest first for the Pareto chart. */
  private static String chartData(Result r, Presentation p, Locale locale) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("unit", "kgCO₂e");
      g.writeArrayFieldStart("stages");
      for (StageResult st : r.stages()) {
        g.writeStartObject();
        g.writeStringField("name", stageName(st.stage(), locale));
        g.writeNumberField("value", round(p.perUnit(st.kgCO2e())));
        g.writeEndObject();
      }
      g.writeEndArray();
      List<LineResult> sorted = new ArrayList<>(r.lines());
      sorted.removeIf(LineResult::excluded);
      sorted.sort(Comparator.comparingDouble((LineResult l) -> -Math.abs(l.kgCO2e())));
      g.writeArrayFieldStart("lines");
      double cumulative = 0;
      for (LineResult l : sorted) {
        cumulative += l.share();
        g.writeStartObject();
        g.writeStringField("name", l.name());
        g.writeNumberField("value", round(p.perUnit(l.kgCO2e())));
        g.writeNumberField("cumulative", Math.round(cumulative * 10000) / 100.0);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("valueLabel", Pages.word("chart.perUnit", locale));
      g.writeStringField("cumulativeLabel", Pages.word("chart.cumulative", locale));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static String stageName(Stage stage, Locale locale) {
    return stage == null ? "" : Messages.get(stage.textKey(), locale);
  }

  /** Findings for a page: with the file's line (or cell) where the page shows the file, without in the editor. */
  private static List<Map<String, Object>> findings(List<Finding> findings, Locale locale, boolean positions) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Finding f : findings) {
      out.add(Map.of("code", f.code(), "severity", f.severity().name().toLowerCase(Locale.ROOT),
          "where", f.where(), "message", positions ? f.message(locale) : f.text().render(locale)));
    }
    return out;
  }

  /**
   * The open review comments of a version in the shape of findings, so that the editor places each
   * beside the field or line it is about.
   */
  private List<Map<String, Object>> commentRows(Principal who, UUID id, int version) {
    return workflow.comments(who, id, version).stream().filter(org.tanji.server.domain.Comment::open)
        .map(c -> Map.<String, Object>of("code", "COMMENT", "severity", "info", "where", c.keyPath(),
            "message", "💬 " + c.author() + ": " + c.body()))
        .toList();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String findingsJson(List<Finding> findings, Locale locale) {
    try {
      return JSON.writeValueAsString(findings(findings, locale, false));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- the editor

  private void edit(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    StudyInfo info = studies.study(who, id);
    int version = info.currentVersion();
    StudyFile content = studies.file(who, id, version);
    Optional<ObjectNode> tree = tree(who, id, version, content);
    if (tree.isEmpty()) {
      if (content.format().equals("xlsx")) {
        throw new PageError(409, "edit.workbookErrors");
      }
      ctx.redirect("/studies/" + id + "/source", HttpStatus.SEE_OTHER);
      return;
    }
    Computations.Computed c = studies.computed(who, id, version);
    List<Map<String, Object>> placed = new ArrayList<>(findings(c.result().findings(), locale(ctx), false));
    placed.addAll(commentRows(who, id, version));
    editor(ctx, who, info, StudyForm.of(tree.get()), json(placed), List.of(), null);
  }

  /** A version's file as the form's base: YAML or JSON as stored, a workbook through its YAML form. */
  private Optional<ObjectNode> tree(Principal who, UUID id, int version, StudyFile content) {
    if (content.format().equals("xlsx")) {
      if (studies.computed(who, id, version).result().hasErrors()) {
        return Optional.empty(); // a workbook with errors: to be fixed in the workbook
      }
      return StudyForm.parse(studies.convert(who, id, version, "yaml").bytes(), "yaml");
    }
    return StudyForm.parse(content.bytes(), content.format());
  }

  private void editor(Context ctx, Principal who, StudyInfo info, StudyForm.Values values, String findings,
      List<StudyForm.Problem> problems, String conflict) {
    Locale locale = locale(ctx);
    if (values == null) {
      values = StudyForm.of(StudyForm.blank(locale));
    }
    Map<String, Object> m = base(ctx, who, null);
    m.put("id", info == null ? null : info.id().toString());
    m.put("version", info == null ? 0 : info.currentVersion());
    m.put("values", values);
    m.put("findings", findings == null ? "[]" : findings);
    try {
      m.put("problems", JSON.writeValueAsString(problemRows(problems, locale)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    m.put("conflict", conflict);
    m.put("title", info == null ? Pages.word("edit.newTitle", locale)
        : Pages.word("edit.title", locale, info.current().summary().name()));
    m.put("name", info == null ? null : info.current().summary().name());
    m.put("stages", Identified.ids(Stage.class));
    m.put("levels", Map.of("activity", Identified.ids(Quality.ActivityLevel.class),
        "calibration", Identified.ids(Quality.Calibration.class)));
    m.put("types", Identified.ids(FactorType.class));
    m.put("boundaries", Identified.ids(Boundary.class));
    m.put("gwps", Identified.ids(GwpSet.class));
    html(ctx, "edit", m);
  }

  /** Stores the form as a new study or a new version; what the user typed is never lost. */
  private void save(Context ctx, Principal who, UUID id) {
    StudyForm.Values values = StudyForm.of(ctx.formParamMap());
    StudyInfo info = id == null ? null : studies.study(who, id);
    int expected = info == null ? 0 : parseVersion(ctx.formParam("_version"));
    List<StudyForm.Problem> problems = StudyForm.problems(values);
    if (!problems.isEmpty()) {
      ctx.status(422);
      editor(ctx, who, info == null ? null : info.atVersion(expected), values, null, problems, null);
      return;
    }
    ObjectNode base;
    String fileName;
    if (info == null) {
      base = StudyForm.blank(locale(ctx));
      String name = values.scalars().get("product.name").strip();
      fileName = safeFileName(name.isEmpty() ? "study" : name) + ".yaml";
    } else {
      StudyFile content = studies.file(who, id, expected);
      base = tree(who, id, expected, content).orElseThrow(() -> new PageError(409, "edit.workbookErrors"));
      fileName = StudyService.baseName(content.fileName()) + ".yaml";
    }
    StudyFile file = new StudyFile(StudyForm.yaml(StudyForm.apply(base, values)), "yaml", fileName);
    StudyService.Stored stored;
    if (info == null) {
      stored = studies.create(who, file);
    } else {
      try {
        stored = studies.store(who, id, expected, file);
      } catch (AppException.VersionConflict conflict) {
        Version cur = conflict.current();
        ctx.status(409);
        String message = Pages.word("edit.conflict", locale(ctx), cur.version(), cur.createdBy(), when(cur.createdAt()),
            expected);
        editor(ctx, who, info.atVersion(cur.version()), values,
            findingsJson(conflict.unstoredFindings(), locale(ctx)), List.of(), message);
        return;
      }
    }
    Version v = stored.version();
    boolean errors = stored.computed().result().hasErrors();
    ctx.redirect("/studies/" + v.studyId() + (errors ? "/edit?saved=" + v.version() : ""), HttpStatus.SEE_OTHER);
  }

  private static int parseVersion(String text) {
    if (text == null || !text.matches("[1-9]\\d{0,8}")) {
      throw new PageError(400, "edit.noVersion");
    }
    return Integer.parseInt(text);
  }

  /** The findings of the form as it stands, for the editor's live check (JSON). */
  private void check(Context ctx, Principal who) {
    StudyForm.Values values = StudyForm.of(ctx.formParamMap());
    Locale locale = locale(ctx);
    Map<String, Object> answer = new LinkedHashMap<>();
    List<StudyForm.Problem> problems = StudyForm.problems(values);
    if (!problems.isEmpty()) { // the form cannot become a file yet: only what stops it
      answer.put("findings", problemRows(problems, locale));
      answer.put("perUnit", null);
      jsonAnswer(ctx, answer);
      return;
    }
    ObjectNode base = StudyForm.blank(locale);
    String idText = ctx.formParam("_id");
    List<Map<String, Object>> comments = List.of();
    if (idText != null && !idText.isEmpty()) {
      UUID id = parseId(idText);
      int version = parseVersion(ctx.formParam("_version"));
      base = tree(who, id, version, studies.file(who, id, version)).orElse(base);
      comments = commentRows(who, id, version);
    }
    Result r = studies.check(who, new StudyFile(StudyForm.yaml(StudyForm.apply(base, values)), "yaml", "study.yaml"))
        .result();
    List<Map<String, Object>> placed = new ArrayList<>(findings(r.findings(), locale, false));
    placed.addAll(comments);
    answer.put("findings", placed);
    answer.put("perUnit", r.hasErrors() || r.perUnitKgCO2e() == null ? null : Figure.of(r.perUnitKgCO2e()).grouped());
    jsonAnswer(ctx, answer);
  }

  /** The form's own problems in the shape of findings, for the editor's script to place. */
  private static List<Map<String, Object>> problemRows(List<StudyForm.Problem> problems, Locale locale) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (StudyForm.Problem p : problems) {
      out.add(Map.of("where", p.field(), "severity", "error", "code", "FORM",
          "message", Pages.word(p.key(), locale, p.args())));
    }
    return out;
  }

  private static void jsonAnswer(Context ctx, Object body) {
    try {
      ctx.contentType("application/json").result(JSON.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void source(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    StudyInfo info = studies.study(who, id);
    StudyFile content = studies.file(who, id, info.currentVersion());
    if (content.format().equals("xlsx")) {
      throw new PageError(409, "source.workbook");
    }
    Computations.Computed c = studies.computed(who, id, info.currentVersion());
    sourcePage(ctx, who, info, new String(content.bytes(), StandardCharsets.UTF_8), c.result().findings(), null);
  }

  private void sourcePage(Context ctx, Principal who, StudyInfo info, String text, List<Finding> findings,
      String conflict) {
    Locale locale = locale(ctx);
    Map<String, Object> m = base(ctx, who, null);
    m.put("id", info.id().toString());
    m.put("version", info.currentVersion());
    m.put("name", info.current().summary().name());
    m.put("title", Pages.word("source.title", locale, info.current().summary().name()));
    m.put("text", text);
    m.put("findings", findings(findings, locale, true));
    m.put("conflict", conflict);
    html(ctx, "source", m);
  }

  private void saveSource(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    StudyInfo info = studies.study(who, id);
    int expected = parseVersion(ctx.formParam("_version"));
    String text = Optional.ofNullable(ctx.formParam("text")).orElse("").replace("\r\n", "\n");
    StudyFile old = studies.file(who, id, expected);
    if (old.format().equals("xlsx")) {
      throw new PageError(409, "source.workbook");
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0) {
      throw new PageError(400, "source.empty");
    }
    try {
      StudyService.Stored stored = studies.store(who, id, expected, new StudyFile(bytes, old.format(), old.fileName()));
      ctx.redirect("/studies/" + id + (stored.computed().result().hasErrors() ? "/source" : ""), HttpStatus.SEE_OTHER);
    } catch (AppException.VersionConflict conflict) {
      Version cur = conflict.current();
      ctx.status(409);
      sourcePage(ctx, who, info.atVersion(cur.version()), text, conflict.unstoredFindings(),
          Pages.word("edit.conflict", locale(ctx), cur.version(), cur.createdBy(), when(cur.createdAt()), expected));
    }
  }

  /**
   * The organization's suppliers' PACT footprints, with a form to import one; after an import, what
   * was imported and its warnings.
   */
  private void supplierFactors(Context ctx, Principal who, org.tanji.server.app.FactorService.Imported imported) {
    Locale locale = locale(ctx);
    var library = factorService.library(who).factors();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (org.tanji.server.domain.OrgFactor f : factorService.list(who)) {
      Map<String, Object> r = new HashMap<>();
      r.put("id", f.id());
      r.put("company", f.companyName());
      r.put("footprint", f.footprintId());
      r.put("importedBy", f.importedBy());
      r.put("importedAt", when(f.importedAt()));
      library.find(f.id()).ifPresent(x -> {
        r.put("product", x.name());
        r.put("value", x.value().text());
        x.footprint().ifPresent(fp -> {
          r.put("valid", fp.validFromDate() + " – " + fp.validUntilDate());
          r.put("deprecated", fp.deprecated());
        });
      });
      rows.add(r);
    }
    Map<String, Object> m = base(ctx, who, null);
    m.put("factors", rows);
    m.put("imported", imported == null ? List.of() : imported.factors().stream().map(Factor::id).toList());
    m.put("findings", imported == null ? List.of() : findings(imported.findings(), locale, true));
    m.put("title", Pages.word("suppliers.title", locale));
    // partners are an admin's to see; their hosts can be read from here
    m.put("hosts", !who.isAdmin() ? List.of() : partners.partners(who).stream()
        .filter(p -> p.supplierHost().isPresent())
        .map(p -> Map.<String, Object>of("id", p.id(), "name", p.name())).toList());
    html(ctx, "supplier-factors", m);
  }

  /** Footprints read from a supplier partner's PACT host: one by id, or the host's first ten. */
  private void fetchPact(Context ctx, Principal who) {
    long partner = parsePartner(ctx.formParam("partner"));
    String id = Optional.ofNullable(ctx.formParam("footprintId")).map(String::strip).filter(x -> !x.isEmpty()).orElse(null);
    supplierFactors(ctx, who, supplierFetch.fetch(who, partner,
        new org.tanji.server.app.SupplierFetch.Query(Optional.ofNullable(id), Optional.empty(), 10)));
  }

  private static long parsePartner(String text) {
    return Requests.recordNumber(text).orElseThrow(() -> new PageError(400, "suppliers.badPartner", String.valueOf(text)));
  }

  /** A supplier's PACT file from the page's form; a file with errors answers the error page with its findings. */
  private void importPact(Context ctx, Principal who) {
    supplierFactors(ctx, who, factorService.importPact(who, requests.uploadedFile(ctx)));
  }

  /** A workbook, YAML or JSON file as a new study, or as the next version of one. */
  private void upload(Context ctx, Principal who, UUID id) {
    StudyFile in = requests.receive(ctx);
    Version v;
    if (id == null) {
      v = studies.create(who, in).version();
    } else {
      int expected = parseVersion(ctx.formParam("_version"));
      try {
        v = studies.store(who, id, expected, in).version();
      } catch (AppException.VersionConflict conflict) {
        Version cur = conflict.current();
        throw new PageError(409, "upload.conflict", cur.version(), cur.createdBy(), when(cur.createdAt()));
      }
    }
    ctx.redirect("/studies/" + v.studyId(), HttpStatus.SEE_OTHER);
  }

  private void file(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    StudyInfo info = studies.study(who, id);
    int version = versionParam(ctx, info);
    Optional<String> wanted = Optional.ofNullable(ctx.queryParam("format"));
    StudyFile f = wanted.isEmpty() ? studies.file(who, id, version) : studies.convert(who, id, version, wanted.get());
    ctx.header("Content-Disposition", Requests.attachment(StudyService.baseName(f.fileName()) + "." + f.format()));
    ctx.contentType(Requests.mediaType(f.format())).result(f.bytes());
  }

  private void report(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    StudyInfo info = studies.study(who, id);
    int version = versionParam(ctx, info);
    ReportFormat format = Requests.reportFormat(ctx);
    Optional<Locale> locale = Requests.lang(ctx);
    byte[] body = studies.report(who, id, version, format, locale);
    String name = safeFileName(info.current().summary().name()) + "-v" + version
        + locale.map(l -> "-" + l.getLanguage()).orElse("") + "." + format.extension();
    Requests.report(ctx, format, body, name);
  }

  /** The version's PACT v3 footprint as a download; what PACT lacks is shown as the error page's findings. */
  private void pact(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    StudyInfo info = studies.study(who, id);
    int version = versionParam(ctx, info);
    byte[] body = issues.pact(who, id, Optional.of(version)).json();
    ctx.header("Content-Disposition", Requests.attachment(
        safeFileName(info.current().summary().name()) + "-v" + version + "-pact.json"));
    ctx.contentType(Requests.JSON).result(body);
  }

  private void versions(Context ctx, Principal who) {
    UUID id = studyId(ctx);
    StudyInfo info = studies.study(who, id);
    Locale locale = locale(ctx);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Version v : studies.versions(who, id)) {
      Map<String, Object> r = new HashMap<>();
      r.put("n", v.version());
      r.put("at", when(v.createdAt()));
      r.put("by", v.createdBy());
      r.put("file", v.fileName());
      putSummary(r, v.summary());
      rows.add(r);
    }
    int current = info.currentVersion();
    int b = intParam(ctx, "b", current, current);
    int a = intParam(ctx, "a", Math.max(1, b - 1), current);
    Map<String, Object> m = base(ctx, who, null);
    m.put("id", id.toString());
    m.put("name", info.current().summary().name());
    m.put("title", Pages.word("versions.title", locale, info.current().summary().name()));
    m.put("versions", rows);
    m.put("a", a);
    m.put("b", b);
    m.put("changes", null);
    m.put("audit", audit.records(who, Optional.of(id)).stream().map(rec -> {
      Map<String, Object> row = new HashMap<>();
      row.put("seq", rec.seq());
      row.put("at", when(rec.at()));
      row.put("by", rec.actor() == null ? "—" : rec.actor());
      row.put("action", rec.action());
      row.put("version", rec.version() == null ? "" : rec.version().toString());
      row.put("detail", rec.detail() == null ? "" : rec.detail());
      return row;
    }).toList());
    m.put("unreadable", false);
    if (a != b) {
      Study before = studies.computed(who, id, a).study();
      Study after = studies.computed(who, id, b).study();
      List<Map<String, Object>> changes = new ArrayList<>();
      for (StudyDiff.Change ch : studies.differences(who, id, a, b)) {
        Map<String, Object> r = new HashMap<>();
        r.put("kind", ch.kind().name().toLowerCase(Locale.ROOT));
        r.put("section", Pages.word("section." + ch.section(), locale));
        r.put("subject", ch.subject());
        r.put("field", ch.field());
        r.put("before", ch.before());
        r.put("after", ch.after());
        changes.add(r);
      }
      m.put("changes", changes);
      m.put("unreadable", before == null || after == null);
    }
    html(ctx, "versions", m);
  }

  private static int intParam(Context ctx, String name, int fallback, int max) {
    String text = ctx.queryParam(name);
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    if (!text.matches("[1-9]\\d{0,8}") || Integer.parseInt(text) > max) {
      throw new PageError(404, "version.none", text);
    }
    return Integer.parseInt(text);
  }

  /** Library factors matching a text, as rows for the editor's factor picker (htmx). */
  private void searchFactors(Context ctx, Principal who) {
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    List<Map<String, Object>> rows = new ArrayList<>();
    if (!q.isEmpty()) {
      for (Factor f : studies.factors(who, q, null, null)) {
        if (rows.size() == 30) {
          break;
        }
        rows.add(factorRow(f));
      }
    }
    Map<String, Object> m = base(ctx, who, null);
    m.put("q", q);
    m.put("factors", rows);
    html(ctx, "factor-results", m);
  }

  // ---- helpers

  /** What every page needs: the language, the user, the CSRF token, the current path for the language switch. */
  private Map<String, Object> base(Context ctx, Principal who, String csrf) {
    Map<String, Object> m = new HashMap<>();
    Locale locale = locale(ctx);
    m.put("lang", locale.getLanguage());
    m.put("user", who == null ? null : who.username());
    m.put("org", who == null ? null : who.orgName());
    m.put("admin", who != null && who.isAdmin());
    String token = ctx.cookie(SESSION);
    m.put("csrf", csrf != null ? csrf : token == null ? "" : csrf(token));
    m.put("path", ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
    m.put("echarts", webjars.get("echarts"));
    m.put("htmx", webjars.get("htmx"));
    m.put("title", null);
    return m;
  }

  private void html(Context ctx, String template, Map<String, Object> model) {
    ctx.contentType("text/html; charset=utf-8").result(pages.render(template, model, locale(ctx)));
  }

  @Override
  public void fail(Context ctx, Exception e) {
    Locale locale = locale(ctx);
    int status;
    String message;
    List<Finding> findings = List.of();
    Optional<AppException> refusal = AppException.of(e);
    if (e instanceof PageError p) {
      status = p.status;
      message = Pages.word(p.key, locale, p.args);
    } else if (e instanceof HttpError h) {
      if (h.status() == 413) {
        requests.drain(ctx);
      }
      h.headers().forEach(ctx::header);
      status = h.status();
      message = Messages.render(AppException.BUNDLE, h.text(), locale);
    } else if (refusal.isPresent()) {
      AppException a = refusal.get();
      status = HttpError.status(a);
      message = Messages.render(AppException.BUNDLE, a.text(), locale);
      findings = a.findings().orElse(List.of());
      if (a instanceof AppException.TooManyAttempts t) {
        ctx.header("Retry-After", Long.toString(t.retryAfterSeconds()));
      }
    } else if (e instanceof HttpResponseException r && r.getStatus() == 404) {
      status = 404;
      message = Pages.word("page.notFound", locale);
    } else if (e instanceof HttpResponseException r && r.getStatus() < 500) {
      status = r.getStatus();
      message = Messages.render(AppException.BUNDLE, Text.of("request.bad", Integer.toString(status)), locale);
    } else {
      status = 500;
      message = Messages.render(AppException.BUNDLE, Text.of("internal", incidents.record(ctx, e)), locale);
    }
    ctx.res().setHeader("Content-Disposition", null);
    ctx.header("Content-Security-Policy", CSP);
    Map<String, Object> m = base(ctx, null, null);
    m.put("status", status);
    m.put("message", message);
    m.put("findings", findings(findings, locale, true));
    m.put("title", Pages.word("error.title", locale));
    ctx.status(status);
    html(ctx, "error", m);
  }

  private static UUID studyId(Context ctx) {
    return parseId(ctx.pathParam("id"));
  }

  private static UUID parseId(String text) {
    try {
      if (text.length() == 36) {
        return UUID.fromString(text);
      }
    } catch (IllegalArgumentException e) {
      // below
    }
    throw new PageError(404, "study.none");
  }

  private static int versionParam(Context ctx, StudyInfo info) {
    return intParam(ctx, "v", info.currentVersion(), info.currentVersion());
  }

  private String when(java.time.Instant t) {
    return WHEN.format(t.atZone(env.clock().getZone()));
  }

  /** A figure for the pages, rounded and grouped as the report writes it: 2,821.88. */
  static String number(double v, int decimals) {
    return Numbers.grouped(Numbers.fixed(v, decimals));
  }

  /** A file name from a study's name: letters (Chinese too), digits and a few marks; the rest becomes '-'. */
  static String safeFileName(String name) {
    String s = name.strip().replaceAll("[^\\p{L}\\p{N}._ -]+", "-").replaceAll("\\s+", "-");
    s = s.replaceAll("^[.-]+", "");
    if (s.length() > 80) {
      s = s.substring(0, 80);
    }
    return s.isEmpty() ? "study" : s;
  }

  private static Map<String, String> webjarVersions() {
    java.util.Properties p = new java.util.Properties();
    try (var in = Web.class.getResourceAsStream("webjars.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("echarts", p.getProperty("echarts"), "htmx", p.getProperty("htmx"));
  }

  /** An answer of the pages that is not a success: a status and a message key of the pages' bundle. */
  static final class PageError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String key;
    final transient Object[] args;

    PageError(int status, String key, Object... args) {
      super(key, null, false, false);
      this.status = status;
      this.key = key;
      this.args = args;
    }
  }
}
