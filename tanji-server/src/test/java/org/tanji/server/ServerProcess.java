package org.tanji.server;

import java.nio.file.Path;

/**
 * A server in a process of its own, for the test that kills it: {@code ServerProcess DATA-DIR
 * [JDBC-URL]}. Prints "PORT n" when it listens.
 */
public final class ServerProcess {

  private ServerProcess() {}

  public static void main(String[] args) {
    ServerConfig config = ServerConfig.defaults(Path.of(args[0])).withPort(0)
        .withAdminPassword(ApiTests.ADMIN_PASSWORD).withLoginsPerMinute(100_000);
    if (args.length > 1) {
      config = config.withDatabase(args[1], null, null);
    }
    TanjiServer server = TanjiServer.start(config);
    System.out.println("PORT " + server.port());
    System.out.flush();
  }
}
