package org.tanji.server.adapter;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpException;
import org.tanji.core.i18n.Messages;
import org.tanji.io.StudyFiles;
import org.tanji.io.StudyFormat;
import org.tanji.report.ReportFormat;
import org.tanji.server.domain.StudyFile;

/**
 * What every adapter needs of an HTTP request and answer, written once: study files received,
 * media types, downloads, the language, limits on bodies, and the client's address and scheme
 * (behind a trusted proxy, from its {@code X-Forwarded-*} headers).
 */
public final class Requests {

  public static final String YAML = "application/yaml";
  public static final String JSON = "application/json";
  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The policy of an HTML report: its own inline styles and images, nothing else, never framed. */
  public static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
      + "font-src data:; frame-ancestors 'none'";

  private final long maxRequestBytes;
  private final boolean trustProxy;

  /**
   * @param maxRequestBytes the largest body accepted
   * @param trustProxy whether {@code X-Forwarded-Proto} and {@code X-Forwarded-For} are believed: only
   *     when every request comes through a proxy that sets them (a client could set them otherwise)
   */
  public Requests(long maxRequestBytes, boolean trustProxy) {
    this.maxRequestBytes = maxRequestBytes;
    this.trustProxy = trustProxy;
  }

  // ---- client

  /** Whether the client reached the server over HTTPS (at the proxy, when it is trusted). */
  public boolean secure(Context ctx) {
    if (trustProxy) {
      String proto = ctx.header("X-Forwarded-Proto");
      if (proto != null) {
        return proto.strip().regionMatches(true, 0, "https", 0, 5);
      }
    }
    return "https".equals(ctx.scheme());
  }

  /** The client's address: the connection's peer, or the first address a trusted proxy names. */
  public String clientAddress(Context ctx) {
    if (trustProxy) {
      String forwarded = ctx.header("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String first = forwarded.split(",")[0].strip();
        if (!first.isEmpty() && first.length() <= 100) {
          return first;
        }
      }
    }
    return ctx.req().getRemoteAddr();
  }

  // ---- record numbers

  // 18 digits at most: every such number fits a long, and no record is numbered higher
  private static final Pattern RECORD_NUMBER = Pattern.compile("[1-9]\\d{0,17}");

  /**
   * A record's number as the server writes it in paths and forms (1 to 18 ASCII digits, no sign,
   * no leading zero, no spaces): the one rule of the API and the pages. Empty for anything else, so
   * that {@code 012}, {@code +12} or {@code １２} never reach record 12; each caller says what a bad
   * one means (a path to nothing: 404; a form field: 400 naming it).
   */
  public static Optional<Long> recordNumber(String text) {
    return text != null && RECORD_NUMBER.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
  }

  // ---- bodies

  /**
   * Whether the body is a form with files ({@code multipart/form-data}, in any case, with any
   * parameters), the one test of every route that takes a file either raw or from a form.
   */
  public static boolean isMultipart(Context ctx) {
    return mediaTypeOf(ctx.header("Content-Type")).equals("multipart/form-data");
  }

  /**
   * The study file of a request: the raw body by its Content-Type, or the part "file" of a form.
   * A body without a name of its own (raw, or a part without a file name) is called
   * {@code study.<format>} in messages.
   *
   * @throws HttpError 415 for a media type or charset that is not a study's, 413 over the limit,
   *     400 for an empty body or a form without the file
   */
  public StudyFile receive(Context ctx) {
    return receive(ctx, "study");
  }

  /**
   * A CBAM file (YAML or JSON) as {@link #receive(Context)} takes a study, a body without a name of
   * its own called {@code cbam.<format>}: never {@code study.yaml}, which would send a user looking
   * in the wrong file.
   *
   * @throws HttpError as {@link #receive(Context)}
   */
  public StudyFile receiveCbam(Context ctx) {
    return receive(ctx, "cbam");
  }

