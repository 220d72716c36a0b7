package org.tanji.server;

/** The API on PostgreSQL (embedded binaries from Maven Central, a real server process). */
class PostgresApiTest extends ApiTests {

  @Override
  String databaseUrl() {
    return Databases.newPostgres();
  }

  @Override
  String expectedProduct() {
    return "PostgreSQL";
  }
}
