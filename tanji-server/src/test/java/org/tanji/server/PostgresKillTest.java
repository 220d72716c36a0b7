package org.tanji.server;

/** SIGKILL during writes, PostgreSQL. */
class PostgresKillTest extends KillTests {
  @Override
  String databaseUrl() {
    return Databases.newPostgres();
  }
}
