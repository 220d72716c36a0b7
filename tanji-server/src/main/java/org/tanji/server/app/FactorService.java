package org.tanji.server.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Finding;
import org.tanji.io.library.FactorLibrary;
import org.tanji.io.library.UserLibrary;
import org.tanji.io.pact.PactImport;
import org.tanji.server.domain.OrgFactor;
import org.tanji.server.domain.Principal;
import org.tanji.server.store.Database;
import org.tanji.server.store.FactorRepository;

/**
 * Each organization's own factor library: suppliers' PACT footprints it imported, used by its
 * studies beside the built-in factors. Another organization's footprints are never seen.
 */
public final class FactorService {

  /**
   * The factors an organization's studies are computed with.
   *
   * @param factors built-in and own factors
   * @param tag what results computed with them are cached under: empty for an organization without
   *     factors of its own (its results are those of the built-in library), else the count of its changes
   */
  public record Library(FactorLibrary factors, String tag) {}

  /** What an import stored, and the warnings (deprecated, expired) it was stored with. */
  public record Imported(List<Factor> factors, List<Finding> findings) {}

  private final Database db;
  private final Env env;
  private final FactorLibrary builtIn;
  private final AuditService audit;
  private final FactorRepository repo = new FactorRepository();
  /** Libraries by organization and generation: a generation never changes, so nothing is invalidated. */
  private final Cache<String, FactorLibrary> libraries = Caffeine.newBuilder().maximumSize(256).build();

  public FactorService(Database db, Env env, FactorLibrary builtIn, AuditService audit) {
    this.db = db;
    this.env = env;
    this.builtIn = builtIn;
    this.audit = audit;
  }

  /** The organization's library as of now. */
  public Library library(Principal who) {
    long generation = db.inTransaction(h -> repo.generation(h, who.orgId()));
    if (generation == 0) {
      return new Library(builtIn, "");
    }
    String tag = "@" + who.orgId() + "." + generation;
    return new Library(libraries.get(tag, k -> build(who.orgId())), tag);
  }

  private FactorLibrary build(long orgId) {
    List<Factor> own = new ArrayList<>();
    for (OrgFactor f : db.inTransaction(h -> repo.list(h, orgId))) {
      UserLibrary.Import one = UserLibrary.footprint(f.footprint(), f.id(), builtIn);
      // stored only after the same checks; a footprint that no longer reads is a bug, not user data
      if (one.hasErrors()) {
        throw new IllegalStateException("stored footprint " + f.id() + " of organization " + orgId
            + " no longer reads: " + one.findings());
      }
      own.addAll(one.factors());
    }
    return builtIn.with(UserLibrary.of(own));
  }

  /**
   * Imports a supplier's PACT footprint file (one, a list, or an API answer) into the
   * organization's library; a footprint imported again replaces the earlier one.
   *
   * @throws AppException.InvalidStudy when the file has errors (the findings say which); nothing is stored
   */
  public Imported importPact(Principal who, byte[] bytes) {
    PactImport.Result read = PactImport.read(bytes, env.now());
    if (read.hasErrors()) {
      throw new AppException.InvalidStudy("INVALID_FOOTPRINT", read.findings(), "pact.invalid");
    }
    db.inTransaction(h -> {
      for (PactImport.Entry e : read.entries()) {
        Factor f = e.factor();
        var fp = f.footprint().orElseThrow();
        repo.put(h, who.orgId(), f.id(), fp.footprintId(), fp.companyName(), e.json(), who.userId(), env.now());
        audit.record(AuditService.Event.of(who, "factor.import").detail(f.id() + " " + fp.companyName()));
      }
      repo.bump(h, who.orgId());
      return null;
    });
    return new Imported(read.factors(), read.findings());
  }

  /**
   * Removes one of the organization's own factors. Versions that name it no longer compute (the
   * id is unknown again: an error at their line), except issued ones, whose results were frozen.
   *
   * @throws AppException.NotFound when the organization has no factor of that id
   */
  public void remove(Principal who, String id) {
    db.inTransaction(h -> {
      if (!repo.delete(h, who.orgId(), id)) {
        throw new AppException.NotFound("NOT_FOUND", "factor.notFound", id);
      }
      repo.bump(h, who.orgId());
      audit.record(AuditService.Event.of(who, "factor.remove").detail(id));
      return null;
    });
  }

  /** The organization's own factors, by id. */
  public List<OrgFactor> list(Principal who) {
    return db.inTransaction(h -> repo.list(h, who.orgId()));
  }
}
