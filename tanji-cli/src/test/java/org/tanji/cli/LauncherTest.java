package org.tanji.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tanji} launcher's class-data-sharing archive: made once per jar and JVM, used, replaced
 * when the jar changes, and never in the way when it is missing, damaged or cannot be written.
 * Each test lays out a copy of the launcher beside a small stand-in jar (its {@code calc} prints a
 * line, its {@code serve} answers HTTP 200), so the launcher's own logic runs as users run it.
 */
final class LauncherTest {

  private static final Path LAUNCHER = Path.of("../tanji");

  /** The stand-in for tanji.jar, with the main class the launcher names; MESSAGE is replaced to make a different jar. */
  private static final String STAND_IN = """
      package org.tanji.cli;
      import com.sun.net.httpserver.HttpServer;
      import java.net.InetSocketAddress;
      public final class Main {
        public static void main(String[] args) throws Exception {
          if (System.getenv("STAND_IN_FAIL") != null) {
            System.exit(3);
          }
          if (args.length > 0 && args[0].equals("serve")) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", x -> { x.sendResponseHeaders(200, -1); x.close(); });
            server.start();
            System.out.println("Tanji server at http://127.0.0.1:" + server.getAddress().getPort());
            return;
          }
          System.out.println("MESSAGE " + String.join(" ", args));
        }
      }
      """;

  @TempDir
  Path root;

  private Path jar;
  private Path cds;

