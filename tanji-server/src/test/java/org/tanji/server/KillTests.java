package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Kills the server with SIGKILL in the middle of a burst of writes, starts it again on the same
 * database, and checks that every write it had acknowledged is there, byte for byte.
 */
abstract class KillTests {

  abstract String databaseUrl();

  @Test
  void noAcknowledgedWriteIsLostWhenTheServerIsKilled() throws Exception {
    Path data = Files.createTempDirectory("tanji-kill");
    String url = databaseUrl();
    Process process = startServer(data, url);
    Http http = new Http("http://127.0.0.1:" + port(process));
    String token = http.login("admin", ApiTests.ADMIN_PASSWORD);
    byte[] seed = ApiTests.example("seed-003-steel-balls.yaml");

    // acknowledged writes: study id -> the bytes of its last acknowledged version, and that version
    Map<String, byte[]> created = new ConcurrentHashMap<>();
    Map<Integer, byte[]> edits = new ConcurrentHashMap<>();
    String edited = http.send("POST", "/api/studies", token, ApiTests.YAML, seed).json().get("id").asText();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      int writer = w;
      writers.add(new Thread(() -> {
        for (int i = 0; !stop.get(); i++) {
          // each file differs (a comment), so a lost or mixed-up write cannot pass for another
          byte[] body = (new String(seed, StandardCharsets.UTF_8) + "\n# writer " + writer + " write " + i + "\n")
              .getBytes(StandardCharsets.UTF_8);
          try {
            Http.Resp r = http.send("POST", "/api/studies", token, ApiTests.YAML, body);
            if (r.status() == 201) {
              created.put(r.json().get("id").asText(), body);
            }
          } catch (RuntimeException e) {
            return; // the server is gone
          }
        }
      }));
    }
    writers.add(new Thread(() -> {
      int version = 1;
      while (!stop.get()) {
        byte[] body = (new String(seed, StandardCharsets.UTF_8) + "\n# version " + (version + 1) + "\n")
            .getBytes(StandardCharsets.UTF_8);
        try {
          Http.Resp r = http.send("PUT", "/api/studies/" + edited, token, ApiTests.YAML, body,
              "If-Match", "\"" + version + "\"");
          if (r.status() == 200) {
            version = r.json().get("version").asInt();
            edits.put(version, body);
          }
        } catch (RuntimeException e) {
          return;
        }
      }
    }));
    writers.forEach(Thread::start);
    // kill once enough writes are acknowledged, however fast this machine is (not after a fixed time)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while ((created.size() <= 30 || edits.size() <= 8) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    process.destroyForcibly(); // SIGKILL: no shutdown hook, no close
    process.waitFor(30, TimeUnit.SECONDS);
    stop.set(true);
    for (Thread t : writers) {
      t.join(30_000);
    }
    System.out.printf("kill test (%s): %d studies and %d versions acknowledged before SIGKILL%n",
        url == null ? "H2" : "PostgreSQL", created.size(), edits.size());
    assertThat(created.size()).as("writes acknowledged before the kill").isGreaterThan(20);
    assertThat(edits.size()).isGreaterThan(5);

    Process again = startServer(data, url);
    try {
      Http after = new Http("http://127.0.0.1:" + port(again));
      String t = after.login("admin", ApiTests.ADMIN_PASSWORD);
      for (Map.Entry<String, byte[]> e : created.entrySet()) {
        Http.Resp file = after.get("/api/studies/" + e.getKey() + "/file", t);
        assertThat(file.status()).as("acknowledged study " + e.getKey()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(e.getValue());
      }
      for (Map.Entry<Integer, byte[]> e : edits.entrySet()) {
        Http.Resp file = after.get("/api/studies/" + edited + "/versions/" + e.getKey() + "/file", t);
        assertThat(file.status()).as("acknowledged version " + e.getKey()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(e.getValue());
      }
      // and the database is usable: a new version on top of the last one
      int current = after.get("/api/studies/" + edited, t).json().get("currentVersion").asInt();
      assertThat(current).isGreaterThanOrEqualTo(edits.keySet().stream().max(Integer::compare).orElseThrow());
      assertThat(after.send("PUT", "/api/studies/" + edited, t, ApiTests.YAML, seed, "If-Match", "\"" + current + "\"")
          .status()).isEqualTo(200);
    } finally {
      again.destroy();
      again.waitFor(30, TimeUnit.SECONDS);
    }
  }

  static Process startServer(Path data, String url) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        ServerProcess.class.getName(), data.toString()));
    if (url != null) {
      cmd.add(url);
    }
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  /** Reads the child's output until it says where it listens. */
  static int port(Process p) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = r.readLine()) != null; ) {
      if (line.startsWith("PORT ")) {
        Thread drain = new Thread(() -> {
          try {
            r.transferTo(java.io.Writer.nullWriter());
          } catch (IOException e) {
            // the process ended
          }
        });
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(line.substring(5).strip());
      }
      seen.append(line).append('\n');
    }
    throw new UncheckedIOException(new IOException("the server process ended without listening:\n" + seen));
  }
}
