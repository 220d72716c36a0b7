package org.tanji.server.adapter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tanji.core.i18n.Text;
import org.tanji.server.app.AppException;

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

  /** The HTTP status that answers an application refusal, whatever the adapter's format. */
  public static int status(AppException e) {
    if (e instanceof AppException.NotFound) {
      return 404;
    } else if (e instanceof AppException.Forbidden) {
      return 403;
    } else if (e instanceof AppException.Unauthenticated) {
      return 401;
    } else if (e instanceof AppException.Invalid) {
      return 400;
    } else if (e instanceof AppException.InvalidStudy) {
      return 422;
    } else if (e instanceof AppException.Conflict) {
      return 409;
    } else if (e instanceof AppException.TooManyAttempts) {
      return 429;
    } else if (e instanceof AppException.PartnerFailed) {
      return 502;
    }
    return 503; // Unavailable: the hierarchy is sealed, nothing else is left
  }
}
