package org.tanji.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tanji.core.model.Factor;
import org.tanji.core.model.Finding;
import org.tanji.core.model.SupplierFootprint;
import org.tanji.io.library.FactorLibrary;
import org.tanji.io.library.UserLibrary;
import org.tanji.io.pact.PactImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tanji pact import FILE.json}: a supplier's PACT footprint(s) into the user's factor
 * library, each as {@code <id>.pact.json}, to be used by inventory lines by id.
 */
@Command(name = "import", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help")
final class PactImportCommand extends FactorsCommand.Subcommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "pact.import.file")
  Path file;

  @Option(names = "--id", paramLabel = "ID", descriptionKey = "pact.import.id")
  String id;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Locale locale = common.locale();
    if (id != null && !UserLibrary.validId(id)) {
      err.println("tanji pact import: " + String.format(Cli.text("pact.badId", locale), id));
      return Main.USAGE;
    }
    PactImport.Result read;
    try {
      read = PactImport.read(file, Instant.now());
    } catch (IOException e) {
      // missing or unreadable: one line in the user's language, worded as every command words it
      err.println("tanji pact import: " + Main.describe(e, file, locale));
      return Main.USAGE;
    }
    for (Finding f : read.findings()) {
      FactorsCommand.printFinding(err, file, f, locale);
    }
    if (read.hasErrors()) {
      err.println(String.format(Cli.text("pact.notImported", locale), file));
      return Main.STUDY_ERRORS;
    }
    if (id != null && read.entries().size() != 1) {
      err.println("tanji pact import: " + String.format(Cli.text("pact.idForOne", locale), read.entries().size()));
      return Main.USAGE;
    }
    Path dir = common.library.directory();
    FactorLibrary known = common.library.load(err, locale);
    List<PactImport.Entry> entries = read.entries();
    for (PactImport.Entry e : entries) {
      String target = id != null ? id : e.factor().id();
      // importing a footprint again under its id replaces it; any other factor keeps its id
      if (known.contains(target) && !Files.exists(dir.resolve(target + UserLibrary.PACT_SUFFIX))) {
        err.println("tanji pact import: " + String.format(Cli.text("pact.takenId", locale), target));
        return Main.USAGE;
      }
    }
    for (PactImport.Entry e : entries) {
      Factor f = id != null ? e.factor().withId(id) : e.factor();
      Path written = UserLibrary.writeFootprint(dir, f.id(), e.json());
      SupplierFootprint s = f.footprint().orElseThrow();
      out.println(String.format(Cli.text("pact.imported", locale), s.footprintId(), s.companyName(), f.id(),
          f.value().text(), s.validFromDate(), s.validUntilDate(), written));
    }
    return Main.OK;
  }
}
