package org.tanji.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.tanji.core.model.Finding;
import org.tanji.io.library.FactorLibrary;
import org.tanji.io.library.UserLibrary;
import picocli.CommandLine.Option;

/** {@code --library DIR}: where the user's own factors are kept. */
final class LibraryOption {

  @Option(names = "--library", paramLabel = "DIR", descriptionKey = "library.dir")
  Path dir;

  Path directory() {
    return dir != null ? dir : UserLibrary.defaultDirectory();
  }

  /** The built-in factors and the user's; files that no longer check out are said on stderr. */
  FactorLibrary load(PrintWriter err, Locale locale) throws IOException {
    UserLibrary.Import user = UserLibrary.load(directory(), FactorLibrary.builtIn());
    for (Finding f : user.findings()) {
      err.println("tanji: " + f.message(locale));
    }
    // no factors of the user's (the usual case): the built-in library as it is, so that its data is
    // parsed only when the study looks a factor up
    return user.factors().isEmpty() ? FactorLibrary.builtIn() : FactorLibrary.builtIn().with(UserLibrary.of(user.factors()));
  }
}
