package org.tanji.server.app;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one HTTP client through which the server calls partners' PACT hosts (a supplier fetch, an
 * answer to a partner's request event), made when the first call is made.
 *
 * <p>Building a client loads the JDK's TLS set-up and its trusted certificates: about 90 ms of CPU,
 * and as much again for the compilers, that a start used to spend although most starts never call
 * a partner before they answer their first request (bench/startup-profile.sh). Redirects are never
 * followed: a bearer token must not travel to another host.
 */
public final class PartnerHttp implements Supplier<HttpClient> {

  private final Lazy<HttpClient> client = Lazy.of(() -> HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build());

  @Override
  public HttpClient get() {
    return client.get();
  }
}
