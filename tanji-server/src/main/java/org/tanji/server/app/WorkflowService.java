package org.tanji.server.app;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tanji.server.domain.Acceptance;
import org.tanji.server.domain.Comment;
import org.tanji.server.domain.Principal;
import org.tanji.server.domain.Signature;
import org.tanji.server.domain.StudyState;
import org.tanji.server.domain.User;
import org.tanji.server.domain.WorkRole;
import org.tanji.server.store.AccountRepository;
import org.tanji.server.store.Database;
import org.tanji.server.store.Handle;
import org.tanji.server.store.ReviewRepository;
import org.tanji.server.store.StudyRepository;
import org.tanji.server.store.WorkflowRepository;

/**
 * Review and approval: a version is submitted by a preparer, reviewed by a reviewer who did not
 * edit it, approved by an approver who neither edited nor reviewed it (four eyes, enforced here for
 * every front end alike), or sent back to draft with a reason. Reviewing and approving are signed
 * by entering the password again with a statement. Every move is written with its audit record in
 * one transaction, and is made by one conditional update, so of two people acting at once exactly
 * one succeeds.
 */
public final class WorkflowService {

  private final Database db;
  private final Env env;
  private final AccountService accounts;
  private final AuditService audit;
  private final WorkflowRepository repo = new WorkflowRepository();
  private final StudyRepository studies = new StudyRepository();
  private final AccountRepository users = new AccountRepository();
  private final ReviewRepository reviews = new ReviewRepository();
  private final StudyService studyService;

  public WorkflowService(Database db, Env env, AccountService accounts, AuditService audit, StudyService studies) {
    this.db = db;
    this.env = env;
    this.accounts = accounts;
    this.audit = audit;
    this.studyService = studies;
  }

  // ---- roles

  /** A user's roles in the workflow. */
  public Set<WorkRole> roles(Principal who, long userId) {
    return db.inTransaction(h -> {
      requireSameOrganization(h, who, userId);
      return repo.roles(h, userId);
    });
  }

  /** A user of the organization with their roles in the workflow. */
  public record Member(User user, Set<WorkRole> roles) {
    public Member {
      roles = Set.copyOf(roles);
    }
  }

  /**
   * The organization's users with their workflow roles, read together, for its admins.
   *
   * @throws AppException.Forbidden unless the caller is an admin
   */
  public List<Member> team(Principal who) {
    Policy.requireAdmin(who);
    return db.inTransaction(h -> users.users(h, who.orgId()).stream()
        .map(u -> new Member(u, repo.roles(h, u.id()))).toList());
  }

  /** Sets the roles of the user named (see {@link #assign(Principal, long, Set)}). */
  public Set<WorkRole> assign(Principal who, String username, Set<WorkRole> roles) {
    Policy.requireAdmin(who);
    long id = db.inTransaction(h -> users.credentials(h, Usernames.normalize(username)))
        .map(AccountRepository.Credentials::userId)
        .orElseThrow(() -> new AppException.NotFound("NOT_FOUND", "user.notFound", username));
    return assign(who, id, roles);
  }

