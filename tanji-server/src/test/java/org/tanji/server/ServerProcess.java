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
        .adminPassword(ApiTests.ADMIN_PASSWORD).loginsPerMinute(100_000);
    if (args.length > 1) {
      config.database(args[1], null, null);
    }
    TanjiServer server = TanjiServer.start(config.build());
    System.out.println("PORT " + server.port());
    System.out.flush();
  }
}
