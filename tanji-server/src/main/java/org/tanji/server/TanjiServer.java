package org.tanji.server;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tanji.io.library.FactorLibrary;
import org.tanji.server.adapter.Adapter;
import org.tanji.server.adapter.Incidents;
import org.tanji.server.adapter.Requests;
import org.tanji.server.adapter.Wiring;
import org.tanji.server.app.Services;
import org.tanji.server.app.AccountService;
import org.tanji.server.app.AuditService;
import org.tanji.server.app.IssueService;
import org.tanji.server.app.SigningKeys;
import org.tanji.server.app.WorkflowService;
import org.tanji.server.app.Computations;
import org.tanji.server.app.Env;
import org.tanji.server.app.Health;
import org.tanji.server.app.StudyService;
import org.tanji.server.http.Api;
import org.tanji.server.http.JettyErrors;
import org.tanji.server.store.Database;
import org.tanji.server.verify.Verification;
import org.tanji.server.web.Web;

/**
 * The Tanji server: the wiring. It opens the database, makes the application services over it
 * with the clock, ids and randomness they are given, and puts the adapters (the REST API, the web
 * pages, and any extra one of the configuration) in front of them on one Javalin server. Each
 * request goes to the first adapter that owns its path; the pages own every path no other does.
 */
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
      Env env = new Env(config.clock(), UUID::randomUUID, new SecureRandom());
      AuditService audit = new AuditService(db, env);
      AccountService accounts = new AccountService(db, env, config.tokenTtl(), config.loginsPerMinute(), audit);
      boolean firstStart = !accounts.hasUsers();
      Optional<String> generated = accounts.bootstrap(config.adminPassword());
      Computations computations = new Computations(FactorLibrary.builtIn(), config.cacheBytes());
      StudyService studies = new StudyService(db, env, computations, audit);
      WorkflowService workflow = new WorkflowService(db, env, accounts, audit, studies);
      SigningKeys signingKeys = new SigningKeys(db, env, keySecret(config, env));
      IssueService issues = new IssueService(db, env, studies, audit, signingKeys,
          config.publicUrl() == null ? "" : config.publicUrl());
      Optional<String> demoPassword = firstStart && config.demo()
          ? Demo.seed(accounts, studies, config.demoPassword()) : Optional.empty();
      Requests requests = new Requests(config.maxRequestBytes(), config.trustProxy());
      Services services = new Services(accounts, studies, workflow, issues, signingKeys, audit, new Health(db), env);
      Wiring wiring = new Wiring(services, requests, new Incidents(env, config.log()));
      List<Adapter> adapters = new ArrayList<>();
      for (Wiring.Factory f : config.extraAdapters()) {
        adapters.add(f.make(wiring));
      }
      adapters.add(new Api(wiring));
      adapters.add(new Verification(wiring, config.verifyPerMinute()));
      adapters.add(new Web(wiring)); // last: owns every path no other adapter does
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
          files.headers = Map.of("Cache-Control", "max-age=300");
        });
        cfg.routes.before(ctx -> owner(adapters, ctx).before(ctx));
        cfg.routes.exception(Exception.class, (e, ctx) -> owner(adapters, ctx).fail(ctx, e));
        // Javalin answers its own HttpResponseExceptions (404 for no route …) unless told otherwise
        cfg.routes.exception(HttpResponseException.class, (e, ctx) -> owner(adapters, ctx).fail(ctx, e));
        for (Adapter a : adapters) {
          a.register(cfg.routes);
        }
      }).start(config.host(), config.port());
      String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
      return new TanjiServer(app, db, generated.orElse(null), demoPassword.orElse(null),
          "http://" + host + ":" + app.port());
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private static Adapter owner(List<Adapter> adapters, Context ctx) {
    String path = ctx.path();
    for (Adapter a : adapters) {
      if (a.owns(path)) {
        return a;
      }
    }
    throw new IllegalStateException("no adapter owns " + path + ": the pages own every path");
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

  /**
   * The secret the organizations' signing keys are sealed with: the configured one (every process
   * on one database needs the same), else one kept in the data directory, made on first start.
   */
  private static byte[] keySecret(ServerConfig config, Env env) {
    if (config.keySecret() != null) {
      return config.keySecret();
    }
    Path file = config.dataDir().resolve("signing-key.secret");
    try {
      if (!Files.exists(file)) {
        createPrivateDirectory(config.dataDir());
        byte[] made = new byte[32];
        env.random().nextBytes(made);
        Path tmp = Files.createTempFile(config.dataDir(), "secret", ".tmp");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.write(tmp, made);
        try {
          Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException e) {
          Files.deleteIfExists(tmp); // another process made it first
        }
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
