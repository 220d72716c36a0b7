package org.tanji.server.app;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tanji.server.domain.AuditRecord;
import org.tanji.server.domain.Principal;
import org.tanji.server.store.AuditRepository;
import org.tanji.server.store.Database;
import org.tanji.server.store.Handle;

/**
 * The audit trail: every change is recorded in the transaction that makes it, chained by hashes
 * per organization, so that a record altered or deleted later is found by {@link #verify}.
 */
public final class AuditService {

  private final Database db;
  private final Env env;
  private final AuditRepository repo = new AuditRepository();

  public AuditService(Database db, Env env) {
    this.db = db;
    this.env = env;
  }

  /** What happened, to whom, by whom: a record before it is numbered and chained. */
  public record Event(long orgId, String actor, String action, UUID studyId, Integer version, String detail,
      String hashBefore, String hashAfter) {

    public static Event of(Principal who, String action) {
      return new Event(who.orgId(), who.username(), action, null, null, null, null, null);
    }

    public Event study(UUID id, Integer v) {
      return new Event(orgId, actor, action, id, v, detail, hashBefore, hashAfter);
    }

    public Event detail(String d) {
      return new Event(orgId, actor, action, studyId, version, d, hashBefore, hashAfter);
    }

    public Event hashes(String before, String after) {
      return new Event(orgId, actor, action, studyId, version, detail, before, after);
    }
  }

  /**
   * Appends a record in the caller's transaction (it joins it): the change it records and the
   * record commit together or not at all.
   */
  public AuditRecord record(Event e) {
    return db.inTransaction(h -> append(h, e));
  }

  /** Starts the chain of a new organization, in the transaction that creates it. */
  void start(Handle h, long orgId) {
    repo.start(h, orgId);
  }

  private AuditRecord append(Handle h, Event e) {
    AuditRepository.Head head = repo.lockHead(h, e.orgId());
    String detail = e.detail() == null || e.detail().length() <= 4000 ? e.detail() : e.detail().substring(0, 3999) + "…";
    AuditRecord unsigned = new AuditRecord(e.orgId(), head.seq() + 1, env.now(), e.actor(), e.action(), e.studyId(),
        e.version(), detail, e.hashBefore(), e.hashAfter(), head.lastHash(), "");
    AuditRecord r = new AuditRecord(unsigned.orgId(), unsigned.seq(), unsigned.at(), unsigned.actor(),
        unsigned.action(), unsigned.studyId(), unsigned.version(), unsigned.detail(), unsigned.hashBefore(),
        unsigned.hashAfter(), unsigned.prevHash(), Hashes.sha256(unsigned.chained()));
    repo.append(h, r);
    return r;
  }

  /** What checking a chain found. */
  public record Verification(boolean valid, long records, Optional<Long> brokenAt, String reason) {}

  /** Checks the caller's organization's chain from its first record to its head. */
  public Verification verify(Principal who) {
    return db.inTransaction(h -> verify(repo.records(h, who.orgId(), Optional.empty()),
        repo.head(h, who.orgId()).orElse(new AuditRepository.Head(0, AuditRecord.GENESIS))));
  }

  /**
   * Checks every organization's chain (the operator's command, {@code tanji audit verify}): each
   * organization's name with what its check found.
   */
  public static java.util.Map<String, Verification> verifyAll(Database db) {
    AuditRepository repo = new AuditRepository();
    return db.inTransaction(h -> {
      java.util.Map<String, Verification> out = new java.util.LinkedHashMap<>();
      for (var org : new org.tanji.server.store.AccountRepository().organizations(h)) {
        out.put(org.name(), verify(repo.records(h, org.id(), Optional.empty()),
            repo.head(h, org.id()).orElse(new AuditRepository.Head(0, AuditRecord.GENESIS))));
      }
      return out;
    });
  }

  static Verification verify(List<AuditRecord> records, AuditRepository.Head head) {
    String prev = AuditRecord.GENESIS;
    long expected = 1;
    for (AuditRecord r : records) {
      if (r.seq() != expected) {
        return new Verification(false, records.size(), Optional.of(expected), "missing");
      }
      if (!r.prevHash().equals(prev)) {
        return new Verification(false, records.size(), Optional.of(r.seq()), "chain");
      }
      if (!Hashes.sha256(r.chained()).equals(r.recordHash())) {
        return new Verification(false, records.size(), Optional.of(r.seq()), "altered");
      }
      prev = r.recordHash();
      expected++;
    }
    if (head.seq() != records.size() || !head.lastHash().equals(prev)) {
      return new Verification(false, records.size(), Optional.of(expected), "missing");
    }
    return new Verification(true, records.size(), Optional.empty(), "");
  }

  /** The caller's organization's records, or one study's, in order. */
  public List<AuditRecord> records(Principal who, Optional<UUID> study) {
    return db.inTransaction(h -> repo.records(h, who.orgId(), study));
  }

  /** Records as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read Chinese). */
  public static String csv(List<AuditRecord> records) {
    StringBuilder b = new StringBuilder("\uFEFFseq,at,actor,action,study,version,detail,hash_before,hash_after,"
        + "prev_hash,record_hash\r\n");
    for (AuditRecord r : records) {
      b.append(r.seq()).append(',').append(r.at()).append(',').append(cell(r.actor())).append(',')
          .append(cell(r.action())).append(',').append(r.studyId() == null ? "" : r.studyId()).append(',')
          .append(r.version() == null ? "" : r.version()).append(',').append(cell(r.detail())).append(',')
          .append(cell(r.hashBefore())).append(',').append(cell(r.hashAfter())).append(',').append(r.prevHash())
          .append(',').append(r.recordHash()).append("\r\n");
    }
    return b.toString();
  }

  private static String cell(String s) {
    if (s == null) {
      return "";
    }
    // a leading = + - @ would make a spreadsheet run the cell as a formula
    String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
        ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
