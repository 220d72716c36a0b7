package org.tanji.server;

/** SIGKILL during writes, embedded H2. */
class H2KillTest extends KillTests {
  @Override
  String databaseUrl() {
    return null;
  }
}
