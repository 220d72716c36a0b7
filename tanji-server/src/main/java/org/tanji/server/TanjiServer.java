package org.tanji.server;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.tanji.server.http.Api;
import org.tanji.server.http.JettyErrors;
import org.tanji.server.store.Accounts;
import org.tanji.server.store.Database;
import org.tanji.server.store.Studies;
import org.tanji.server.web.Web;

/** The Tanji server: the REST API and the web pages over the database, started and stopped as one. */
public final class TanjiServer implements AutoCloseable {

  private final Javalin app;
  private final Database db;
  private final String generatedPassword;
  private final String demoPassword;
  private final String url;

  private TanjiServer(Javalin app, Database db, String generatedPassword, String demoPassword, String url) {
    this.app = app;
    this.db = db;
    this.generatedPassword = generatedPassword;
    this.demoPassword = demoPassword;
    this.url = url;
  }

  /**
   * Opens (or creates) the database, creates the first admin on first start, and starts
   * listening.
   *
   * @throws org.tanji.server.store.StoreException when the database cannot be opened or migrated
   */
  public static TanjiServer start(ServerConfig config) {
    String dbUrl = config.dbUrl();
    if (dbUrl == null) {
      createPrivateDirectory(config.dataDir());
      dbUrl = Database.h2Url(config.dataDir());
    }
    Database db = Database.open(dbUrl, config.dbUser(), config.dbPassword(), 16);
    try {
      Accounts accounts = new Accounts(db, config.clock(), config.tokenTtl());
      boolean firstStart = !accounts.hasUsers();
      Optional<String> generated = accounts.bootstrap(config.adminPassword());
      Studies studies = new Studies(db, config.clock());
      Api api = new Api(db, accounts, studies, config.clock(), config.maxRequestBytes(), config.cacheBytes(),
          config.loginsPerMinute(), config.log());
      Optional<String> demoPassword = firstStart && config.demo()
          ? Demo.seed(accounts, studies, api.computations(), config.demoPassword()) : Optional.empty();
      Web web = new Web(api, accounts, studies, config.clock());
      long max = config.maxRequestBytes();
      Javalin app = Javalin.create(cfg -> {
        cfg.startup.showJavalinBanner = false;
        cfg.http.maxRequestSize = max;
        cfg.jetty.multipartConfig.maxFileSize(max, SizeUnit.BYTES);
        cfg.jetty.multipartConfig.maxTotalRequestSize(max, SizeUnit.BYTES);
        cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        cfg.jetty.modifyHttpConfiguration(h -> {
          h.setRequestHeaderSize(16 * 1024);
          h.setSendServerVersion(false);
        });
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        cfg.staticFiles.enableWebjars();
        cfg.staticFiles.add(files -> {
          files.hostedPath = "/static";
          files.directory = "/org/tanji/server/web/static";
          files.location = Location.CLASSPATH;
          files.headers = java.util.Map.of("Cache-Control", "max-age=300");
        });
        api.register(cfg.routes);
        web.register(cfg.routes);
      }).start(config.host(), config.port());
      String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
      return new TanjiServer(app, db, generated.orElse(null), demoPassword.orElse(null),
          "http://" + host + ":" + app.port());
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** The port listened on (the one picked when 0 was asked for). */
  public int port() {
    return app.port();
  }

  /** Where the server answers, such as {@code http://127.0.0.1:8080}. */
  public String url() {
    return url;
  }

  /** The admin password generated on this first start, to be shown once; empty otherwise. */
  public Optional<String> generatedAdminPassword() {
    return Optional.ofNullable(generatedPassword);
  }

  /** The demo user's password generated on this first start, to be shown once; empty otherwise. */
  public Optional<String> generatedDemoPassword() {
    return Optional.ofNullable(demoPassword).filter(p -> !p.isEmpty());
  }

  /** True when this start created the demo organization. */
  public boolean demoCreated() {
    return demoPassword != null;
  }

  /** "H2" or "PostgreSQL". */
  public String database() {
    return db.product();
  }

  @Override
  public void close() {
    app.stop();
    db.close();
  }

  /** The data directory, readable by its owner only where the file system knows owners. */
  private static void createPrivateDirectory(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectories(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
