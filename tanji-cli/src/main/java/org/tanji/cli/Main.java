package org.tanji.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.tanji.core.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tanji} command. */
@Command(
    name = "tanji",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    resourceBundle = "org.tanji.cli.help")
public final class Main implements Runnable {

  /** The subcommands, in the order the help lists them. */
  private static final List<Class<?>> SUBCOMMANDS = List.of(CalcCommand.class, UncertaintyCommand.class, ReportCommand.class, CbamCommand.class,
      ServeCommand.class, AuditCommand.class, ConvertCommand.class, TemplateCommand.class, FactorsCommand.class,
      PactCommand.class,
      CommandLine.HelpCommand.class);

  /** Computed; warnings allowed. */
  public static final int OK = 0;
  /** The study has errors; the findings say which. */
  public static final int STUDY_ERRORS = 1;
  /** The command itself is wrong: unknown option, unreadable file. */
  public static final int USAGE = 2;
  /** A bug in Tanji. */
  public static final int INTERNAL = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // UTF-8 whatever the machine's locale: a C locale would print Chinese as "?"
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command line with the given streams; returns the exit status. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(CommandLine.defaultFactory(), out, err, args);
  }

  /** As {@link #run(PrintWriter, PrintWriter, String...)}, with the commands made by {@code factory}. */
  static int run(CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cmd = commandLine(factory, args);
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    // named classes, not lambdas (nor method references to picocli): JDK 17's start-up archive cannot
    // hold a picocli class (Java 5 bytecode) that a lambda made the JVM link while dumping, and
    // CommandLine, picocli's largest class, would be parsed from the jar at every start
    cmd.setParameterExceptionHandler(new UsageError());
    cmd.setExecutionExceptionHandler(new Failure());
    try {
      return cmd.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands Errors on; a study too large for the heap must still end in one line
      err.println("tanji: " + Cli.text("cli.outOfMemory", language(List.of(args))));
      return INTERNAL;
    } catch (StackOverflowError e) {
      err.println("tanji: " + String.format(Cli.text("cli.internalError", language(List.of(args))), "stack overflow"));
      if (System.getenv("TANJI_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return INTERNAL;
    }
  }

  /**
   * The language of the command's own messages where the command cannot say it (a failure picocli
   * hands back): the one {@code --lang} asks for, else English, as the commands' messages are
   * without {@code --lang}.
   */
  static Locale language(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--lang") && i + 1 < args.size()) {
        return Messages.locale(args.get(i + 1));
      }
      if (a.startsWith("--lang=")) {
        return Messages.locale(a.substring("--lang=".length()));
      }
    }
    return Messages.EN;
  }

  /**
   * The command with the subcommands ARGS can reach: only the one the first argument names, else
   * all ({@code help} and {@code --help}, which list them, {@code --version}, a mistyped name and
   * its suggestions). Picocli reflects over every command it is given: building all seven took
   * about 25 ms of CPU more than building calc alone. Subcommands must be added before the streams
   * and handlers are set, which reach only the commands present at that moment.
   */
  static CommandLine commandLine(String... args) {
    return commandLine(CommandLine.defaultFactory(), args);
  }

  /** The same, with the commands made by {@code factory} (a test's, to put a failing reader in). */
  static CommandLine commandLine(CommandLine.IFactory factory, String... args) {
    CommandLine cmd = new CommandLine(new Main(), factory);
    String first = args.length > 0 ? args[0] : "";
    List<Class<?>> named = SUBCOMMANDS.stream()
        .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first))
        .toList();
    for (Class<?> c : named.isEmpty() ? SUBCOMMANDS : named) {
      cmd.addSubcommand(c); // a loop, not forEach(cmd::addSubcommand): see the handlers in run
    }
    return cmd;
  }

  /** A command line picocli cannot parse: one line naming the command and where its help is. */
  private static final class UsageError implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] arguments) {
      CommandLine failed = ex.getCommandLine();
      failed.getErr().println(failed.getCommandName().equals("tanji") ? "tanji: " + ex.getMessage() + " (see 'tanji --help')"
          : "tanji " + failed.getCommandName() + ": " + ex.getMessage() + " (see 'tanji " + failed.getCommandName() + " --help')");
      return USAGE;
    }
  }

  /** A command that threw: a file it could not read or write is the user's to fix; anything else is a bug. */
  private static final class Failure implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine command, CommandLine.ParseResult parseResult) {
      Locale locale = language(parseResult.originalArgs());
      IOException io = ex instanceof IOException e ? e : ex instanceof UncheckedIOException u ? u.getCause() : null;
      if (io != null) {
        // a file that cannot be read or written is the command's doing, not a bug: say which
        command.getErr().println("tanji " + command.getCommandName() + ": " + describe(io, locale));
        return USAGE;
      }
      command.getErr().println("tanji: " + String.format(Cli.text("cli.internalError", locale), ex));
      if (System.getenv("TANJI_DEBUG") != null) {
        ex.printStackTrace(command.getErr());
      }
      return INTERNAL;
    }
  }

  /**
   * Why an I/O operation failed, for a message that names the file itself: "no such file or
   * directory", "permission denied", else the system's own reason as it gives it.
   */
  static String reason(IOException e, Locale locale) {
    if (e instanceof NoSuchFileException) {
      return Cli.text("io.noSuchFileReason", locale);
    }
    if (e instanceof AccessDeniedException) {
      return Cli.text("io.deniedReason", locale);
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * An I/O failure on {@code file} in words, the file named once: as {@link #describe(IOException,
   * Locale)} when the failure names its file, else {@code file} and the reason ("x.yaml: Is a
   * directory").
   */
  static String describe(IOException e, Path file, Locale locale) {
    if (e instanceof FileSystemException f && f.getFile() != null) {
      return describe(e, locale);
    }
    return file + ": " + reason(e, locale);
  }

  /** An I/O failure in words: what happened to which file (the system's own reason as it gives it). */
  static String describe(IOException e, Locale locale) {
    if (e instanceof NoSuchFileException n) {
      return String.format(Cli.text("io.noSuchFile", locale), n.getFile());
    }
    if (e instanceof AccessDeniedException a) {
      return String.format(Cli.text("io.denied", locale), a.getFile());
    }
    if (e instanceof FileSystemException f) {
      return f.getFile() + ": " + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason());
    }
    return String.valueOf(e.getMessage());
  }

  @Override
  public void run() {
    // `tanji` alone: show what it can do
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar's manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"tanji " + (v == null ? "development" : v)};
    }
  }
}
