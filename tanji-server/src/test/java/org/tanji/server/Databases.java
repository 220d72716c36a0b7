package org.tanji.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases tests run against: real PostgreSQL from binaries on Maven Central (one server per
 * test JVM, a fresh database per caller), and H2 in a temporary folder. Nothing is mocked.
 */
final class Databases {

  private static EmbeddedPostgres postgres;
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private Databases() {}

  /** A new, empty PostgreSQL database: its JDBC URL, user and password included. */
  static synchronized String newPostgres() {
    if (postgres == null) {
      try {
        // the library turns durability off for speed; the kill test needs it on, as in production
        postgres = EmbeddedPostgres.builder()
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres pg = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException e) {
          // the JVM is ending; the temporary cluster goes with it
        }
      }));
    }
    String name = "tanji_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name + "?user=postgres";
  }
}
