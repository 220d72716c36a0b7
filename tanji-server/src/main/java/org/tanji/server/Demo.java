package org.tanji.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.tanji.server.app.AccountService;
import org.tanji.server.app.AccountService.FirstAdmin;
import org.tanji.server.app.AppException;
import org.tanji.server.app.StudyService;
import org.tanji.server.domain.Organization;
import org.tanji.server.domain.Principal;
import org.tanji.server.domain.StudyFile;
import org.tanji.server.domain.Version;

/**
 * The demo organization of a first start: user {@code demo} and the example studies, so that a
 * newcomer sees real results, charts, reports and a version history at once. Seed report 003 is
 * stored twice, as published (with its mistakes) and corrected, so its history shows what changed.
 */
final class Demo {

  static final String ORG = "Demo";
  static final String USER = "demo";

  /**
   * The demo's workbook, {@code examples/seed-003-library-factor.yaml} written by {@code tanji convert
   * examples/seed-003-library-factor.yaml tanji-server/src/main/resources/org/tanji/server/demo/seed-003-library-factor.xlsx}.
   */
  static final String WORKBOOK = "seed-003-library-factor.xlsx";

  private Demo() {}

  /**
   * Creates the organization, its user (with the password and hash made beforehand) and its
   * studies: the password when it was generated, an empty string when the given one was used,
   * empty when there is a demo organization already.
   */
  static Optional<String> seed(AccountService accounts, StudyService studies, FirstAdmin user) {
    try {
      accounts.createOrganization(ORG, USER, user);
    } catch (AppException.Conflict e) {
      return Optional.empty(); // there is one already (another process, or an admin made it)
    }
    Principal demo = accounts.principalNamed(USER).orElseThrow();
    Version steel = studies.create(demo, example("seed-003-as-published.yaml")).version();
    studies.store(demo, steel.studyId(), steel.version(), example("seed-003-steel-balls.yaml"));
    studies.create(demo, example("cast-back-plate-per-piece.yaml"));
    studies.create(demo, example("two-products-mass-allocation.yaml"));
    // one example as a workbook, the way most data arrives: WORKBOOK, made from its YAML by `tanji
    // convert` and kept in the build, because writing a workbook (Apache POI's XSSF and XMLBeans)
    // was half a second of a first start; DemoTest checks that it reads back to the same study
    studies.create(demo, example(WORKBOOK));
    return Optional.of(user.generated() ? user.password() : "");
  }

  /** An example study of the build, in the format its file name ends with (yaml, xlsx). */
  static StudyFile example(String name) {
    try (InputStream in = Demo.class.getResourceAsStream("demo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("example study missing from the build: " + name);
      }
      return new StudyFile(in.readAllBytes(), name.substring(name.lastIndexOf('.') + 1), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
