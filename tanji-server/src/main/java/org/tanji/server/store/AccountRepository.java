package org.tanji.server.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tanji.server.domain.Organization;
import org.tanji.server.domain.Principal;
import org.tanji.server.domain.Role;
import org.tanji.server.domain.User;

/** Organizations, users and sign-in tokens in the database; every method joins the caller's transaction. */
public final class AccountRepository {

  /** A user's id and password hash, for checking a sign-in. */
  public record Credentials(long userId, String passwordHash) {}

  /** What a stored token stands for, and until when. */
  public record TokenRow(Instant expiresAt, Principal principal) {}

  public boolean hasUsers(Handle h) {
    return h.one("SELECT COUNT(*) AS n FROM app_user", r -> r.longValue("n")) > 0;
  }

  public long insertOrganization(Handle h, String name, boolean operator, Instant now) {
    return h.insert("INSERT INTO organization (name, operator, created_at) VALUES (?, ?, ?)", name, operator, now);
  }

  public long insertUser(Handle h, long orgId, String username, String hash, Role role, Instant now) {
    return h.insert("INSERT INTO app_user (org_id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)",
        orgId, username, hash, role.id(), now);
  }

  public boolean organizationExists(Handle h, String name) {
    return h.findOne("SELECT 1 AS x FROM organization WHERE name = ?", r -> true, name).isPresent();
  }

  public boolean usernameExists(Handle h, String username) {
    return h.findOne("SELECT 1 AS x FROM app_user WHERE username = ?", r -> true, username).isPresent();
  }

  /** Every username, for the look-alike check of a new one. */
  public List<String> usernames(Handle h) {
    return h.list("SELECT username FROM app_user", r -> r.string("username"));
  }

  public List<User> users(Handle h, long orgId) {
    return h.list("SELECT id, username, role, created_at FROM app_user WHERE org_id = ? ORDER BY username",
        AccountRepository::user, orgId);
  }

  public List<Organization> organizations(Handle h) {
    return h.list("SELECT o.id, o.name, o.operator, o.created_at,"
        + " (SELECT COUNT(*) FROM app_user u WHERE u.org_id = o.id) AS users FROM organization o ORDER BY o.name",
        r -> new Organization(r.longValue("id"), r.string("name"), r.bool("operator"), r.instant("created_at"),
            r.intValue("users")));
  }

  public Optional<Credentials> credentials(Handle h, String username) {
    return h.findOne("SELECT id, password_hash FROM app_user WHERE username = ?",
        r -> new Credentials(r.longValue("id"), r.string("password_hash")), username);
  }

  public Optional<Principal> principal(Handle h, long userId) {
    return h.findOne(PRINCIPAL + " WHERE u.id = ?", AccountRepository::principal, userId);
  }

  public void setPassword(Handle h, long userId, String hash) {
    h.update("UPDATE app_user SET password_hash = ? WHERE id = ?", hash, userId);
  }

  // ---- tokens

  public void insertToken(Handle h, String tokenHash, long userId, Instant now, Instant expires) {
    h.update("INSERT INTO session_token (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        tokenHash, userId, now, expires);
  }

  public void deleteExpiredTokens(Handle h, Instant now) {
    h.update("DELETE FROM session_token WHERE expires_at < ?", now);
  }

  public void deleteToken(Handle h, String tokenHash) {
    h.update("DELETE FROM session_token WHERE token_hash = ?", tokenHash);
  }

  public void deleteOtherTokens(Handle h, long userId, String keepHash) {
    h.update("DELETE FROM session_token WHERE user_id = ? AND token_hash <> ?", userId, keepHash);
  }

  public Optional<TokenRow> token(Handle h, String tokenHash) {
    return h.findOne(PRINCIPAL.replace("FROM app_user u", "FROM session_token t JOIN app_user u ON u.id = t.user_id")
        .replace("SELECT ", "SELECT t.expires_at, ") + " WHERE t.token_hash = ?",
        r -> new TokenRow(r.instant("expires_at"), principal(r)), tokenHash);
  }

  private static final String PRINCIPAL = "SELECT u.id AS user_id, u.username, u.role, o.id AS org_id,"
      + " o.name AS org_name, o.operator FROM app_user u JOIN organization o ON o.id = u.org_id";

  private static Principal principal(Handle.Row r) throws SQLException {
    return new Principal(r.longValue("user_id"), r.string("username"), role(r.string("role")), r.longValue("org_id"),
        r.string("org_name"), r.bool("operator"));
  }

  private static User user(Handle.Row r) throws SQLException {
    return new User(r.longValue("id"), r.string("username"), role(r.string("role")), r.instant("created_at"));
  }

  private static Role role(String id) {
    return Role.of(id).orElseThrow(() -> new IllegalStateException("unknown role in the database: " + id));
  }
}
