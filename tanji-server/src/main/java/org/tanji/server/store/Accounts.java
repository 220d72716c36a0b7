package org.tanji.server.store;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Organizations, users, passwords and bearer tokens. */
public final class Accounts {

  /** The user created on first start. */
  public static final String ADMIN = "admin";
  /** The organization of the first admin: the people who run the installation. */
  public static final String OPERATOR_ORG = "Tanji";

  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD = 200;
  private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,100}");

  /**
   * Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): tens of milliseconds per login on a
   * server, years per password for an attacker with the database.
   */
  private static final Argon2Function KDF = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
  private static final SecureRandom RANDOM = new SecureRandom();
  /**
   * Compared against when the user does not exist, so that the answer takes as long either way;
   * made on first need (a hash costs a tenth of a second, not to be spent at every start).
   */
  private static final class Dummy {
    static final String HASH = Password.hash("not a password").addRandomSalt(16).with(KDF).getResult();
  }

  private final Database db;
  private final Clock clock;
  private final Duration tokenTtl;

  public Accounts(Database db, Clock clock, Duration tokenTtl) {
    this.db = db;
    this.clock = clock;
    this.tokenTtl = tokenTtl;
  }

  /** A new token and when it expires. */
  public record Token(String value, Instant expiresAt) {}

  /** A user as listed to admins. */
  public record User(long id, String username, Role role, Instant createdAt) {}

  /** An organization as listed to the operator. */
  public record Org(long id, String name, boolean operator, Instant createdAt, int users) {}

  /**
   * On first start (no users at all), creates the operator organization and its {@code admin}.
   *
   * @param password the admin's password, or null to generate one
   * @return the password when one was generated (to be shown once), else empty
   */
  public Optional<String> bootstrap(String password) {
    if (hasUsers()) {
      return Optional.empty();
    }
    String pw = password != null ? password : generatePassword();
    String hash = hash(pw);
    try {
      db.inTransaction(c -> {
        long org = insertOrg(c, OPERATOR_ORG, true);
        insertUser(c, org, ADMIN, hash, Role.ADMIN);
        return null;
      });
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException s && StoreException.isUniqueViolation(s)) {
        return Optional.empty(); // another server process on the same database got there first
      }
      throw e;
    }
    return password != null ? Optional.empty() : Optional.of(pw);
  }

  /** True once any user exists: false only before the first start's bootstrap. */
  public boolean hasUsers() {
    return db.read(c -> {
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM app_user")) {
        r.next();
        return r.getLong(1) > 0;
      }
    });
  }

  /** Checks a username; empty when acceptable, else the message key. */
  public static Optional<String> checkUsername(String username) {
    return username != null && USERNAME.matcher(username).matches() ? Optional.empty() : Optional.of("user.badName");
  }

  /** Checks a new password; empty when acceptable, else the message key. */
  public static Optional<String> checkPassword(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
      return Optional.of("user.shortPassword");
    }
    if (password.length() > MAX_PASSWORD) {
      return Optional.of("user.longPassword");
    }
    return Optional.empty();
  }

  /** Usernames are compared without regard to case. */
  public static String normalize(String username) {
    return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Creates a user.
   *
   * @return the new user's id, or empty when the username is taken
   */
  public Optional<Long> createUser(long orgId, String username, String password, Role role) {
    String hash = hash(password);
    try {
      return Optional.of(db.inTransaction(c -> insertUser(c, orgId, normalize(username), hash, role)));
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException s && StoreException.isUniqueViolation(s)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Outcome of creating an organization. */
  public enum Created { OK, NAME_TAKEN, USERNAME_TAKEN }

  /** What creating an organization came to: its id when created. */
  public record Creation(Created outcome, long id) {}

  /** Creates an organization with its first admin, in one transaction. */
  public Creation createOrganization(String name, String adminUsername, String adminPassword) {
    String hash = hash(adminPassword);
    String user = normalize(adminUsername);
    return db.inTransaction(c -> {
      if (exists(c, "SELECT 1 FROM organization WHERE name = ?", name)) {
        return new Creation(Created.NAME_TAKEN, 0);
      }
      if (exists(c, "SELECT 1 FROM app_user WHERE username = ?", user)) {
        return new Creation(Created.USERNAME_TAKEN, 0);
      }
      long org = insertOrg(c, name, false);
      insertUser(c, org, user, hash, Role.ADMIN);
      return new Creation(Created.OK, org);
    });
  }

  public List<User> users(long orgId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, username, role, created_at FROM app_user WHERE org_id = ? ORDER BY username")) {
        ps.setLong(1, orgId);
        List<User> out = new ArrayList<>();
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            out.add(new User(r.getLong(1), r.getString(2), Role.of(r.getString(3)).orElseThrow(),
                instant(r, 4)));
          }
        }
        return out;
      }
    });
  }

  public List<Org> organizations() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT o.id, o.name, o.operator, o.created_at, (SELECT COUNT(*) FROM app_user u WHERE u.org_id = o.id)"
              + " FROM organization o ORDER BY o.name")) {
        List<Org> out = new ArrayList<>();
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            out.add(new Org(r.getLong(1), r.getString(2), r.getBoolean(3), instant(r, 4), r.getInt(5)));
          }
        }
        return out;
      }
    });
  }

  /**
   * Checks a username and password. Takes as long for an unknown user as for a wrong password.
   *
   * @return the user's id when both are right
   */
  public Optional<Long> verify(String username, String password) {
    String user = normalize(username);
    Stored stored = db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, password_hash FROM app_user WHERE username = ?")) {
        ps.setString(1, user);
        try (ResultSet r = ps.executeQuery()) {
          return r.next() ? new Stored(r.getLong(1), r.getString(2)) : null;
        }
      }
    });
    if (stored == null || password == null || password.length() > MAX_PASSWORD) {
      Password.check(password == null ? "" : password.substring(0, Math.min(password.length(), MAX_PASSWORD)),
          Dummy.HASH).with(KDF);
      return Optional.empty();
    }
    // the parameters come from the stored hash: raising the cost later leaves old hashes valid
    boolean ok = Password.check(password, stored.hash()).with(Argon2Function.getInstanceFromHash(stored.hash()));
    return ok ? Optional.of(stored.userId()) : Optional.empty();
  }

  private record Stored(long userId, String hash) {}

  /** Issues a token for a user; also clears tokens that have expired. */
  public Token issueToken(long userId) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant now = now(clock);
    Instant expires = now.plus(tokenTtl);
    db.inTransaction(c -> {
      try (PreparedStatement del = c.prepareStatement("DELETE FROM session_token WHERE expires_at < ?")) {
        del.setObject(1, odt(now));
        del.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO session_token (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, sha256(token));
        ps.setLong(2, userId);
        ps.setObject(3, odt(now));
        ps.setObject(4, odt(expires));
        ps.executeUpdate();
      }
      return null;
    });
    return new Token(token, expires);
  }

  /** What a token stands for. */
  public sealed interface Auth permits Valid, Expired, Unknown {}

  public record Valid(Principal principal) implements Auth {}

  public record Expired() implements Auth {}

  public record Unknown() implements Auth {}

  /** Looks a token up: the user it was issued to, or why it is not accepted. */
  public Auth authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return new Unknown();
    }
    String hash = sha256(token);
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT t.expires_at, u.id, u.username, u.role, o.id, o.name, o.operator"
              + " FROM session_token t JOIN app_user u ON u.id = t.user_id JOIN organization o ON o.id = u.org_id"
              + " WHERE t.token_hash = ?")) {
        ps.setString(1, hash);
        try (ResultSet r = ps.executeQuery()) {
          if (!r.next()) {
            return new Unknown();
          }
          if (!instant(r, 1).isAfter(clock.instant())) {
            return new Expired();
          }
          return new Valid(new Principal(r.getLong(2), r.getString(3), Role.of(r.getString(4)).orElseThrow(),
              r.getLong(5), r.getString(6), r.getBoolean(7)));
        }
      }
    });
  }

  /** Ends a token's validity at once. */
  public void revoke(String token) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM session_token WHERE token_hash = ?")) {
        ps.setString(1, sha256(token));
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Sets a new password and ends every token of the user except the one given. */
  public void changePassword(long userId, String password, String keepToken) {
    String hash = hash(password);
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET password_hash = ? WHERE id = ?")) {
        ps.setString(1, hash);
        ps.setLong(2, userId);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM session_token WHERE user_id = ? AND token_hash <> ?")) {
        ps.setLong(1, userId);
        ps.setString(2, sha256(keepToken));
        ps.executeUpdate();
      }
      return null;
    });
  }

  private long insertOrg(Connection c, String name, boolean operator) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO organization (name, operator, created_at) VALUES (?, ?, ?)", new String[] {"id"})) {
      ps.setString(1, name);
      ps.setBoolean(2, operator);
      ps.setObject(3, odt(now(clock)));
      ps.executeUpdate();
      return generatedId(ps);
    }
  }

  private long insertUser(Connection c, long orgId, String username, String hash, Role role) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO app_user (org_id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)",
        new String[] {"id"})) {
      ps.setLong(1, orgId);
      ps.setString(2, username);
      ps.setString(3, hash);
      ps.setString(4, role.id());
      ps.setObject(5, odt(now(clock)));
      ps.executeUpdate();
      return generatedId(ps);
    }
  }

  private static boolean exists(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet r = ps.executeQuery()) {
        return r.next();
      }
    }
  }

  private static long generatedId(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(KDF).getResult();
  }

  /**
   * A random password for a first admin or the demo user: 20 characters from 56 letters and digits that
   * cannot be mistaken for one another (116 bits).
   */
  public static String generatePassword() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** SHA-256 of a text's UTF-8 bytes, in hex. */
  public static String sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The time to store: whole microseconds, what both databases keep, so an answer shows what a later read gives. */
  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  static OffsetDateTime odt(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet r, int column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
