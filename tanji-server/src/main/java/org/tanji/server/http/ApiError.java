package org.tanji.server.http;

import java.util.List;
import java.util.Map;
import org.tanji.core.i18n.Text;
import org.tanji.core.model.Finding;

/**
 * An answer other than success: an HTTP status, a stable code for scripts, a message in the
 * caller's language (a key of the server's bundle) and, where a study is concerned, its findings.
 */
public class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;
  final String code;
  final transient Text text;
  final transient List<Finding> findings;
  final transient Map<String, String> headers;

  protected ApiError(int status, String code, Text text, List<Finding> findings, Map<String, String> headers) {
    super(code, null, false, false); // an answer, not a failure: no stack trace to collect
    this.status = status;
    this.code = code;
    this.text = text;
    this.findings = findings;
    this.headers = headers;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The stable code ({@code TOO_MANY_ATTEMPTS}). */
  public String code() {
    return code;
  }

  /** The message, in the server's bundle. */
  public Text text() {
    return text;
  }

  /** The study's findings, or null when the answer is not about a study's content. */
  public List<Finding> findings() {
    return findings;
  }

  /** Headers the answer carries (Retry-After, ETag). */
  public Map<String, String> headers() {
    return headers;
  }

  static ApiError of(int status, String code, String key, Object... args) {
    return new ApiError(status, code, Text.of(key, args), null, Map.of());
  }

  ApiError withFindings(List<Finding> f) {
    return new ApiError(status, code, text, f, headers);
  }

  ApiError withHeader(String name, String value) {
    Map<String, String> h = new java.util.LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiError(status, code, text, findings, h);
  }
}
