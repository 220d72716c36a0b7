package org.tanji.server.app;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.tanji.server.domain.Organization;
import org.tanji.server.domain.Principal;
import org.tanji.server.domain.Role;
import org.tanji.server.domain.Token;
import org.tanji.server.domain.User;
import org.tanji.server.domain.WorkRole;
import org.tanji.server.store.AccountRepository;
import org.tanji.server.store.Database;
import org.tanji.server.store.StoreException;
import org.tanji.server.store.WorkflowRepository;

/**
 * Organizations, users, passwords and sign-in tokens: every command on accounts, with its
 * authorization and its limits. Each method is one transaction.
 */
public final class AccountService {

  /** The user created on first start. */
  public static final String ADMIN = "admin";

  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD = 200;

  /**
   * Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): tens of milliseconds per sign-in on a
   * server, years per password for an attacker with the database.
   */
  private static final Argon2Function KDF = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

  /**
   * Compared against when the user does not exist, so that the answer takes as long either way;
   * made on first need (a hash costs a tenth of a second, not to be spent at every start).
   */
  private static final class Dummy {
    static final String HASH = Password.hash("not a password").addRandomSalt(16).with(KDF).getResult();
  }

  private final Database db;
  private final Env env;
  private final Duration tokenTtl;
  private final AccountRepository repo = new AccountRepository();
  private final WorkflowRepository roles = new WorkflowRepository();
  private final SignInLimits limits;
  private final AuditService audit;

  public AccountService(Database db, Env env, Duration tokenTtl, int signInsPerAddressPerMinute, AuditService audit) {
    this.db = db;
    this.env = env;
    this.tokenTtl = tokenTtl;
    this.limits = new SignInLimits(signInsPerAddressPerMinute);
    this.audit = audit;
  }

  // ---- first start

  /**
   * The first admin's password and its hash. Hashing (Argon2id, before the JIT has compiled it) is
   * the longest step of a first start and needs no database, so the wiring makes this beside the
   * database's migration and hands it to {@link #bootstrap(FirstAdmin)} afterwards; the demo user's
   * is made the same way, for {@link #createOrganization(String, String, FirstAdmin)}.
   *
   * @param password the password, given or generated
   * @param generated whether it was generated (and so is to be shown once)
   * @param hash its Argon2id hash, as stored
   */
  public record FirstAdmin(String password, boolean generated, String hash) {

    public FirstAdmin {
      if (password == null || password.isEmpty() || hash == null || hash.isEmpty()) {
        throw new IllegalArgumentException("a first admin needs a password and its hash");
      }
    }

    /**
     * Hashes the given password, or a new one from {@code random} when it is null.
     */
    public static FirstAdmin of(String password, SecureRandom random) {
      String pw = password != null ? password : newPassword(random);
      return new FirstAdmin(pw, password == null, AccountService.hash(pw));
    }

    /** Without the password, which a record would otherwise print. */
    @Override
    public String toString() {
      return "FirstAdmin[generated=" + generated + "]";
    }
  }

  /**
   * On first start (no users at all), creates the operator organization and its {@code admin}.
   *
   * @param admin the admin's password and hash ({@link FirstAdmin#of})
   * @return the password when it was generated (to be shown once), else empty
   */
  public Optional<String> bootstrap(FirstAdmin admin) {
    if (hasUsers()) {
      return Optional.empty();
    }
    try {
      db.inTransaction(h -> {
        long org = repo.insertOrganization(h, Policy.OPERATOR_ORG, true, env.now());
        audit.start(h, org);
        long user = repo.insertUser(h, org, ADMIN, admin.hash(), Role.ADMIN, env.now());
        roles.setRoles(h, user, EnumSet.of(WorkRole.PREPARER));
        audit.record(new AuditService.Event(org, null, "organization.create", null, null, Policy.OPERATOR_ORG + "; "
            + ADMIN, null, null));
        return null;
      });
    } catch (StoreException e) {
      if (e.isUniqueViolation()) {
        return Optional.empty(); // another server process on the same database got there first
      }
      throw e;
    }
    return admin.generated() ? Optional.of(admin.password()) : Optional.empty();
  }

  /** True once any user exists: false only before the first start's bootstrap. */
  public boolean hasUsers() {
    return db.inTransaction(repo::hasUsers);
  }

  // ---- sign-in and tokens

