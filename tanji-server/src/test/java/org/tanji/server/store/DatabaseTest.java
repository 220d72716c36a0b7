package org.tanji.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DatabaseTest {

  @TempDir
  Path dir;

  @Test
  void bundledScripts_theMigrationFolderInVersionOrder() throws IOException {
    List<String> files;
    try (Stream<Path> list = Files.list(Path.of("src/main/resources/org/tanji/server/db/migration"))) {
      files = list.map(p -> p.getFileName().toString())
          .sorted(Comparator.comparingInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))))
          .toList();
    }
    assertThat(files).isNotEmpty().first().isEqualTo("V1__accounts_and_studies.sql");
    assertThat(Database.bundledScripts()).contains(files);
  }

  @Test
  void schemaCurrent_onlyOnceMigrated() {
    try (Database db = Database.connect(Database.h2Url(dir), null, null, 2)) {
      assertThat(db.schemaCurrent()).as("a new database").isFalse();
      db.migrate();
      assertThat(db.schemaCurrent()).isTrue();
      db.migrate(); // nothing to do, and Flyway not started
      assertThat(db.schemaCurrent()).isTrue();
    }
  }

  /** A history that differs from the scripts in any way is Flyway's to judge, not the fast path's. */
  @ParameterizedTest
  @ValueSource(strings = {
      "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'",
      "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '2'",
      "UPDATE \"flyway_schema_history\" SET \"script\" = 'V3__renamed.sql' WHERE \"version\" = '3'",
      "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = (SELECT MAX(\"version\") FROM \"flyway_schema_history\")",
      "INSERT INTO \"flyway_schema_history\" SELECT MAX(\"installed_rank\") + 1, '999', 'from a newer tanji', 'SQL',"
          + " 'V999__from_a_newer_tanji.sql', 1, 'test', CURRENT_TIMESTAMP, 0, TRUE FROM \"flyway_schema_history\""})
  void schemaCurrent_falseWhenTheHistoryDiffers(String change) {
    try (Database db = Database.connect(Database.h2Url(dir), null, null, 2)) {
      db.migrate();
      execute(db, change);
      assertThat(db.schemaCurrent()).isFalse();
    }
  }

  @Test
  void opening_everyUseWaitsForThePool() {
    try (Database db = Database.opening(Database.h2Url(dir), null, null, 2)) {
      db.migrate();
      assertThat(db.schemaCurrent()).isTrue();
      assertThat(db.product()).isEqualTo("H2");
    }
  }

  /** Slow (the pool tries for its 10 s before it gives up), as a server start that cannot open its database. */
  @Test
  void opening_aDatabaseThatCannotOpen_eachUseSaysWhyAsConnectDoes() {
    String url = "jdbc:h2:mem:unopened;NO_SUCH_SETTING=1"; // H2 refuses a setting it does not know
    StoreException atOnce = catchThrowableOfType(() -> Database.connect(url, null, null, 1), StoreException.class);
    assertThat(atOnce.text().key()).isEqualTo("db.cannotOpen");
    Database db = Database.opening(url, null, null, 1);
    assertThatThrownBy(db::migrate).isInstanceOfSatisfying(StoreException.class,
        e -> assertThat(e.getMessage()).isEqualTo(atOnce.getMessage()));
    assertThatThrownBy(db::product).isInstanceOfSatisfying(StoreException.class,
        e -> assertThat(e.getMessage()).isEqualTo(atOnce.getMessage()));
    db.close(); // nothing was opened: nothing to close, nothing thrown
  }

  @Test
  void opening_anUnsupportedDatabase_isRefusedAtOnce() {
    assertThatThrownBy(() -> Database.opening("jdbc:mysql://127.0.0.1/tanji", null, null, 1))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.text().key()).isEqualTo("db.unsupported"));
  }

  @Test
  void migrate_aChangedScriptIsStillRefusedByFlyway() {
    try (Database db = Database.connect(Database.h2Url(dir), null, null, 2)) {
      db.migrate();
      execute(db, "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'");
      assertThatThrownBy(db::migrate).isInstanceOfSatisfying(StoreException.class,
          e -> assertThat(e.text().key()).isEqualTo("db.cannotMigrate"));
    }
  }

  private static void execute(Database db, String sql) {
    int rows = db.inTransaction(h -> h.update(sql));
    assertThat(rows).as(sql).isEqualTo(1);
  }
}
