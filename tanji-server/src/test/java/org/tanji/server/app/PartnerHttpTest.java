package org.tanji.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class PartnerHttpTest {

  @Test
  void get_oneClientForEveryCaller_evenAtOnce() throws Exception {
    PartnerHttp http = new PartnerHttp();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<HttpClient>> calls = IntStream.range(0, 8).<Callable<HttpClient>>mapToObj(i -> http::get).toList();
      List<HttpClient> clients = pool.invokeAll(calls).stream().map(PartnerHttpTest::done).toList();
      assertThat(clients).allSatisfy(c -> assertThat(c).isSameAs(http.get()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void get_neverFollowsRedirects_waitsTenSecondsToConnect() {
    HttpClient c = new PartnerHttp().get();
    assertThat(c.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    assertThat(c.connectTimeout()).contains(Duration.ofSeconds(10));
  }

  private static HttpClient done(Future<HttpClient> f) {
    try {
      return f.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