  /**
   * Checks a sign-in under the limits per client address and per username, and issues a token.
   *
   * @throws AppException.TooManyAttempts when over a limit
   * @throws AppException.Unauthenticated when the name or password is wrong (the same answer for both)
   */
  public Token signIn(String address, String name, String password) {
    String username = Usernames.normalize(name);
    db.inTransaction(h -> {
      limits.attempt(h, env.now(), address, username);
      return null;
    });
    Optional<Long> user = verify(username, password);
    if (user.isEmpty()) {
      db.inTransaction(h -> {
        limits.failed(h, env.now(), username);
        // a failed sign-in of a real account is recorded in its organization's trail
        repo.credentials(h, username).flatMap(c -> repo.principal(h, c.userId())).ifPresent(p ->
            audit.record(AuditService.Event.of(p, "signin.failed").detail("from " + address)));
        return null;
      });
      throw new AppException.Unauthenticated("LOGIN_FAILED", "login.failed");
    }
    return issueToken(user.get());
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
    return db.inTransaction(h -> repo.token(h, Hashes.sha256(token))
        .<Auth>map(t -> t.expiresAt().isAfter(env.clock().instant()) ? new Valid(t.principal()) : new Expired())
        .orElse(new Unknown()));
  }

  /** Ends a token's validity at once. */
  public void signOut(String token) {
    if (token != null) {
      db.inTransaction(h -> {
        repo.deleteToken(h, Hashes.sha256(token));
        return null;
      });
    }
  }

  /**
   * Sets a new password after checking the current one, under the sign-in limits (a wrong current
   * password counts as a failed sign-in), and ends every other token of the user.
   *
   * @throws AppException.TooManyAttempts when over a sign-in limit
   * @throws AppException.Forbidden when the current password is wrong
   * @throws AppException.Invalid when the new password is too short or too long
   */
  public void changePassword(Principal who, String address, String current, String password, String keepToken) {
    db.inTransaction(h -> {
      limits.attempt(h, env.now(), address, who.username());
      return null;
    });
    if (verify(who.username(), current).isEmpty()) {
      db.inTransaction(h -> {
        limits.failed(h, env.now(), who.username());
        return null;
      });
      throw new AppException.Forbidden("WRONG_PASSWORD", "user.wrongPassword");
    }
    checkPassword(password);
    String hash = hash(password);
    db.inTransaction(h -> {
      repo.setPassword(h, who.userId(), hash);
      repo.deleteOtherTokens(h, who.userId(), Hashes.sha256(keepToken == null ? "" : keepToken));
      return null;
    });
  }

  /**
   * Checks the signed-in user's password again, as a signature: under the sign-in limits, a wrong
   * one counting as a failed sign-in.
   *
   * @throws AppException.TooManyAttempts when over a sign-in limit
   * @throws AppException.Forbidden when the password is wrong
   */
  public void confirmPassword(Principal who, String address, String password) {
    db.inTransaction(h -> {
      limits.attempt(h, env.now(), address, who.username());
      return null;
    });
    if (verify(who.username(), password).isEmpty()) {
      db.inTransaction(h -> {
        limits.failed(h, env.now(), who.username());
        audit.record(AuditService.Event.of(who, "signin.failed").detail("signature, from " + address));
        return null;
      });
      throw new AppException.Forbidden("WRONG_PASSWORD", "user.wrongPassword");
    }
  }

  // ---- users and organizations

  /** The organization's users, for its admins. */
  public List<User> users(Principal who) {
    Policy.requireAdmin(who);
    return db.inTransaction(h -> repo.users(h, who.orgId()));
  }

  /**
   * Creates a user in the admin's organization.
   *
   * @throws AppException.Invalid for a bad name or password
   * @throws AppException.Conflict when the name, or one that looks like it, is taken
   */
  public User createUser(Principal who, String name, String password, Role role) {
    Policy.requireAdmin(who);
    String username = Usernames.normalize(name);
    Usernames.check(username);
    checkPassword(password);
    String hash = hash(password);
    return uniquely(() -> taken(username), () -> db.inTransaction(h -> {
      refuseTaken(h, username);
      Instant now = env.now();
      long id = repo.insertUser(h, who.orgId(), username, hash, role, now);
      roles.setRoles(h, id, EnumSet.of(WorkRole.PREPARER));
      audit.record(AuditService.Event.of(who, "user.create").detail(username + " (" + role.id() + "; preparer)"));
      return new User(id, username, role, now);
    }));
  }

  /** Every organization, for the operator's admins. */
  public List<Organization> organizations(Principal who) {
    Policy.requireOperator(who);
    return db.inTransaction(repo::organizations);
  }

  /**
   * Creates an organization with its first admin, in one transaction.
   *
   * @throws AppException.Invalid for a bad name, username or password
   * @throws AppException.Conflict when the organization's name or the username is taken
   */
  public Organization createOrganization(Principal who, String name, String adminName, String adminPassword) {
    Policy.requireOperator(who);
    return createOrganization(name, adminName, adminPassword);
  }

  /** The same without a principal. */
  public Organization createOrganization(String name, String adminName, String adminPassword) {
    return createOrganization(name, adminName, adminPassword, () -> hash(adminPassword));
  }

