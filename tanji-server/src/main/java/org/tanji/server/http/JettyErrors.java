package org.tanji.server.http;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.tanji.core.i18n.Messages;
import org.tanji.core.i18n.Text;

/**
 * Answers what Jetty refuses before the API sees it (a malformed URI, headers above the limit) in
 * the API's JSON error shape instead of Jetty's HTML page.
 */
public final class JettyErrors implements Request.Handler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String code = status == 431 ? "HEADERS_TOO_LARGE" : status >= 500 ? "INTERNAL" : "BAD_REQUEST";
    Text text = status == 431 ? Text.of("headers.tooLarge", "16")
        : status >= 500 ? Text.of("internal", "—") : Text.of("request.bad", Integer.toString(status));
    Locale locale = org.tanji.server.adapter.Requests.messageLocale(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
    byte[] body = Json.bytes(g -> {
      g.writeStartObject();
      g.writeStringField("code", code);
      g.writeStringField("message", Messages.render(org.tanji.server.app.AppException.BUNDLE, text, locale));
      g.writeEndObject();
    });
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