  /**
   * Sets a user's roles in the workflow.
   *
   * @throws AppException.Forbidden unless the caller is an admin of the user's organization
   */
  public Set<WorkRole> assign(Principal who, long userId, Set<WorkRole> roles) {
    Policy.requireAdmin(who);
    return db.inTransaction(h -> {
      String name = requireSameOrganization(h, who, userId);
      Set<WorkRole> before = repo.roles(h, userId);
      repo.setRoles(h, userId, roles);
      audit.record(AuditService.Event.of(who, "role.change").detail(name + ": " + ids(before) + " → " + ids(roles)));
      return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(WorkRole.class) : roles);
    });
  }

  private String requireSameOrganization(Handle h, Principal who, long userId) {
    return users.principal(h, userId).filter(p -> p.orgId() == who.orgId()).map(Principal::username)
        .orElseThrow(() -> new AppException.NotFound("NOT_FOUND", "user.notFound", Long.toString(userId)));
  }

  private static String ids(Set<WorkRole> roles) {
    return roles.isEmpty() ? "—" : roles.stream().map(WorkRole::id).sorted().collect(Collectors.joining(", "));
  }

  // ---- moves

  /**
   * Submits the current version for review.
   *
   * @throws AppException.Forbidden unless the caller is a preparer
   * @throws AppException.InvalidStudy when the version has errors
   * @throws AppException.Conflict when the version is not the current one or not a draft
   */
  public void submit(Principal who, UUID id, int version, boolean hasErrors, List<org.tanji.core.model.Finding> findings) {
    requireRole(who, WorkRole.PREPARER);
    if (hasErrors) {
      throw new AppException.InvalidStudy("STUDY_HAS_ERRORS", findings, "workflow.errors");
    }
    move(who, id, version, StudyState.DRAFT, StudyState.IN_REVIEW, "workflow.submit", null);
  }

  /**
   * Signs the technical review of a version in review.
   *
   * @throws AppException.Forbidden unless the caller is a reviewer who did not edit the version, and
   *     entered their password (a wrong one counts toward the sign-in limits)
   */
  public void review(Principal who, String address, UUID id, int version, String password, String statement) {
    requireRole(who, WorkRole.REVIEWER);
    requireStatement(statement);
    db.inTransaction(h -> {
      if (repo.editor(h, existing(h, who, id, version), version) == who.userId()) {
        throw new AppException.Forbidden("FOUR_EYES", "workflow.ownVersion");
      }
      return null;
    });
    List<org.tanji.core.model.Finding> pending = pendingWarnings(who, id, version);
    if (!pending.isEmpty()) {
      throw AppException.Conflict.withFindings("WARNINGS_NOT_ACCEPTED", pending, "workflow.warnings",
          Integer.toString(pending.size()));
    }
    accounts.confirmPassword(who, address, password);
    move(who, id, version, StudyState.IN_REVIEW, StudyState.REVIEWED, "workflow.review", statement);
  }

  /**
   * Signs the approval of a reviewed version.
   *
   * @throws AppException.Forbidden unless the caller is an approver who neither edited nor reviewed
   *     the version, and entered their password
   */
  public void approve(Principal who, String address, UUID id, int version, String password, String statement) {
    requireRole(who, WorkRole.APPROVER);
    requireStatement(statement);
    db.inTransaction(h -> {
      if (repo.editor(h, existing(h, who, id, version), version) == who.userId()) {
        throw new AppException.Forbidden("FOUR_EYES", "workflow.ownVersion");
      }
      boolean reviewed = repo.signatures(h, id, version).stream()
          .anyMatch(s -> s.action().equals("review") && s.userId() == who.userId());
      if (reviewed) {
        throw new AppException.Forbidden("FOUR_EYES", "workflow.ownReview");
      }
      long open = reviews.comments(h, id, version).stream().filter(Comment::open).count();
      if (open > 0) {
        throw new AppException.Conflict("OPEN_COMMENTS", "workflow.openComments", Long.toString(open));
      }
      return null;
    });
    accounts.confirmPassword(who, address, password);
    move(who, id, version, StudyState.REVIEWED, StudyState.APPROVED, "workflow.approve", statement);
  }

  /**
   * Sends a version in review, reviewed or approved back to draft, with the reason.
   *
   * @throws AppException.Forbidden unless the caller is a reviewer or an approver
   */
  public void sendBack(Principal who, UUID id, int version, String reason) {
    if (!hasRole(who, WorkRole.REVIEWER) && !hasRole(who, WorkRole.APPROVER)) {
      throw new AppException.Forbidden("FORBIDDEN", "workflow.role", WorkRole.REVIEWER.id() + " / "
          + WorkRole.APPROVER.id());
    }
    requireStatement(reason);
    StudyState from = db.inTransaction(h -> repo.state(h, who.orgId(), id, version))
        .orElseThrow(() -> notFound(id));
    if (from != StudyState.IN_REVIEW && from != StudyState.REVIEWED && from != StudyState.APPROVED) {
      throw new AppException.Conflict("WRONG_STATE", "workflow.state", from.id(), StudyState.IN_REVIEW.id());
    }
    move(who, id, version, from, StudyState.DRAFT, "workflow.sendBack", reason);
  }

  // ---- comments and accepted warnings

  /**
   * Adds a comment on a field or line of a version (its key path; empty for the study as a whole),
   * or an answer to one.
   *
   * @throws AppException.Invalid for an empty or too long text
   * @throws AppException.NotFound for a comment answered that is not on this version
   */
  public Comment comment(Principal who, UUID id, int version, String keyPath, Long parent,
      String body) {
    requireStatement(body);
    String path = keyPath == null ? "" : keyPath.strip();
    if (path.length() > 300) {
      throw new AppException.Invalid("BAD_KEY_PATH", "comment.keyPath");
    }
    return db.inTransaction(h -> {
      existing(h, who, id, version);
      String anchor = path;
      if (parent != null) {
        Comment p = reviews.comment(h, who.orgId(), parent)
            .filter(c -> c.studyId().equals(id) && c.version() == version)
            .orElseThrow(() -> new AppException.NotFound("NOT_FOUND", "comment.notFound", parent.toString()));
        anchor = p.keyPath(); // an answer stays in its thread's place
      }
      long cid = reviews.addComment(h, id, version, anchor, parent, who.userId(), body, env.now());
      audit.record(AuditService.Event.of(who, "comment.add").study(id, version).detail(anchor + ": " + body));
      return reviews.comment(h, who.orgId(), cid).orElseThrow();
    });
  }

  /**
   * Resolves a comment's thread (the preparer's answer to the reviewer).
   *
   * @throws AppException.Forbidden unless the caller is a preparer
   */
  public void resolve(Principal who, UUID id, int version, long commentId) {
    requireRole(who, WorkRole.PREPARER);
    db.inTransaction(h -> {
      Comment c = reviews.comment(h, who.orgId(), commentId)
          .filter(x -> x.studyId().equals(id) && x.version() == version)
          .orElseThrow(() -> new AppException.NotFound("NOT_FOUND", "comment.notFound", Long.toString(commentId)));
      long root = c.parentId() == null ? c.id() : c.parentId();
      if (!reviews.resolve(h, root, who.userId(), env.now())) {
        throw new AppException.Conflict("RESOLVED", "comment.resolved", Long.toString(root));
      }
      audit.record(AuditService.Event.of(who, "comment.resolve").study(c.studyId(), c.version())
          .detail(c.keyPath() + " #" + root));
      return null;
    });
  }

  public List<Comment> comments(Principal who, UUID id, int version) {
    return db.inTransaction(h -> reviews.comments(h, existing(h, who, id, version), version));
  }

  /**
   * Accepts a warning of a version with a reason (the reviewer's explicit word that it does not
   * stop the review).
   *
   * @throws AppException.Forbidden unless the caller is a reviewer
   * @throws AppException.NotFound when the version has no such warning
   */
  public void accept(Principal who, UUID id, int version, String code, String keyPath, String reason) {
    requireRole(who, WorkRole.REVIEWER);
    requireStatement(reason);
    String where = keyPath == null ? "" : keyPath;
    boolean exists = warnings(who, id, version).stream()
        .anyMatch(f -> f.code().equals(code) && where(f).equals(where));
    if (!exists) {
      throw new AppException.NotFound("NOT_FOUND", "workflow.noWarning", String.valueOf(code), where);
    }
    db.inTransaction(h -> {
      reviews.accept(h, id, version, code, where, who.userId(), reason, env.now());
      audit.record(AuditService.Event.of(who, "warning.accept").study(id, version)
          .detail(code + " " + where + ": " + reason));
      return null;
    });
  }

  public List<Acceptance> acceptances(Principal who, UUID id, int version) {
    return db.inTransaction(h -> reviews.acceptances(h, existing(h, who, id, version), version));
  }

  /** The warnings of a version that no reviewer has accepted yet. */
  public List<org.tanji.core.model.Finding> pendingWarnings(Principal who, UUID id, int version) {
    Set<String> accepted = acceptances(who, id, version).stream().map(a -> a.code() + " " + a.keyPath())
        .collect(Collectors.toSet());
    return warnings(who, id, version).stream().filter(f -> !accepted.contains(f.code() + " " + where(f))).toList();
  }

  private List<org.tanji.core.model.Finding> warnings(Principal who, UUID id, int version) {
    return studyService.computed(who, id, version).result().findings().stream()
        .filter(f -> f.severity() == org.tanji.core.model.Severity.WARNING).toList();
  }

  private static String where(org.tanji.core.model.Finding f) {
    return f.where() == null ? "" : f.where();
  }

  /** The studies whose current version waits for the caller: in review for reviewers, reviewed for approvers. */
  public List<UUID> inbox(Principal who) {
    return db.inTransaction(h -> {
      Set<WorkRole> mine = repo.roles(h, who.userId());
      List<UUID> out = new java.util.ArrayList<>();
      if (mine.contains(WorkRole.REVIEWER)) {
        out.addAll(repo.waiting(h, who.orgId(), StudyState.IN_REVIEW));
      }
      if (mine.contains(WorkRole.APPROVER)) {
        out.addAll(repo.waiting(h, who.orgId(), StudyState.REVIEWED));
      }
      return out;
    });
  }

  /** The signatures on a version, oldest first. */
  public List<Signature> signatures(Principal who, UUID id, int version) {
    return db.inTransaction(h -> repo.signatures(h, existing(h, who, id, version), version));
  }

  private void move(Principal who, UUID id, int version, StudyState from, StudyState to, String action,
      String statement) {
    db.inTransaction(h -> {
      existing(h, who, id, version);
      int current = studies.currentVersionNumber(h, who.orgId(), id).orElseThrow(() -> notFound(id));
      if (version != current) {
        throw new AppException.Conflict("NOT_CURRENT", "workflow.notCurrent", Integer.toString(version),
            Integer.toString(current));
      }
      StudyState now = repo.state(h, who.orgId(), id, version).orElseThrow(() -> notFound(id));
      if (!now.canMoveTo(to) || now != from || !repo.move(h, id, version, from, to)) {
        throw new AppException.Conflict("WRONG_STATE", "workflow.state", now.id(), from.id());
      }
      String verb = action.substring("workflow.".length()).replace("sendBack", "send-back");
      if (statement != null) {
        repo.sign(h, id, version, verb, who.userId(), statement, env.now());
      }
      audit.record(AuditService.Event.of(who, "state." + verb).study(id, version)
          .detail(from.id() + " → " + to.id() + (statement == null ? "" : ": " + statement)));
      return null;
    });
  }

  /** The study's id, checked to be the organization's and to have the version. */
  private UUID existing(Handle h, Principal who, UUID id, int version) {
    repo.state(h, who.orgId(), id, version).orElseThrow(() -> notFound(id));
    return id;
  }

  private void requireRole(Principal who, WorkRole role) {
    if (!hasRole(who, role)) {
      throw new AppException.Forbidden("FORBIDDEN", "workflow.role", role.id());
    }
  }

  private boolean hasRole(Principal who, WorkRole role) {
    return db.inTransaction(h -> repo.roles(h, who.userId())).contains(role);
  }

  private static void requireStatement(String text) {
    if (text == null || text.isBlank() || text.length() > 4000) {
      throw new AppException.Invalid("BAD_STATEMENT", "workflow.statement");
    }
  }

  private static AppException notFound(UUID id) {
    return new AppException.NotFound("NOT_FOUND", "study.notFound", id.toString());
  }
}
