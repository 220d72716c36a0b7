package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's cookies signed in to the pages through the sign-in form, for tests that read pages over HTTP. */
final class PageSession {

  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;

  private PageSession(String base) {
    this.base = base;
  }

  /** Signs in with the form (its CSRF cookie and token included). */
  static PageSession signIn(String base, String user, String password) throws IOException, InterruptedException {
    PageSession s = new PageSession(base);
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(s.get("/login").body());
    assertThat(m.find()).as("the sign-in form has its token").isTrue();
    s.client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + m.group(1) + "&username=" + user + "&password=" + password
            + "&next=%2Fstudies")).build(), HttpResponse.BodyHandlers.ofString());
    return s;
  }

  private String csrf = "";

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("data-csrf=\"([^\"]+)\"").matcher(r.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return r;
  }

  /** Posts a form with the session's CSRF token (from the last page read). */
  HttpResponse<String> post(String path, String... fields) throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder("_csrf=" + csrf);
    for (int i = 0; i < fields.length; i += 2) {
      body.append('&').append(fields[i]).append('=')
          .append(java.net.URLEncoder.encode(fields[i + 1], java.nio.charset.StandardCharsets.UTF_8));
    }
    return client.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }
}
