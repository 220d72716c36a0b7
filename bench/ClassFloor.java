import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads, without initializing them, the classes a list names (one binary name a line, as
 * {@code -XX:DumpLoadedClassList} writes them, {@code /} for {@code .}; lines with anything after the
 * name are skipped), and nothing else: the least a command that needs those classes can cost.
 * bench/startup-floor.sh runs it with a start-up archive of the same classes.
 *
 * <pre>
 *   java -cp floor.jar:tanji.jar ClassFloor LIST
 * </pre>
 *
 * Prints how many classes it loaded and how many it could not (hidden classes, which no name
 * finds, are left out of the list before).
 */
public final class ClassFloor {

  public static void main(String[] args) throws IOException {
    List<String> names = Files.readAllLines(Path.of(args[0]));
    ClassLoader loader = ClassFloor.class.getClassLoader();
    int loaded = 0;
    int missing = 0;
    for (String name : names) {
      try {
        Class.forName(name.replace('/', '.'), false, loader);
        loaded++;
      } catch (ClassNotFoundException | LinkageError e) {
        missing++;
      }
    }
    System.out.println(loaded + " loaded, " + missing + " not found");
  }
}
