package org.tanji.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tanji.core.i18n.Messages;
import org.tanji.server.ServerConfig;
import org.tanji.server.TanjiServer;
import org.tanji.server.store.Database;
import org.tanji.server.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tanji serve [--port 8080] [--data DIR] [--db JDBC-URL]}: the HTTP API over embedded H2
 * or PostgreSQL, until stopped (Ctrl+C or SIGTERM).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--port", paramLabel = "PORT", descriptionKey = "serve.port")
  int port = ServerConfig.DEFAULT_PORT;

  @Option(names = "--host", paramLabel = "ADDRESS", descriptionKey = "serve.host")
  String host = "127.0.0.1";

  @Option(names = "--data", paramLabel = "DIR", descriptionKey = "serve.data")
  Path data;

  @Option(names = "--db", paramLabel = "JDBC-URL", descriptionKey = "serve.db")
  String db;

  @Option(names = "--db-user", paramLabel = "USER", descriptionKey = "serve.dbUser")
  String dbUser;

  @Option(names = "--max-upload", paramLabel = "MB", descriptionKey = "serve.maxUpload")
  int maxUploadMb = (int) (ServerConfig.DEFAULT_MAX_REQUEST / (1024 * 1024));

  @Option(names = "--token-hours", paramLabel = "HOURS", descriptionKey = "serve.tokenHours")
  int tokenHours = (int) ServerConfig.DEFAULT_TOKEN_TTL.toHours();

  @Option(names = "--demo", negatable = true, descriptionKey = "serve.demo")
  Boolean demo;

  @Option(names = "--trust-proxy", descriptionKey = "serve.trustProxy")
  boolean trustProxy;

  @Option(names = "--public-url", paramLabel = "URL", descriptionKey = "serve.publicUrl")
  String publicUrl;

  @Option(names = "--tls-keystore", paramLabel = "FILE", descriptionKey = "serve.tlsKeystore")
  Path tlsKeystore;

  @Option(names = "--tls-keystore-password-env", paramLabel = "VAR", descriptionKey = "serve.tlsKeystorePasswordEnv")
  String tlsKeystorePasswordEnv = "TANJI_TLS_KEYSTORE_PASSWORD";

  @Option(names = "--tls-cert", paramLabel = "FILE", descriptionKey = "serve.tlsCert")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "FILE", descriptionKey = "serve.tlsKey")
  Path tlsKey;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Where the embedded database lives when --data is not given. */
  static Path defaultDataDir() {
    String env = System.getenv("TANJI_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "tanji");
    }
    String localAppData = System.getenv("LOCALAPPDATA");
    if (localAppData != null && System.getProperty("os.name", "").startsWith("Windows")) {
      return Path.of(localAppData, "Tanji");
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "tanji");
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Locale locale = Locale.getDefault().getLanguage().equals("zh") ? Messages.ZH : Messages.EN;
    if (port < 0 || port > 65535 || maxUploadMb < 1 || tokenHours < 1) {
      err.println("tanji serve: " + Cli.text("serve.badNumber", locale));
      return Main.USAGE;
    }
    Path dataDir = data != null ? data : defaultDataDir();
    String secret = System.getenv("TANJI_KEY_SECRET");
    if (secret != null && secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
      err.println("tanji serve: " + Cli.text("serve.shortSecret", locale));
      return Main.USAGE;
    }
    if ((tlsKeystore != null && (tlsCert != null || tlsKey != null)) || (tlsCert == null) != (tlsKey == null)) {
      err.println("tanji serve: " + Cli.text("serve.tlsOptions", locale));
      return Main.USAGE;
    }
    ServerConfig.Tls tls = tlsKeystore != null
        ? ServerConfig.Tls.keystore(tlsKeystore, System.getenv(tlsKeystorePasswordEnv))
        : tlsCert != null ? ServerConfig.Tls.pem(tlsCert, tlsKey) : null;
    ServerConfig config = ServerConfig.builder(dataDir)
        .host(host)
        .port(port)
        .database(db, dbUser, System.getenv("TANJI_DB_PASSWORD"))
        .tokenTtl(Duration.ofHours(tokenHours))
        .maxRequestBytes(maxUploadMb * 1024L * 1024L)
        .adminPassword(blankToNull(System.getenv("TANJI_ADMIN_PASSWORD")))
        .demo(demo != null ? demo : db == null, blankToNull(System.getenv("TANJI_DEMO_PASSWORD")))
        .trustProxy(trustProxy)
        .keySecret(secret == null ? null : secret.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .verifyPerMinute(verifyPerMinute())
        .publicUrl(publicUrl)
        .tls(tls)
        .build();
    TanjiServer server;
    try {
      server = TanjiServer.start(config);
    } catch (StoreException e) {
      err.println("tanji serve: " + (e.text() == null ? e.getMessage()
          : Messages.render("org.tanji.server.messages", e.text(), locale)));
      return Main.USAGE;
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException && tls != null) { // a TLS file that cannot be used, named
        err.println("tanji serve: " + e.getMessage());
        return Main.USAGE;
      }
      if (hasCause(e, BindException.class)) {
        err.println("tanji serve: " + String.format(Cli.text("serve.portInUse", locale), host, port));
        return Main.USAGE;
      }
      throw e;
    }
    String where = db != null ? Database.redact(db)
        : "H2, " + dataDir.toAbsolutePath().resolve(Database.H2_FILE + ".mv.db");
    out.println(String.format(Cli.text("serve.started", locale), server.url(), where));
    server.generatedAdminPassword().ifPresent(pw ->
        out.println(String.format(Cli.text("serve.adminCreated", locale), pw)));
    if (server.demoCreated()) {
      out.println(server.generatedDemoPassword()
          .map(pw -> String.format(Cli.text("serve.demoCreated", locale), pw))
          .orElse(Cli.text("serve.demoCreatedGiven", locale)));
    }
    out.println(String.format(Cli.text("serve.open", locale), server.url()));
    out.println(String.format(Cli.text("serve.stop", locale), server.url()));
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "tanji-stop"));
    stopped.await();
    return Main.OK;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The verification page's limit per client address and minute: 60, or TANJI_VERIFY_PER_MINUTE (for benchmarks). */
  private static int verifyPerMinute() {
    String v = System.getenv("TANJI_VERIFY_PER_MINUTE");
    return v != null && v.matches("[1-9]\\d{0,8}") ? Integer.parseInt(v) : 60;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
