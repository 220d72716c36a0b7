package org.tanji.server.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tanji.server.domain.Acceptance;
import org.tanji.server.domain.Comment;

/** Review comments and the acceptance of warnings, per version. */
public final class ReviewRepository {

  public long addComment(Handle h, UUID id, int version, String keyPath, Long parent, long author, String body,
      Instant at) {
    return h.insert("INSERT INTO review_comment (study_id, version, key_path, parent_id, author_id, body, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, version, keyPath, Handle.orNull(parent, java.sql.Types.BIGINT), author,
        body, at);
  }

  public Optional<Comment> comment(Handle h, long orgId, long commentId) {
    return h.findOne(SELECT + " JOIN study s ON s.id = c.study_id WHERE s.org_id = ? AND c.id = ?",
        ReviewRepository::comment, orgId, commentId);
  }

  public List<Comment> comments(Handle h, UUID id, int version) {
    return h.list(SELECT + " WHERE c.study_id = ? AND c.version = ? ORDER BY c.id", ReviewRepository::comment, id,
        version);
  }

  /** Marks a thread resolved: the comment and its answers. */
  public boolean resolve(Handle h, long commentId, long userId, Instant at) {
    int n = h.update("UPDATE review_comment SET resolved_by = ?, resolved_at = ? WHERE (id = ? OR parent_id = ?)"
        + " AND resolved_at IS NULL", userId, at, commentId, commentId);
    return n > 0;
  }

  public void accept(Handle h, UUID id, int version, String code, String keyPath, long userId, String reason,
      Instant at) {
    h.update("DELETE FROM finding_acceptance WHERE study_id = ? AND version = ? AND code = ? AND key_path = ?",
        id, version, code, keyPath);
    h.update("INSERT INTO finding_acceptance (study_id, version, code, key_path, user_id, reason, accepted_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, version, code, keyPath, userId, reason, at);
  }

  public List<Acceptance> acceptances(Handle h, UUID id, int version) {
    return h.list("SELECT a.code, a.key_path, u.username, a.reason, a.accepted_at FROM finding_acceptance a"
        + " JOIN app_user u ON u.id = a.user_id WHERE a.study_id = ? AND a.version = ? ORDER BY a.code, a.key_path",
        r -> new Acceptance(r.string("code"), r.string("key_path"), r.string("username"), r.string("reason"),
            r.instant("accepted_at")), id, version);
  }

  private static final String SELECT = "SELECT c.id, c.study_id, c.version, c.key_path, c.parent_id, au.username AS"
      + " author, c.body, c.created_at, ru.username AS resolver, c.resolved_at FROM review_comment c"
      + " JOIN app_user au ON au.id = c.author_id LEFT JOIN app_user ru ON ru.id = c.resolved_by";

  private static Comment comment(Handle.Row r) throws SQLException {
    Long parentId = r.nullableLong("parent_id");
    return new Comment(r.longValue("id"), r.uuid("study_id"), r.intValue("version"), r.string("key_path"), parentId,
        r.string("author"), r.string("body"), r.instant("created_at"), r.string("resolver"), r.instant("resolved_at"));
  }
}
