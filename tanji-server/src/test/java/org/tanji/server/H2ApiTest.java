package org.tanji.server;

/** The API on the embedded H2 database. */
class H2ApiTest extends ApiTests {

  @Override
  String databaseUrl() {
    return null;
  }

  @Override
  String expectedProduct() {
    return "H2";
  }
}
