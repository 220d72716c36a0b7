package org.tanji.server.store;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tanji.server.domain.Signature;
import org.tanji.server.domain.StudyState;
import org.tanji.server.domain.WorkRole;

/** Roles in the workflow, versions' states and the signatures on them. */
public final class WorkflowRepository {

  public Set<WorkRole> roles(Handle h, long userId) {
    Set<WorkRole> out = EnumSet.noneOf(WorkRole.class);
    for (String r : h.list("SELECT role FROM user_work_role WHERE user_id = ?", row -> row.string("role"), userId)) {
      WorkRole.of(r).ifPresent(out::add);
    }
    return out;
  }

  public void setRoles(Handle h, long userId, Set<WorkRole> roles) {
    h.update("DELETE FROM user_work_role WHERE user_id = ?", userId);
    for (WorkRole r : roles) {
      h.update("INSERT INTO user_work_role (user_id, role) VALUES (?, ?)", userId, r.id());
    }
  }

  /** The state of a version of an organization's study. */
  public Optional<StudyState> state(Handle h, long orgId, UUID id, int version) {
    return h.findOne("SELECT v.state FROM study_version v JOIN study s ON s.id = v.study_id"
        + " WHERE s.org_id = ? AND v.study_id = ? AND v.version = ?", r -> StudyState.of(r.string("state"))
        .orElseThrow(() -> new IllegalStateException("unknown state in the database")), orgId, id, version);
  }

  /** The user who stored a version (its editor). */
  public long editor(Handle h, UUID id, int version) {
    return h.one("SELECT created_by FROM study_version WHERE study_id = ? AND version = ?",
        r -> r.longValue("created_by"), id, version);
  }

  /**
   * Moves a version from one state to another in one statement, so that of two people acting at
   * once exactly one succeeds; the study's own state follows its current version.
   *
   * @return whether it moved (false: the version was no longer in the state expected)
   */
  public boolean move(Handle h, UUID id, int version, StudyState from, StudyState to) {
    if (h.update("UPDATE study_version SET state = ? WHERE study_id = ? AND version = ? AND state = ?",
        to.id(), id, version, from.id()) != 1) {
      return false;
    }
    h.update("UPDATE study SET state = ? WHERE id = ? AND current_version = ?", to.id(), id, version);
    return true;
  }

  public void sign(Handle h, UUID id, int version, String action, long userId, String statement, Instant at) {
    h.update("INSERT INTO signature (study_id, version, action, user_id, statement, signed_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", id, version, action, userId, statement, at);
  }

  public List<Signature> signatures(Handle h, UUID id, int version) {
    return h.list("SELECT g.study_id, g.version, g.action, g.user_id, u.username, g.statement, g.signed_at"
        + " FROM signature g JOIN app_user u ON u.id = g.user_id WHERE g.study_id = ? AND g.version = ? ORDER BY g.id",
        r -> new Signature(r.uuid("study_id"), r.intValue("version"), r.string("action"), r.longValue("user_id"),
            r.string("username"), r.string("statement"), r.instant("signed_at")), id, version);
  }

  /** The versions of an organization's studies that wait in a state, with their study's current version. */
  public List<UUID> waiting(Handle h, long orgId, StudyState state) {
    return h.list("SELECT s.id FROM study s JOIN study_version v ON v.study_id = s.id AND v.version = s.current_version"
        + " WHERE s.org_id = ? AND v.state = ? ORDER BY s.updated_at", r -> r.uuid("id"), orgId, state.id());
  }
}
