package org.tanji.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * The server's database: embedded H2 in a file, or PostgreSQL; a connection pool; the schema
 * created and upgraded by Flyway migrations ({@code db/migration} beside this class).
 */
public final class Database implements AutoCloseable {

  /** Where the migration scripts are, on the class path. */
  private static final String MIGRATIONS = "org/tanji/server/db/migration";

  /** The file the embedded database lives in, without H2's {@code .mv.db} ending. */
  public static final String H2_FILE = "tanji";

  /** The pool and the product it reaches, once open. */
  private record Open(HikariDataSource pool, String product) {}

  /** Complete once the pool is open, or failed with the StoreException that says why it is not. */
  private final CompletableFuture<Open> opening;
  private final String url;

  private Database(CompletableFuture<Open> opening, String url) {
    this.opening = opening;
    this.url = url;
  }

  /**
   * The embedded database in a directory. {@code WRITE_DELAY=0}: H2 writes each commit before it
   * answers, so a killed server loses no acknowledged write (H2's default delays up to half a second).
   */
  public static String h2Url(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(H2_FILE) + ";WRITE_DELAY=0";
  }

  /** Whether the embedded database of a directory exists (H2 keeps it in {@code tanji.mv.db}). */
  public static boolean h2Exists(Path dataDir) {
    return Files.exists(dataDir.resolve(H2_FILE + ".mv.db"));
  }

  /**
   * Opens the database at a JDBC URL and brings its schema up to date.
   *
   * @throws StoreException when the database cannot be reached or migrated; the message says why
   */
  public static Database open(String url, String user, String password, int poolSize) {
    Database db = connect(url, user, password, poolSize);
    try {
      db.migrate();
    } catch (StoreException e) {
      db.close();
      throw e;
    }
    return db;
  }

  /**
   * Opens the database at a JDBC URL without touching its schema: {@link #migrate()} is to follow
   * before any other use. The server runs the two apart, the migration beside its own start.
   *
   * @throws StoreException when the database cannot be reached; the message says why
   */
  public static Database connect(String url, String user, String password, int poolSize) {
    checkSupported(url);
    return new Database(CompletableFuture.completedFuture(openPool(url, user, password, poolSize)), url);
  }

  /**
   * As {@link #connect}, but returns at once and opens the pool on a thread of its own: H2 reading
   * its schema back takes about a tenth of a second, which the server's start spends on its other
   * steps meanwhile. Every use of the database waits until the pool is open; when it cannot be
   * opened, every use (the migration first) throws the StoreException that says why.
   *
   * @throws StoreException for a URL of a database Tanji does not support (at once)
   */
  public static Database opening(String url, String user, String password, int poolSize) {
    checkSupported(url);
    CompletableFuture<Open> open = new CompletableFuture<>();
    Thread opener = new Thread(() -> {
      try {
        open.complete(openPool(url, user, password, poolSize));
      } catch (RuntimeException | Error e) {
        open.completeExceptionally(e);
      }
    }, "tanji-db-open");
    opener.setDaemon(true);
    opener.start();
    return new Database(open, url);
  }