  private StudyFile receive(Context ctx, String unnamed) {
    // the raw header: the servlet's parsed one throws on a charset Java does not know
    String contentType = ctx.header("Content-Type");
    refuseCharset(contentType);
    String type = mediaTypeOf(contentType);
    byte[] bytes;
    String fileName = null;
    StudyFormat declared;
    if (isMultipart(ctx)) {
      UploadedFile part = part(ctx);
      bytes = bytes(part);
      fileName = cleanFileName(part.filename());
      declared = fileName == null ? null : StudyFormat.fromFileName(fileName).orElse(null);
      if (declared == null) {
        Optional<StudyFormat> byType = formatOfType(mediaTypeOf(part.contentType()));
        declared = byType == null ? null : byType.orElse(null);
      }
    } else {
      Optional<StudyFormat> f = formatOfType(type);
      if (f == null) {
        throw HttpError.of(415, "UNSUPPORTED_MEDIA_TYPE", "body.media", type.isEmpty() ? "—" : type);
      }
      declared = f.orElse(null);
      bytes = ctx.bodyAsBytes();
    }
    if (bytes.length == 0) {
      throw HttpError.of(400, "EMPTY_BODY", "body.empty");
    }
    String format = StudyFiles.formatOf(bytes, declared).name().toLowerCase(Locale.ROOT);
    return new StudyFile(bytes, format, fileName == null ? unnamed + "." + format : fileName);
  }

  /**
   * The bytes of the form part "file", whatever they are (a PDF to compare, say).
   *
   * @throws HttpError 413 over the limit, 400 for a malformed form or one without the file
   */
  public byte[] uploadedFile(Context ctx) {
    return bytes(part(ctx));
  }