  @BeforeEach
  void layOut() throws IOException {
    Files.copy(LAUNCHER, root.resolve("tanji"));
    // the sources the launcher compares with: older than the jar, so it does not try to build
    Path pom = Files.writeString(root.resolve("pom.xml"), "<project/>");
    Files.setLastModifiedTime(pom, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    Files.createDirectories(root.resolve("examples"));
    Files.writeString(root.resolve("examples/seed-003-steel-balls.yaml"), "study: stand-in\n");
    jar = root.resolve("tanji-cli/target/tanji.jar");
    cds = root.resolve("tanji-cli/target/cds");
    writeJar("first");
  }

  @Test
  void firstRun_makesTheArchive_laterRunsLoadTheirClassesFromIt() throws Exception {
    Run first = launch(Map.of(), "calc", "a.yaml", "--json");
    assertThat(first.out()).isEqualTo("first calc a.yaml --json\n");
    assertThat(first.err()).contains("preparing the start-up archive");
    assertThat(archives()).singleElement().asString().matches("tanji-cli-[0-9]+\\.jsa");

    Run second = launch(Map.of("TANJI_JAVA_OPTS", "-Xlog:class+load=info:stdout"), "calc", "a.yaml", "--json");
    assertThat(second.out()).contains("org.tanji.cli.Main source: shared objects file").contains("first calc a.yaml --json\n");
    assertThat(second.err()).isEmpty();
    assertThat(archives()).isEqualTo(List.of(first.archive()));
  }

  /** TANJI_JAVA_OPTS replaces the launcher's options; TANJI_JAVA_OPTS_ADD comes after them, which stay. */
  @Test
  void addedOptions_followTheLaunchersOwn_replacedOnesDoNot() throws Exception {
    Run added = launch(Map.of("TANJI_JAVA_OPTS_ADD", "-XX:+PrintCommandLineFlags"), "calc");
    assertThat(added.out()).contains("-XX:TieredStopAtLevel=1").contains("-XX:+PrintCommandLineFlags")
        .contains("first calc\n");
    Run replaced = launch(Map.of("TANJI_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "calc");
    assertThat(replaced.out()).contains("-XX:+PrintCommandLineFlags").doesNotContain("-XX:TieredStopAtLevel=1");
  }

  @Test
  void rebuiltJar_getsANewArchive_andTheOldOneIsRemoved() throws Exception {
    String old = launch(Map.of(), "calc").archive();
    writeJar("second");

    Run after = launch(Map.of("TANJI_JAVA_OPTS", "-Xlog:class+load=info:stdout"), "calc");
    assertThat(after.out()).contains("org.tanji.cli.Main source: shared objects file").contains("second calc\n");
    assertThat(after.err()).contains("preparing the start-up archive");
    assertThat(archives()).singleElement().isNotEqualTo(old);
  }

  @Test
  void damagedArchive_isIgnored_andStdoutStaysClean() throws Exception {
    Path archive = cds.resolve(launch(Map.of(), "calc").archive());
    archive.toFile().setWritable(true);
    Files.writeString(archive, "not an archive");

    Run run = launch(Map.of(), "calc", "--json");
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("first calc --json\n");
  }

  @Test
  void unwritableArchiveFolder_runsWithoutArchive() throws Exception {
    // a file where the folder should be: mkdir fails even for root, as a read-only folder would
    Path blocker = Files.writeString(root.resolve("blocker"), "");
    Run run = launch(Map.of("TANJI_CDS_DIR", blocker.resolve("cds").toString()), "calc", "--json");
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("first calc --json\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void failedTraining_isReportedOnce_andTheCommandStillRuns() throws Exception {
    Run failed = launch(Map.of("STAND_IN_FAIL", "1"), "calc");
    assertThat(failed.code()).isEqualTo(3);
    assertThat(failed.err()).contains("could not prepare the start-up archive").contains(".log");
    assertThat(archives()).isEmpty();

    Run again = launch(Map.of(), "calc");
    assertThat(again.out()).isEqualTo("first calc\n");
    assertThat(again.err()).isEmpty();
    assertThat(archives()).isEmpty();
  }

  @Test
  void cdsOff_makesNoArchive() throws Exception {
    Run run = launch(Map.of("TANJI_CDS", "off"), "calc");
    assertThat(run.out()).isEqualTo("first calc\n");
    assertThat(cds).doesNotExist();
  }

  @Test
  void serve_trainsOnARunningServer() throws Exception {
    Run run = launchUntil("Tanji server at", "serve", "--port", "0");
    assertThat(run.err()).contains("preparing the start-up archive");
    assertThat(run.out()).startsWith("Tanji server at http://127.0.0.1:");
    assertThat(archives()).singleElement().asString().matches("tanji-serve-[0-9]+\\.jsa");
  }

  @Test
  void jdk25_makesAnAotCache_andLoadsFromIt() throws Exception {
    Path jdk = Path.of(System.getenv().getOrDefault("TANJI_TEST_JDK25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    assumeTrue(Files.isExecutable(jdk.resolve("bin/java")), "a JDK 25 at " + jdk + " (TANJI_TEST_JDK25)");
    Map<String, String> onJdk25 = Map.of("JAVA_HOME", jdk.toString());
    Run first = launch(onJdk25, "calc", "a.yaml");
    assertThat(first.out()).isEqualTo("first calc a.yaml\n");
    assertThat(first.err()).contains("preparing the start-up archive");
    assertThat(archives()).singleElement().asString().matches("tanji-cli-[0-9]+\\.aot");

    Run second = launch(Map.of("JAVA_HOME", jdk.toString(), "TANJI_JAVA_OPTS", "-Xlog:class+load=info:stdout"), "calc");
    assertThat(second.out()).contains("org.tanji.cli.Main source: shared objects file").contains("first calc\n");
    assertThat(second.err()).isEmpty();
    assertThat(archives()).isEqualTo(List.of(first.archive()));
  }

  private record Run(int code, String out, String err, String archive) {}

  private Run launch(Map<String, String> env, String... args) throws Exception {
    return run(env, null, args);
  }

  /** Runs a launcher that does not end by itself until it prints STOPAT, then stops it. */
  private Run launchUntil(String stopAt, String... args) throws Exception {
    return run(Map.of(), stopAt, args);
  }

  private Run run(Map<String, String> env, String stopAt, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("tanji").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
    // the JVM is the PATH's unless a test names one: JAVA_HOME would choose it before the PATH
    pb.environment().keySet().removeIf(k -> k.startsWith("TANJI_") || k.startsWith("LC_") || k.equals("LANG") || k.equals("JAVA_HOME"));
    pb.environment().putAll(env);
    Path out = root.resolve("out.txt");
    Path err = root.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (stopAt != null) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.readString(out).contains(stopAt) && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      p.destroy();
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
    List<String> made = archives();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err), made.isEmpty() ? "" : made.get(0));
  }

  private List<String> archives() throws IOException {
    if (!Files.isDirectory(cds)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cds)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jsa") || n.endsWith(".aot")).sorted().toList();
    }
  }

  /** Compiles the stand-in with MESSAGE as its greeting and writes it as the launcher's jar. */
  private void writeJar(String message) throws IOException {
    Path src = root.resolve("src/org/tanji/cli/Main.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, STAND_IN.replace("MESSAGE", message));
    Path classes = root.resolve("classes");
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()))
        .as("the stand-in compiles").isZero();
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.tanji.cli.Main");
    Files.createDirectories(jar.getParent());
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry("org/tanji/cli/Main.class"));
      out.write(Files.readAllBytes(classes.resolve("org/tanji/cli/Main.class")));
      out.closeEntry();
    }
  }
}
