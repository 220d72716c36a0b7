package org.tanji.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class PartnerHttpTest {

  @Test
  void get_oneClient_neverFollowsRedirects_waitsTenSecondsToConnect() {
    PartnerHttp http = new PartnerHttp();
    HttpClient c = http.get();
    assertThat(http.get()).isSameAs(c);
    assertThat(c.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    assertThat(c.connectTimeout()).contains(Duration.ofSeconds(10));
  }
}
