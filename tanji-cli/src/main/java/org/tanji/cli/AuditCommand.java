package org.tanji.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tanji.core.i18n.Messages;
import org.tanji.server.app.AuditService;
import org.tanji.server.store.Database;
import org.tanji.server.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tanji audit verify [--data DIR | --db JDBC-URL] [--lang zh|en]}: checks every organization's audit trail
 * in the server's database, hash by hash; exit 0 when every chain is whole, 1 when one is broken.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help",
    subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "verify", mixinStandardHelpOptions = true, resourceBundle = "org.tanji.cli.help")
  static final class Verify implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", descriptionKey = "serve.data")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL", descriptionKey = "serve.db")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", descriptionKey = "serve.dbUser")
    String dbUser;

    @Option(names = "--lang", paramLabel = "zh|en", descriptionKey = "audit.lang")
    CalcCommand.Lang lang;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      // as every command: the language asked for, else English (the messages go to logs and scripts)
      Locale locale = lang == null ? Messages.EN : Messages.locale(lang.name());
      Path dir = data != null ? data : ServeCommand.defaultDataDir();
      if (db == null && !Files.exists(dir.resolve(Database.H2_FILE + ".mv.db"))) {
        err.println("tanji audit verify: " + String.format(Cli.text("audit.noDatabase", locale), dir));
        return Main.USAGE;
      }
      // the database as it is: connected, never created or migrated by the command that checks it
      String url = db != null ? db : Database.h2Url(dir) + ";IFEXISTS=TRUE";
      if (url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS")) {
        url += ";IFEXISTS=TRUE";
      }
      try (Database database = Database.connect(url, dbUser, System.getenv("TANJI_DB_PASSWORD"), 2)) {
        Map<String, AuditService.Verification> found = AuditService.verifyAll(database);
        if (found.isEmpty()) {
          err.println("tanji audit verify: " + Cli.text("audit.empty", locale));
          return Main.STUDY_ERRORS;
        }
        boolean whole = true;
        for (Map.Entry<String, AuditService.Verification> e : found.entrySet()) {
          AuditService.Verification v = e.getValue();
          if (v.valid()) {
            out.println(String.format(Cli.text("audit.valid", locale), e.getKey(), v.records()));
          } else {
            whole = false;
            out.println(String.format(Cli.text("audit.broken", locale), e.getKey(), v.brokenAt().orElse(0L),
                Cli.text("audit.reason." + v.reason(), locale)));
          }
        }
        return whole ? Main.OK : Main.STUDY_ERRORS;
      } catch (StoreException e) {
        err.println("tanji audit verify: " + (e.text() == null ? e.getMessage()
            : Messages.render("org.tanji.server.messages", e.text(), locale)));
        return Main.USAGE;
      }
    }
  }
}
