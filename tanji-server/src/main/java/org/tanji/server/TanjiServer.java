package org.tanji.server;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.tanji.io.library.FactorLibrary;
import org.tanji.server.adapter.Adapter;
import org.tanji.server.adapter.Incidents;
import org.tanji.server.adapter.Requests;
import org.tanji.server.adapter.Wiring;
import org.tanji.server.app.Services;
import org.tanji.server.app.AccountService;
import org.tanji.server.app.AccountService.FirstAdmin;
import org.tanji.server.app.AuditService;
import org.tanji.server.app.IssueService;
import org.tanji.server.app.PartnerService;
import org.tanji.server.app.PactEvents;
import org.tanji.server.app.PactHostService;
import org.tanji.server.app.PartnerHttp;
import org.tanji.server.app.Sealer;
import org.tanji.server.app.SigningKeys;
import org.tanji.server.app.WorkflowService;
import org.tanji.server.app.Computations;
import org.tanji.server.app.FactorService;
import org.tanji.server.app.SupplierFetch;
import org.tanji.server.app.Env;
import org.tanji.server.app.Health;
import org.tanji.server.app.StudyService;
import org.tanji.server.http.Api;
import org.tanji.server.http.JettyErrors;
import org.tanji.server.pact.PactHost;
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
  private final PactEvents pactEvents;
  private final String generatedPassword;
  private final String demoPassword;
  private final String url;

  private TanjiServer(Javalin app, Database db, PactEvents pactEvents, String generatedPassword, String demoPassword,
      String url) {
    this.app = app;
    this.db = db;
    this.pactEvents = pactEvents;
    this.generatedPassword = generatedPassword;
    this.demoPassword = demoPassword;
    this.url = url;
  }

  /**
   * Jetty pads some of its counters against false sharing by the JVM's reference width, which it
   * reads through the JMX platform server unless a system property gives it: starting JMX loaded
   * ~300 classes on the main thread, about a tenth of a start on an existing folder. Unless the
   * operator set it, the property is set here: a heap under 32 GB has compressed (4-byte)
   * references, 16 to a 64-byte cache line; a wrong guess costs only padding, not correctness.
   */
  private static void tellJettyTheReferenceWidth() {
    String key = "org.eclipse.jetty.util.referencesPerCacheLine";
    if (System.getProperty(key) == null) {
      System.setProperty(key, Runtime.getRuntime().maxMemory() < (32L << 30) ? "16" : "8");
    }
  }

  /**
   * Opens (or creates) the database, creates the first admin on first start, and starts
   * listening. Returns once the first admin (and the demo) exist; a request that arrives earlier
   * waits for them, so nobody can sign in as {@code admin} before the admin exists.
   *
   * @throws org.tanji.server.store.StoreException when the database cannot be opened or migrated
   */
  public static TanjiServer start(ServerConfig config) {
    tellJettyTheReferenceWidth();
    Env env = new Env(config.clock(), UUID::randomUUID, new SecureRandom());
    String dbUrl = config.dbUrl();
    // Hashing the first admin's password is a first start's longest step and needs no database: a
    // new embedded database has no users, so the hash is made while the rest starts.
    CompletableFuture<FirstAdmin> firstAdmin = null;
    boolean newDatabase = false;
    if (dbUrl == null) {
      createPrivateDirectory(config.dataDir());
      newDatabase = !Database.h2Exists(config.dataDir());
      if (newDatabase) {
        firstAdmin = aside("tanji-first-admin", () -> FirstAdmin.of(config.adminPassword(), env.random()));
      }
      dbUrl = Database.h2Url(config.dataDir());
    }
    // The pool opens (H2 reads its schema back) on a thread of its own; Flyway, when a migration is
    // due, takes about a second more (its own start-up, mostly loading its classes). The services,
    // the pages and Jetty start meanwhile: none of them reads the database before a request, and
    // requests wait for the migration (see ready), which waits for the pool.
    Database db = Database.opening(dbUrl, config.dbUser(), config.dbPassword(), 16);
    // Jetty's MimeTypes asks for every locale the JDK has (~35 ms of locale data; the JDK keeps the
    // answer): on an existing database, where the main thread is what a start waits for, that is
    // begun on a thread of its own. On a new database the start waits for the migration instead
    // (Flyway, ~0.4 s of CPU), which one more thread beside it would only slow on two cores. (The
    // HTTP client for partners' hosts, with the JDK's TLS set-up, is made on its first call.)
    if (!newDatabase) {
      aside("tanji-locales", Locale::getAvailableLocales);
    }
    CompletableFuture<Void> migrated = aside("tanji-migrate", () -> {
      db.migrate();
      return null;
    });
    // completed once the schema is current and a first start's users exist: every request waits for it
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Javalin app = null;
    PactEvents pactEvents = null;
    try {
      AuditService audit = new AuditService(db, env);
      AccountService accounts = new AccountService(db, env, config.tokenTtl(), config.loginsPerMinute(), audit);
      Computations computations = new Computations(FactorLibrary.builtIn(), config.cacheBytes());
      FactorService factors = new FactorService(db, env, FactorLibrary.builtIn(), audit);
      StudyService studies = new StudyService(db, env, computations, audit, factors);
      WorkflowService workflow = new WorkflowService(db, env, accounts, audit, studies);
      byte[] keySecret = keySecret(config, env);
      SigningKeys signingKeys = new SigningKeys(db, env, keySecret);
      PartnerService partners = new PartnerService(db, env, audit, new Sealer(keySecret, "pact-partner", env.random()));
      PactHostService pact = new PactHostService(db, env, config.loginsPerMinute());
      PartnerHttp partnerHttp = new PartnerHttp();
      pactEvents = new PactEvents(db, pact, partners, env, config.pactQueue(), Duration.ofSeconds(2), config.log(),
          partnerHttp);
      IssueService issues = new IssueService(db, env, studies, audit, signingKeys,
          config.publicUrl() == null ? "" : config.publicUrl(), pact);
      Requests requests = new Requests(config.maxRequestBytes(), config.trustProxy());
      Services services = new Services(accounts, studies, workflow, issues, signingKeys, audit, new Health(db), env,
          partners, pact, pactEvents, factors, new SupplierFetch(partners, factors, partnerHttp));
      Wiring wiring = new Wiring(services, requests, new Incidents(env, config.log()));
      List<Adapter> adapters = new ArrayList<>();
      for (Wiring.Factory f : config.extraAdapters()) {
        adapters.add(f.make(wiring));
      }
      adapters.add(new Api(wiring));
      adapters.add(new PactHost(wiring));
      adapters.add(new Verification(wiring, config.verifyPerMinute()));
      adapters.add(new Web(wiring)); // last: owns every path no other adapter does
      long max = config.maxRequestBytes();
      app = Javalin.create(cfg -> {
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
        config.tls().ifPresent(tls -> cfg.jetty.addConnector((server, http) ->
            TlsConnector.of(server, http, tls, config.host(), config.port())));
        // Javalin's own handler reads the files through the class loader, which has the jar open
        // already; Jetty's would mount the whole 25,000-entry jar as a zip file system first.
        cfg.resourceHandler(new JavalinStaticResourceHandler());
        cfg.staticFiles.enableWebjars();
        cfg.staticFiles.add(files -> {
          files.hostedPath = "/static";
          files.directory = "/org/tanji/server/web/static";
          files.location = Location.CLASSPATH;
          files.headers = Map.of("Cache-Control", "max-age=300");
        });
        cfg.routes.before(ctx -> {
          ready.join();
          owner(adapters, ctx).before(ctx);
        });
        cfg.routes.exception(Exception.class, (e, ctx) -> owner(adapters, ctx).fail(ctx, e));
        // Javalin answers its own HttpResponseExceptions (404 for no route …) unless told otherwise
        cfg.routes.exception(HttpResponseException.class, (e, ctx) -> owner(adapters, ctx).fail(ctx, e));
        for (Adapter a : adapters) {
          a.register(cfg.routes);
        }
      });
      // Jetty listens while the migration and the hash may still run; requests wait in the
      // before-handler until the schema is current and the first admin (and the demo) exist.
      app.start(config.host(), config.port());
      // a new database's demo user: its password hashed here, in time the main thread would
      // otherwise spend waiting for the migration (a thread of its own would slow the migration)
      FirstAdmin demoUser = newDatabase && config.demo() ? FirstAdmin.of(config.demoPassword(), env.random()) : null;
      await(migrated);
      boolean firstStart = !accounts.hasUsers();
      Optional<String> generated = Optional.empty();
      if (firstStart) { // a new embedded database, or PostgreSQL's (or an H2 file's) without users
        generated = accounts.bootstrap(firstAdmin != null ? await(firstAdmin)
            : FirstAdmin.of(config.adminPassword(), env.random()));
      }
      Optional<String> demoPassword = firstStart && config.demo()
          ? Demo.seed(accounts, studies, demoUser != null ? demoUser
              : FirstAdmin.of(config.demoPassword(), env.random())) : Optional.empty();
      ready.complete(null);
      pactEvents.start();
      String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
      return new TanjiServer(app, db, pactEvents, generated.orElse(null), demoPassword.orElse(null),
          (config.tls().isPresent() ? "https://" : "http://") + host + ":" + app.port());
    } catch (RuntimeException e) {
      ready.completeExceptionally(e);
      if (app != null) {
        app.stop();
      }
      if (pactEvents != null) {
        pactEvents.close();
      }
      migrated.exceptionally(ignored -> null).join(); // no migration running when the pool closes
      db.close();
      throw e;
    }
  }

  /** Runs work on a thread of its own, which does not keep the JVM alive. */
  private static <T> CompletableFuture<T> aside(String name, Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, task -> {
      Thread t = new Thread(task, name);
      t.setDaemon(true);
      t.start();
    });
  }

  /** The result of work run aside; its failure as thrown there (a StoreException says what went wrong). */
  private static <T> T await(CompletableFuture<T> work) {
    try {
      return work.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
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
    pactEvents.close();
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
