import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.tanji.server.app.Env;
import org.tanji.server.app.PactHostService;
import org.tanji.server.store.Database;
import org.tanji.server.store.Handle;

/**
 * Fills the PACT footprints of a stopped server's embedded database for bench/pact-list.sh: the one
 * footprint issued there (a real export of seed 003) copied N-1 times through the same service
 * issuing uses (PactHostService.freeze), each with its own id, product id and study, and one of
 * five geographies and two reference years, so the filters have something to choose from.
 *
 * <pre>
 *   java -cp tanji-cli/target/tanji.jar bench/PactSeed.java DATA_DIR N
 * </pre>
 * Fixed seed: the same N gives the same footprints. Prints the product id of footprint N/2.
 */
public final class PactSeed {
  record Issued(long orgId, byte[] body) {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    ObjectMapper json = new ObjectMapper();
    SplittableRandom random = new SplittableRandom(16);
    List<String> places = List.of("CN-SD", "CN-JS", "CN-GD", "DE-BY", "US-MI");
    try (Database db = Database.open(Database.h2Url(data), null, null, 2)) {
      PactHostService host = new PactHostService(db, new Env(Clock.systemUTC(), UUID::randomUUID, new SecureRandom()));
      Issued first = db.inTransaction(h -> h.one("SELECT org_id, body FROM pact_footprint",
          (Handle.Row r) -> new Issued(r.longValue("org_id"), r.bytes("body"))));
      // one transaction (freeze joins it): ten thousand commits would measure the disk, not the list
      String middle = db.inTransaction(h -> copy(host, json, random, places, first.orgId(), first.body(), n));
      System.out.println(middle);
    }
  }

  private static String copy(PactHostService host, ObjectMapper json, SplittableRandom random, List<String> places,
      long orgId, byte[] body, int n) {
    try {
      String middle = null;
      for (int i = 1; i < n; i++) {
        ObjectNode f = (ObjectNode) json.readTree(body);
        UUID id = new UUID(random.nextLong(), random.nextLong());
        f.put("id", id.toString());
        String product = "urn:pact:tanji.example:product-id:bench-" + i;
        f.putArray("productIds").add(product);
        f.remove("precedingPfIds");
        ObjectNode pcf = (ObjectNode) f.get("pcf");
        pcf.put("geographyCountrySubdivision", places.get(i % places.size()));
        String year = i % 2 == 0 ? "2024" : "2025";
        pcf.put("referencePeriodStart", year + "-01-01T00:00:00Z");
        pcf.put("referencePeriodEnd", (Integer.parseInt(year) + 1) + "-01-01T00:00:00Z");
        f.remove("validityPeriodStart");
        f.remove("validityPeriodEnd");
        host.freeze(orgId, new UUID(random.nextLong(), random.nextLong()), 1, id, f);
        if (i == n / 2) {
          middle = product;
        }
      }
      return middle;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
