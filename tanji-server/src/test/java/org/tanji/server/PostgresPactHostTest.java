package org.tanji.server;

/** The PACT host API with its data on PostgreSQL (embedded binaries from Maven Central, a real server process). */
final class PostgresPactHostTest extends PactHostTest {

  @Override
  String databaseUrl() {
    return Databases.newPostgres();
  }
}
