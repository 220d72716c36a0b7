package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The start: Jetty listens while the migration, the first admin's hash and the demo may still be
 * under way, so the first test knocks from the moment the port opens; the demo (hundreds of
 * milliseconds of studies stored after Jetty listens) makes the window wide.
 */
final class TanjiServerTest {

  private static final String PASSWORD = "first-admin-password";
  private static final String DEMO_PASSWORD = "demo-user-password";
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void start_firstStart_noRequestIsAnsweredBeforeItsUsersExist() throws Exception {
    Path dir = Files.createTempDirectory("tanji-start");
    int port = freePort();
    CompletableFuture<TanjiServer> starting = CompletableFuture.supplyAsync(() -> TanjiServer.start(
        ServerConfig.builder(dir).port(port).adminPassword(PASSWORD).demo(true, DEMO_PASSWORD).build()));
    // the first answer the port gives, asked again and again from before it listens
    HttpResponse<String> first = null;
    while (first == null) {
      assertThat(starting).as("the server failed to start").isNotCompletedExceptionally();
      try {
        first = signIn(port, "demo", DEMO_PASSWORD);
      } catch (ConnectException notYetListening) {
        Thread.sleep(1);
      }
    }
    try (TanjiServer server = starting.get(60, TimeUnit.SECONDS)) {
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(signIn(port, "admin", PASSWORD).statusCode()).isEqualTo(200);
      assertThat(server.generatedAdminPassword()).isEmpty();
    }
  }

  @Test
  void start_existingFolder_keepsTheFirstAdmin() throws Exception {
    Path dir = Files.createTempDirectory("tanji-restart");
    try (TanjiServer server = TanjiServer.start(ServerConfig.builder(dir).port(0).build())) {
      String generated = server.generatedAdminPassword().orElseThrow();
      assertThat(signIn(server.port(), "admin", generated).statusCode()).isEqualTo(200);
    }
    try (TanjiServer again = TanjiServer.start(ServerConfig.builder(dir).port(0).adminPassword(PASSWORD).build())) {
      assertThat(again.generatedAdminPassword()).isEmpty();
      // the given password counts on a first start only
      assertThat(signIn(again.port(), "admin", PASSWORD).statusCode()).isEqualTo(401);
    }
  }

  private static HttpResponse<String> signIn(int port, String user, String password)
      throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/login"))
        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
