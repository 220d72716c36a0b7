package org.tanji.server.adapter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tanji.core.i18n.Text;

/**
 * A request refused before any service is asked: an unreadable body, a wrong media type or
 * parameter, a body over the limit. A status, a stable code and a message of the server's bundle;
 * each adapter answers it in its own format.
 */
public final class HttpError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Text text;
  private final transient Map<String, String> headers;

  private HttpError(int status, String code, Text text, Map<String, String> headers) {
    super(code, null, false, false);
    this.status = status;
    this.code = code;
    this.text = text;
    this.headers = headers;
  }

  public static HttpError of(int status, String code, String key, Object... args) {
    return new HttpError(status, code, Text.of(key, args), Map.of());
  }

  /** The same error with one more header on its answer. */
  public HttpError withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new HttpError(status, code, text, h);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Text text() {
    return text;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