  /**
   * The same for the wiring (the demo organization of a first start): no principal yet, and the
   * password hashed beforehand ({@link FirstAdmin#of}), beside the start's other steps.
   */
  public Organization createOrganization(String name, String adminName, FirstAdmin admin) {
    return createOrganization(name, adminName, admin.password(), admin::hash);
  }

  /** Hashes the password ({@code hashed}) only once the names and the password pass their checks. */
  private Organization createOrganization(String name, String adminName, String adminPassword, Supplier<String> hashed) {
    String orgName = name == null ? "" : name.strip();
    if (orgName.isEmpty() || orgName.length() > 200) {
      throw new AppException.Invalid("BAD_NAME", "org.badName");
    }
    String username = Usernames.normalize(adminName);
    Usernames.check(username);
    checkPassword(adminPassword);
    String hash = hashed.get();
    return uniquely(() -> new AppException.Conflict("NAME_TAKEN", "org.taken", orgName), () -> db.inTransaction(h -> {
      if (repo.organizationExists(h, orgName)) {
        throw new AppException.Conflict("NAME_TAKEN", "org.taken", orgName);
      }
      refuseTaken(h, username);
      Instant now = env.now();
      long org = repo.insertOrganization(h, orgName, false, now);
      audit.start(h, org);
      long user = repo.insertUser(h, org, username, hash, Role.ADMIN, now);
      roles.setRoles(h, user, EnumSet.of(WorkRole.PREPARER));
      audit.record(new AuditService.Event(org, null, "organization.create", null, null, orgName + "; " + username,
          null, null));
      return new Organization(org, orgName, false, now, 1);
    }));
  }

  /** The user named, as a principal. */
  public Optional<Principal> principalNamed(String username) {
    return db.inTransaction(h -> repo.credentials(h, Usernames.normalize(username))
        .flatMap(c -> repo.principal(h, c.userId())));
  }

  /** A username as it is stored and compared (NFKC, lower case, without surrounding spaces). */
  public static String normalizedUsername(String name) {
    return Usernames.normalize(name);
  }

  // ---- helpers

  private void refuseTaken(org.tanji.server.store.Handle h, String username) {
    if (repo.usernameExists(h, username)) {
      throw taken(username);
    }
    Usernames.lookAlike(username, repo.usernames(h)).ifPresent(existing -> {
      throw new AppException.Conflict("USERNAME_TAKEN", "user.lookAlike", username, existing);
    });
  }

  /**
   * Runs a creation whose check for a taken name can race with another server's: the database's
   * unique constraint then decides, and the loser gets the same conflict as a checked one.
   */
  private static <T> T uniquely(java.util.function.Supplier<AppException> conflict,
      java.util.function.Supplier<T> create) {
    try {
      return create.get();
    } catch (StoreException e) {
      if (e.isUniqueViolation()) {
        throw conflict.get();
      }
      throw e;
    }
  }

  private static AppException taken(String username) {
    return new AppException.Conflict("USERNAME_TAKEN", "user.taken", username);
  }

  /** Checks a new password. */
  public static void checkPassword(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
      throw new AppException.Invalid("BAD_PASSWORD", "user.shortPassword");
    }
    if (password.length() > MAX_PASSWORD) {
      throw new AppException.Invalid("BAD_PASSWORD", "user.longPassword");
    }
  }

  /** Checks a username and password. Takes as long for an unknown user as for a wrong password. */
  private Optional<Long> verify(String username, String password) {
    Optional<AccountRepository.Credentials> stored = db.inTransaction(h -> repo.credentials(h, username));
    if (stored.isEmpty() || password == null || password.length() > MAX_PASSWORD) {
      Password.check(password == null ? "" : password.substring(0, Math.min(password.length(), MAX_PASSWORD)),
          Dummy.HASH).with(KDF);
      return Optional.empty();
    }
    String hash = stored.get().passwordHash();
    // the parameters come from the stored hash: raising the cost later leaves old hashes valid
    boolean ok = Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    return ok ? Optional.of(stored.get().userId()) : Optional.empty();
  }

  /** Issues a token for a user; also clears tokens that have expired. */
  private Token issueToken(long userId) {
    String token = env.secret(32);
    Instant now = env.now();
    Instant expires = now.plus(tokenTtl);
    db.inTransaction(h -> {
      repo.deleteExpiredTokens(h, now);
      repo.insertToken(h, Hashes.sha256(token), userId, now, expires);
      return null;
    });
    return new Token(token, expires);
  }

  private static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(KDF).getResult();
  }

  /**
   * A random password for a first admin or the demo user: 20 characters from 56 letters and digits that
   * cannot be mistaken for one another (116 bits).
   */
  public String generatePassword() {
    return newPassword(env.random());
  }

  private static String newPassword(SecureRandom random) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
