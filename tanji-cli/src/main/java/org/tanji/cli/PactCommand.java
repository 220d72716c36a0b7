package org.tanji.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tanji pact}: product footprints exchanged with customers and suppliers in the PACT format. */
@Command(name = "pact", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help",
    subcommands = {PactImportCommand.class})
final class PactCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
