package org.tanji.server;

import java.nio.file.Path;

/**
 * A server in a process of its own, for the test that kills it: {@code ServerProcess DATA-DIR
 * [JDBC-URL]}. Prints "PORT n" when it listens.
 */
public final class ServerProcess {

  private ServerProcess() {}

  public static void main(String[] args) {
    ServerConfig.Builder config = ServerConfig.builder(Path.of(args[0])).port(0)
        .adminPassword(ApiTests.ADMIN_PASSWORD).loginsPerMinute(100_000)
        // every process on one database seals the organizations' signing keys with the same secret
        .keySecret("a key secret the test processes share, 32+ bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (args.length > 1) {
      config.database(args[1], null, null);
    }
    TanjiServer server = TanjiServer.start(config.build());
    System.out.println("PORT " + server.port());
    System.out.flush();
  }
}