  private byte[] bytes(UploadedFile part) {
    byte[] bytes;
    try (InputStream in = part.content()) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > maxRequestBytes) {
      throw tooLarge();
    }
    return bytes;
  }

  private UploadedFile part(Context ctx) {
    UploadedFile part;
    try {
      part = ctx.uploadedFile("file");
    } catch (Exception e) { // the servlet's checked exception arrives undeclared, through Kotlin
      // the servlet API refuses a form over its size limits with an IllegalStateException (Jetty's
      // own carries the status); any other failure is a malformed form
      throw overLimit(e) ? tooLarge() : HttpError.of(400, "BAD_REQUEST", "body.badForm");
    }
    if (part == null) {
      throw HttpError.of(400, "NO_FILE", "body.noFile");
    }
    return part;
  }

  private static boolean overLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpException h) {
        return h.getCode() == 413;
      }
      if (t instanceof IllegalStateException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Refuses (415) a body that says it is in a charset other than UTF-8, before anything reads it:
   * study files and forms are UTF-8, and another charset would be misread (or, unknown to Java,
   * fail deep in the servlet).
   */
  public void refuseCharset(Context ctx) {
    refuseCharset(ctx.header("Content-Type"));
  }

  private static void refuseCharset(String contentType) {
    if (contentType == null) {
      return;
    }
    for (String param : contentType.split(";")) {
      String p = param.strip();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        String cs = p.substring(8).strip().replace("\"", "");
        if (!cs.equalsIgnoreCase("utf-8") && !cs.equalsIgnoreCase("utf8")) {
          throw HttpError.of(415, "UNSUPPORTED_CHARSET", "body.charset",
              cs.length() > 40 ? cs.substring(0, 40) + "…" : cs);
        }
      }
    }
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

  public static String mediaTypeOf(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** Refuses (413) a request whose Content-Length is above the limit, before its body is read. */
  public void refuseOversized(Context ctx) {
    String length = ctx.header("Content-Length");
    if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
        && Long.parseLong(length) > maxRequestBytes) {
      throw tooLarge();
    }
  }

  public HttpError tooLarge() {
    return HttpError.of(413, "TOO_LARGE", "body.tooLarge", Long.toString(maxRequestBytes / (1024 * 1024)));
  }

  /**
   * Reads and drops what is left of a refused body, up to twice the limit: a client still sending
   * when the answer comes may otherwise see the connection reset instead of the 413. Beyond that
   * the connection is closed after the answer.
   */
  public void drain(Context ctx) {
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
      // the client went away, or the body was consumed already: nothing left to drain
    }
  }

  // ---- answers

  /** The media type of a study format ({@code yaml}, {@code json}, {@code xlsx}). */
  public static String mediaType(String format) {
    return switch (format) {
      case "yaml" -> YAML + "; charset=utf-8";
      case "json" -> JSON;
      default -> XLSX;
    };
  }

  /** The media type of a report format. */
  public static String mediaType(ReportFormat format) {
    return switch (format) {
      case HTML -> "text/html; charset=utf-8";
      case DOCX -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      case PDF -> "application/pdf";
    };
  }

  /**
   * Answers a report: an HTML report opens in the browser under its own policy (no scripts, never
   * framed), Word and PDF download under a file name.
   */
  public static void report(Context ctx, ReportFormat format, byte[] body, String fileName) {
    if (format == ReportFormat.HTML) {
      ctx.header("Content-Security-Policy", REPORT_CSP);
      ctx.header("X-Frame-Options", "DENY");
      ctx.header("Content-Disposition", "inline; filename=\"" + asciiName(fileName) + "\"");
    } else {
      ctx.header("Content-Disposition", attachment(fileName));
    }
    ctx.contentType(mediaType(format)).result(body);
  }

  /** A Content-Disposition header value that downloads under a file name (RFC 5987 for non-ASCII names). */
  public static String attachment(String fileName) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      }
    }
    return "attachment; filename=\"" + asciiName(fileName) + "\"; filename*=UTF-8''" + encoded;
  }

  private static String asciiName(String fileName) {
    StringBuilder ascii = new StringBuilder();
    fileName.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\'
        ? (char) cp : '_'));
    return ascii.toString();
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

  // ---- parameters

  /** The {@code format} query parameter of a report: html (the default), docx or pdf. */
  public static ReportFormat reportFormat(Context ctx) {
    String f = Optional.ofNullable(ctx.queryParam("format")).orElse("html");
    return ReportFormat.fromName(f).orElseThrow(() -> HttpError.of(400, "BAD_FORMAT", "query.format", f));
  }

  /**
   * Report formats as a form or body names them (html, docx, pdf).
   *
   * @throws HttpError 400 naming the first that is none of them
   */
  public static java.util.Set<ReportFormat> reportFormats(List<String> names) {
    java.util.Set<ReportFormat> out = new java.util.LinkedHashSet<>();
    for (String n : names) {
      out.add(ReportFormat.fromName(n).orElseThrow(() -> HttpError.of(400, "BAD_FORMAT", "query.format", n)));
    }
    return out;
  }

  /**
   * Languages as a form or body names them (zh, en).
   *
   * @throws HttpError 400 naming the first that is neither
   */
  public static java.util.Set<Locale> languages(List<String> names) {
    java.util.Set<Locale> out = new java.util.LinkedHashSet<>();
    for (String n : names) {
      if (!n.equals("zh") && !n.equals("en")) {
        throw HttpError.of(400, "BAD_LANG", "query.lang", n);
      }
      out.add(Messages.locale(n));
    }
    return out;
  }

  /** The {@code lang} query parameter, if given: zh or en (400 otherwise). */
  public static Optional<Locale> lang(Context ctx) {
    String lang = ctx.queryParam("lang");
    if (lang == null) {
      return Optional.empty();
    }
    if (!lang.equals("zh") && !lang.equals("en")) {
      throw HttpError.of(400, "BAD_LANG", "query.lang", lang);
    }
    return Optional.of(Messages.locale(lang));
  }

  /** The language of messages: Chinese when the caller prefers it (Accept-Language), else English. */
  public static Locale messageLocale(Context ctx) {
    return messageLocale(ctx.header("Accept-Language"));
  }

  /** The language of messages for an Accept-Language header (null when absent). */
  public static Locale messageLocale(String header) {
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
      return Messages.EN; // a malformed header: the default language, as when there is none
    }
    return Messages.EN;
  }
}
