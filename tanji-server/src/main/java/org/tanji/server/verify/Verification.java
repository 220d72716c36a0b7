package org.tanji.server.verify;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import org.tanji.core.i18n.Messages;
import org.tanji.core.present.Figure;
import org.tanji.server.adapter.Adapter;
import org.tanji.server.adapter.HttpError;
import org.tanji.server.adapter.Incidents;
import org.tanji.server.adapter.Requests;
import org.tanji.server.adapter.Wiring;
import org.tanji.server.app.Env;
import org.tanji.server.app.IssueService;

/**
 * The public verification of issued reports, {@code /verify/{code}}: an adapter of its own, with no
 * sign-in. Anyone holding a report (or its QR code) sees its number, organization, product,
 * declared unit, result, issue date, signers, status and the SHA-256 of every issued file, and can
 * upload a PDF to learn whether it is byte for byte the one issued. Nothing else of the
 * organization is shown. Requests are limited per client address.
 */
public final class Verification implements Adapter {

  private static final String CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final IssueService issues;
  private final Env env;
  private final Requests requests;
  private final Incidents incidents;
  private final PebbleEngine engine;
  private final Cache<String, AtomicInteger> perAddress;
  private final int perMinute;

  /** @param perMinute requests a client address may make a minute */
  public Verification(Wiring wiring, int perMinute) {
    this.perMinute = perMinute;
    this.issues = wiring.services().issues();
    this.env = wiring.services().env();
    this.requests = wiring.requests();
    this.incidents = wiring.incidents();
    ClasspathLoader loader = new ClasspathLoader(Verification.class.getClassLoader());
    loader.setPrefix("org/tanji/server/verify");
    loader.setSuffix(".peb");
    this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).defaultEscapingStrategy("html")
        .strictVariables(true).build();
    // a fixed window per address: counts are dropped a minute after their first request
    this.perAddress = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000)
        .ticker(() -> env.clock().millis() * 1_000_000L).build();
  }

  @Override
  public boolean owns(String path) {
    return path.startsWith("/verify/") || path.equals("/verify");
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/verify/{code}", this::page);
    routes.addHttpHandler(HandlerType.HEAD, "/verify/{code}", this::page);
    routes.post("/verify/{code}", this::upload);
  }

  @Override
  public void before(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    int n = perAddress.get(requests.clientAddress(ctx), k -> new AtomicInteger()).incrementAndGet();
    if (n > perMinute) {
      throw HttpError.of(429, "TOO_MANY_REQUESTS", "verify.limited").withHeader("Retry-After", "60");
    }
    requests.refuseOversized(ctx);
  }

  private void page(Context ctx) {
    render(ctx, ctx.pathParam("code"), Optional.empty());
  }

  /** A file uploaded to compare with the issued ones. */
  private void upload(Context ctx) {
    String code = ctx.pathParam("code");
    if (issues.verify(code).isEmpty()) {
      throw HttpError.of(404, "NOT_FOUND", "verify.none");
    }
    byte[] upload = requests.uploadedFile(ctx);
    render(ctx, code, Optional.of(issues.match(code, upload).orElse("")));
  }

  private void render(Context ctx, String code, Optional<String> comparison) {
    Locale locale = Requests.messageLocale(ctx);
    IssueService.Verified v = issues.verify(code).orElseThrow(() -> HttpError.of(404, "NOT_FOUND", "verify.none"));
    ZoneId zone = env.clock().getZone();
    Map<String, Object> m = new HashMap<>();
    m.put("lang", locale.getLanguage());
    m.put("number", v.issued().number());
    m.put("organization", v.issued().orgName());
    m.put("product", v.product());
    m.put("unit", v.declaredUnit());
    m.put("perUnit", v.perUnitKgCO2e() == null ? "—" : Figure.of(v.perUnitKgCO2e()).grouped());
    m.put("issued", DAY.format(v.issued().issuedAt().atZone(zone)));
    m.put("valid", !v.issued().withdrawn());
    m.put("withdrawn", v.issued().withdrawn() ? DAY.format(v.issued().withdrawnAt().atZone(zone)) : null);
    m.put("reason", v.issued().withdrawReason());
    m.put("preparedBy", v.preparedBy());
    m.put("signers", v.signatures().stream().filter(s -> !s.action().equals("send-back"))
        .map(s -> Map.of("action", s.action(), "by", s.username(), "at", DAY.format(s.signedAt().atZone(zone))))
        .toList());
    m.put("files", v.files().stream().map(f -> Map.of("name", f.name(), "sha256", f.sha256())).toList());
    Map<String, String> w = words(locale);
    m.put("resultText", m.get("perUnit") + " " + MessageFormat.format(w.get("perUnit"), v.declaredUnit()));
    m.put("withdrawnText", v.issued().withdrawn() ? MessageFormat.format(w.get("withdrawn"), m.get("withdrawn")) : null);
    m.put("comparison", comparison.map(name -> name.isEmpty() ? w.get("different")
        : MessageFormat.format(w.get("same"), name)).orElse(null));
    m.put("same", comparison.map(name -> !name.isEmpty()).orElse(false));
    m.put("code", code);
    m.put("w", w);
    html(ctx, 200, "verify", m);
  }

  private static Map<String, String> words(Locale locale) {
    ResourceBundle b = ResourceBundle.getBundle("org.tanji.server.verify.verify", locale);
    Map<String, String> out = new HashMap<>();
    for (String k : b.keySet()) {
      out.put(k.replace('.', '_'), b.getString(k));
    }
    return out;
  }

  private void html(Context ctx, int status, String template, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(template).evaluate(out, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
  }

  @Override
  public void fail(Context ctx, Exception e) {
    Locale locale = Requests.messageLocale(ctx);
    int status;
    String message;
    if (e instanceof HttpError h) {
      h.headers().forEach(ctx::header);
      status = h.status();
      message = Messages.render("org.tanji.server.messages", h.text(), locale);
    } else if (e instanceof HttpResponseException r && r.getStatus() < 500) {
      status = r.getStatus();
      message = words(locale).get("verify_none");
    } else {
      status = 500;
      message = Messages.render("org.tanji.server.messages",
          org.tanji.core.i18n.Text.of("internal", incidents.record(ctx, e)), locale);
    }
    Map<String, Object> m = new HashMap<>();
    m.put("lang", locale.getLanguage());
    m.put("message", message);
    m.put("w", words(locale));
    html(ctx, status, "verify-error", m);
  }
}
