package org.tanji.io.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tanji.core.i18n.Messages;
import org.tanji.core.model.Finding;

final class UserLibraryTest {

  private static UserLibrary.Import read(String csv) {
    return UserLibrary.read(csv.getBytes(StandardCharsets.UTF_8), FactorLibrary.builtIn());
  }

  @Test
  void read_goodFile() {
    UserLibrary.Import r = read("""
        id,name,value,unit,source,publication,year,boundary,region,type,note
        supplier-steel-2024,"Round steel, supplier A",1980,kgCO2e/t,Supplier EPD,EPD-123,2024,cradle-to-gate,CN,supplier,
        plant-gas,天然气,２.１６,kgCO2e/Nm3,,,,,,,
        """);
    assertThat(r.findings()).isEmpty();
    assertThat(r.factors()).hasSize(2);
    assertThat(r.factors().get(0).name()).isEqualTo("Round steel, supplier A");
    assertThat(r.factors().get(0).libraryId()).isEqualTo("supplier-steel-2024");
    assertThat(r.factors().get(1).value().value()).isEqualTo(2.16);
  }

  @Test
  void read_everyBadRowIsAFindingWithLineAndColumn() {
    UserLibrary.Import r = read("""
        id,name,value,unit,type,year
        good,Good,1,kgCO2e/t,national,2024
        cn-fuel-diesel,Taken,1,kgCO2e/t,,
        Bad Id,x,1,kgCO2e/t,,
        good,again,1,kgCO2e/t,,
        nounit,x,1,,,
        wrongunit,x,1,kg/t,,
        wrongtype,x,1,kgCO2e/t,nationl,
        wrongyear,x,1,kgCO2e/t,,20x4
        """);
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.factors()).extracting(f -> f.id()).containsExactly("good");
    assertThat(r.findings()).extracting(f -> f.position().line() + ":" + f.position().column() + " " + f.message(Messages.EN))
        .containsExactly(
            "3:1 id \"cn-fuel-diesel\" is already in the library; choose another one (a study can still define its own factor of that id) (line 3, column 1)",
            "4:1 id \"Bad Id\" may use only lower-case letters, digits, \".\", \"_\" and \"-\" (e.g. \"supplier-steel-2024\") (line 4, column 1)",
            "5:1 id \"good\" appears twice in the file (first on line 2) (line 5, column 1)",
            "6:4 unit is empty; every factor needs id, value and unit (line 6, column 4)",
            "7:4 factor \"wrongunit\" is 1 kg/t, a pure number; a factor must be CO₂e per unit of activity, e.g. kgCO2e/t (line 7, column 4)",
            "8:5 type is \"nationl\"; did you mean \"national\"? (line 8, column 5)",
            "9:6 year must be a whole number, but is 20x4 (line 9, column 6)");
  }

  @Test
  void read_headerProblems() {
    assertThat(read("id,name,valu,unit\nx,y,1,kgCO2e/t\n").findings()).extracting(f -> f.message(Messages.EN))
        .contains("the factor file has no column \"value\"; the columns are id,name,value,unit,source,publication,year,boundary,region,type,note",
            "unknown column \"valu\"; did you mean \"value\"?");
    assertThat(read("id,value,unit\n").findings()).extracting(Finding::code).containsExactly("MISSING_VALUE");
    assertThat(UserLibrary.read(new byte[] {(byte) 0xb8, (byte) 0xd6}, FactorLibrary.builtIn()).findings())
        .extracting(Finding::code).containsExactly("PARSE_ERROR");
  }

  @Test
  void writeAndLoad_roundTrip(@TempDir Path dir) throws Exception {
    UserLibrary.Import r = read("""
        id,name,value,unit,source,year,type
        supplier-steel-2024,"Round steel, supplier A",1980,kgCO2e/t,EPD,2024,supplier
        plant-power,厂内光伏,0.04,kgCO2e/kWh,,2024,measured
        """);
    Path file = UserLibrary.write(dir, "suppliers", r.factors());
    assertThat(file.getFileName().toString()).isEqualTo("suppliers.csv");
    UserLibrary.Import loaded = UserLibrary.load(dir, FactorLibrary.builtIn());
    assertThat(loaded.findings()).isEmpty();
    assertThat(loaded.factors()).usingRecursiveComparison().isEqualTo(r.factors());
    Files.writeString(dir.resolve("broken.csv"), "id,value,unit\nx,1,kg\n");
    assertThat(UserLibrary.load(dir, FactorLibrary.builtIn()).findings()).extracting(Finding::code)
        .containsExactly("LIBRARY_FILE_SKIPPED");
  }

  @Test
  void nameFor_safeFileNames() {
    assertThat(UserLibrary.nameFor(Path.of("My Factors 2024.csv"))).contains("my-factors-2024");
  }

  @Test
  void writeFootprint_loadedUnderItsId(@TempDir Path dir) throws Exception {
    byte[] json = Files.readAllBytes(Path.of("..", "testdata", "pact", "example-3.json"));
    UserLibrary.writeFootprint(dir, "supplier-plate", json);
    UserLibrary.Import loaded = UserLibrary.load(dir, FactorLibrary.builtIn());
    assertThat(loaded.findings()).isEmpty();
    assertThat(loaded.factors()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo("supplier-plate");
      assertThat(f.libraryId()).isEqualTo("supplier-plate");
      assertThat(f.value().text()).isEqualTo("77 kgCO2e/piece");
      assertThat(f.footprint().orElseThrow().footprintId()).isEqualTo("8b26f3b8-f5d9-4adf-8a11-02e05d273e58");
    });
  }

  @Test
  void load_brokenFootprintFile_skippedAndSaid(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("old-supplier.pact.json"), "{\"specVersion\": \"2.2.0\", \"pcf\": {}}");
    UserLibrary.Import loaded = UserLibrary.load(dir, FactorLibrary.builtIn());
    assertThat(loaded.factors()).isEmpty();
    assertThat(loaded.findings()).extracting(Finding::code).containsExactly("LIBRARY_FILE_SKIPPED");
  }

  @Test
  void footprint_idTakenByABuiltInFactor() throws Exception {
    byte[] json = Files.readAllBytes(Path.of("..", "testdata", "pact", "example-3.json"));
    UserLibrary.Import r = UserLibrary.footprint(json, "cn-fuel-diesel", FactorLibrary.builtIn());
    assertThat(r.hasErrors()).isTrue();
    assertThat(r.findings().get(0).message(Messages.EN)).startsWith("id \"cn-fuel-diesel\" is already in the library");
  }
}
