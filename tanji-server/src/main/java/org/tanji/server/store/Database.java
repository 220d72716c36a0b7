package org.tanji.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * The server's database: embedded H2 in a file, or PostgreSQL; a connection pool; the schema
 * created and upgraded by Flyway migrations ({@code db/migration} beside this class).
 */
public final class Database implements AutoCloseable {

  /** The file the embedded database lives in, without H2's {@code .mv.db} ending. */
  public static final String H2_FILE = "tanji";

  private final HikariDataSource pool;
  private final String url;
  private final String product;

  private Database(HikariDataSource pool, String url, String product) {
    this.pool = pool;
    this.url = url;
    this.product = product;
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
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new StoreException("db.unsupported", url);
    }
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
      return new Database(pool, url, c.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      pool.close();
      throw new StoreException("db.cannotOpen", redact(url), rootMessage(e));
    }
  }

  /**
   * Creates or upgrades the schema with the Flyway migrations.
   *
   * @throws StoreException when a migration fails; the message says why
   */
  public void migrate() {
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:org/tanji/server/db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      throw new StoreException("db.cannotMigrate", redact(url), rootMessage(e));
    }
  }

  /** "H2" or "PostgreSQL". */
  public String product() {
    return product;
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
    try (Connection c = pool.getConnection()) {
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

  @Override
  public void close() {
    pool.close();
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
