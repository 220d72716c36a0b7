package org.tanji.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.tanji.server.http.Api;
import org.tanji.server.http.Computations;
import org.tanji.server.store.Accounts;
import org.tanji.server.store.Principal;
import org.tanji.server.store.Role;
import org.tanji.server.store.Studies;
import org.tanji.io.xlsx.Workbooks;

/**
 * The demo organization of a first start: user {@code demo} and the example studies, so that a
 * newcomer sees real results, charts, reports and a version history at once. Seed report 003 is
 * stored twice, as published (with its mistakes) and corrected, so its history shows what changed.
 */
final class Demo {

  static final String ORG = "Demo";
  static final String USER = "demo";

  private Demo() {}

  /**
   * Creates the organization, its user and its studies: the password when one was generated, an
   * empty string when the given one was used, empty when there is a demo organization already.
   */
  static Optional<String> seed(Accounts accounts, Studies studies, Computations computations, String password) {
    String pw = password != null ? password : Accounts.generatePassword();
    Accounts.Creation created = accounts.createOrganization(ORG, USER, pw);
    if (created.outcome() != Accounts.Created.OK) {
      return Optional.empty(); // there is one already (another process, or an admin made it)
    }
    Principal demo = new Principal(accounts.users(created.id()).get(0).id(), USER, Role.ADMIN, created.id(), ORG,
        false);
    Studies.Version steel = store(studies, computations, demo, null, "seed-003-as-published.yaml");
    store(studies, computations, demo, steel, "seed-003-steel-balls.yaml");
    store(studies, computations, demo, null, "cast-back-plate-per-piece.yaml");
    store(studies, computations, demo, null, "two-products-mass-allocation.yaml");
    storeAsWorkbook(studies, computations, demo, "seed-003-library-factor.yaml");
    return Optional.of(password != null ? "" : pw);
  }

  private static Studies.Version store(Studies studies, Computations computations, Principal who,
      Studies.Version previous, String name) {
    byte[] bytes = example(name);
    Computations.Computed c = computations.compute(bytes, "yaml", name);
    Studies.Upload upload = Api.upload(new Api.Received(bytes, "yaml", name), c);
    return previous == null ? studies.create(who, upload)
        : studies.update(who, previous.studyId(), previous.version(), upload).orElseThrow();
  }

  /** One example as a workbook, the way most data arrives. */
  private static void storeAsWorkbook(Studies studies, Computations computations, Principal who, String name) {
    Computations.Computed c = computations.compute(example(name), "yaml", name);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String fileName = name.replace(".yaml", ".xlsx");
    try {
      Workbooks.write(c.study(), c.studyLocale(), computations.library(), fileName, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = out.toByteArray();
    Computations.Computed wc = computations.compute(bytes, "xlsx", fileName);
    studies.create(who, Api.upload(new Api.Received(bytes, "xlsx", fileName), wc));
  }

  private static byte[] example(String name) {
    try (InputStream in = Demo.class.getResourceAsStream("demo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("example study missing from the build: " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