  private static void checkSupported(String url) {
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new StoreException("db.unsupported", url);
    }
  }

  private static Open openPool(String url, String user, String password, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("tanji");
    config.setAutoCommit(true);
    config.setInitializationFailTimeout(10_000);
    config.setConnectionTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("db.cannotOpen", redact(url), rootMessage(e));
    }
    try (Connection c = pool.getConnection()) {
      return new Open(pool, c.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      pool.close();
      throw new StoreException("db.cannotOpen", redact(url), rootMessage(e));
    }
  }

  /**
   * The open pool, waiting for it while it opens.
   *
   * @throws StoreException when it could not be opened
   */
  private Open open() {
    try {
      return opening.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof StoreException s) {
        throw s;
      }
      // a failure openPool did not foresee (a driver's bug, out of memory): said as one that could not open
      throw new StoreException("db.cannotOpen", redact(url), rootMessage(e));
    }
  }

  /**
   * Creates or upgrades the schema with the Flyway migrations.
   *
   * @throws StoreException when a migration fails; the message says why
   */
  public void migrate() {
    if (schemaCurrent()) {
      return;
    }
    try {
      Flyway.configure()
          .dataSource(open().pool())
          .locations("classpath:" + MIGRATIONS)
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new StoreException("db.cannotMigrate", redact(url), rootMessage(e));
    }
  }

  /**
   * Whether the schema is exactly what the migrations this build carries make: each applied, in
   * order, successfully, with the script name and checksum Flyway recorded (computed by Flyway's
   * own checksum code), and nothing else applied. Then {@link #migrate()} does not start Flyway,
   * which takes about a second even when there is nothing to do (its start-up: plugins, database
   * detection, scanning the 25,000-entry jar, validation), on every start of an existing database.
   * Anything else (a new database, a new migration, a changed or failed script, a database of a
   * newer Tanji, a history this check cannot read) is left to Flyway, which migrates or refuses
   * as before.
   */
  boolean schemaCurrent() {
    // the history first: a new database has none, and then listing the scripts (a walk through the
    // jar's ~34,000 entries, ~25 ms) would be wasted on a first start's critical path
    List<String> applied = new ArrayList<>();
    try (Connection c = open().pool().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"script\", \"checksum\", \"success\" FROM \"flyway_schema_history\""
            + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        if (!rs.getBoolean(3) || rs.getObject(2) == null) {
          return false;
        }
        applied.add(rs.getString(1) + " " + rs.getInt(2));
      }
    } catch (SQLException e) {
      return false; // no history table yet (a new database), or one this check does not know: Flyway decides
    }
    Optional<List<String>> scripts = bundledScripts();
    if (scripts.isEmpty() || scripts.get().isEmpty()) {
      return false;
    }
    List<String> expected = new ArrayList<>();
    try {
      for (String script : scripts.get()) {
        expected.add(script + " " + ChecksumCalculator.calculate(new ClassPathResource(null, MIGRATIONS + "/" + script,
            Database.class.getClassLoader(), StandardCharsets.UTF_8)));
      }
    } catch (RuntimeException e) {
      return false; // a script Flyway's checksum code cannot read: Flyway decides, and says why
    }
    return applied.equals(expected);
  }

  /**
   * The names of the migration scripts on the class path ({@code V1__accounts_and_studies.sql} …)
   * in the order of their versions, from the folder of the classes or the jar the server runs
   * from; empty when they cannot be listed here (then Flyway, which scans, decides).
   */
  static Optional<List<String>> bundledScripts() {
    URL folder = Database.class.getClassLoader().getResource(MIGRATIONS);
    if (folder == null) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    try {
      if (folder.getProtocol().equals("file")) {
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
          files.forEach(f -> names.add(f.getFileName().toString()));
        }
      } else if (folder.getProtocol().equals("jar")) {
        JarURLConnection connection = (JarURLConnection) folder.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (name.startsWith(MIGRATIONS + "/") && name.indexOf('/', MIGRATIONS.length() + 1) < 0) {
              names.add(name.substring(MIGRATIONS.length() + 1));
            }
          }
        }
      } else {
        return Optional.empty();
      }
    } catch (IOException | URISyntaxException e) {
      return Optional.empty();
    }
    List<String> scripts = new ArrayList<>();
    for (String name : names) {
      if (!name.isEmpty() && !name.matches("V[0-9]+__[A-Za-z0-9_]+\\.sql")) {
        return Optional.empty(); // a kind of migration this check does not know: Flyway decides
      }
      if (!name.isEmpty()) {
        scripts.add(name);
      }
    }
    scripts.sort((a, b) -> Integer.compare(version(a), version(b)));
    return Optional.of(scripts);
  }

  private static int version(String script) {
    return Integer.parseInt(script.substring(1, script.indexOf("__")));
  }

  /** "H2" or "PostgreSQL". */
  public String product() {
    return open().product();
  }

  /**
   * Runs work in one transaction: committed when the outermost call returns, rolled back when it
   * throws. A call made while this thread is inside a transaction joins it, so a service may call
   * others (and repositories) and still commit once: a change and its audit record go together.
   */
  public <T> T inTransaction(Work<T> work) {
    Handle joined = CURRENT.get();
    if (joined != null) {
      return work.run(joined);
    }
    try (Connection c = open().pool().getConnection()) {
      c.setAutoCommit(false);
      Handle h = new Handle(c);
      CURRENT.set(h);
      try {
        T result = work.run(h);
        c.commit();
        return result;
      } catch (RuntimeException | Error e) {
        rollback(c, e);
        throw e;
      } finally {
        CURRENT.remove();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** The transaction this thread is in, if any. */
  private static final ThreadLocal<Handle> CURRENT = new ThreadLocal<>();

  /** Whether this thread is inside a transaction (for tests of composition). */
  public static boolean inTransactionNow() {
    return CURRENT.get() != null;
  }

  /** Closes the pool; one still opening is waited for, then closed; one that failed to open has nothing to close. */
  @Override
  public void close() {
    Open open = opening.exceptionally(failed -> null).join();
    if (open != null) {
      open.pool().close();
    }
  }

  /** Work in a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Handle h);
  }

  /** A URL without its password parameter, for messages. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
