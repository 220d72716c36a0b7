import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Times GET requests of the PACT host one after another (one client, one connection kept open, as a
 * customer's system pages through a list) for bench/pact-list.sh: WARMUP requests first, then RUNS
 * timed ones; prints the median, p99 and max in milliseconds, the answer's size and how many
 * footprints it held. Trusts any certificate: the benchmark's server has a self-signed one.
 *
 * <pre>
 *   java bench/PactList.java BASE_URL TOKEN PATH WARMUP RUNS
 * </pre>
 * Prints one line: {@code PATH  p50 ms  p99 ms  max ms  bytes  footprints}.
 */
public final class PactList {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    String token = args[1];
    String path = args[2];
    int warmup = Integer.parseInt(args[3]);
    int runs = Integer.parseInt(args[4]);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, new TrustManager[] {new X509TrustManager() {
      public void checkClientTrusted(X509Certificate[] c, String a) {}
      public void checkServerTrusted(X509Certificate[] c, String a) {}
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, new SecureRandom());
    System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
    HttpClient client = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30)).build();
    long[] ns = new long[runs];
    String body = "";
    for (int i = 0; i < warmup + runs; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
      long t = System.nanoTime() - t0;
      if (r.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
      }
      if (i >= warmup) {
        ns[i - warmup] = t;
      }
      body = r.body();
    }
    Arrays.sort(ns);
    int footprints = body.split("\"specVersion\"", -1).length - 1;
    System.out.printf(Locale.ROOT, "%-75s %7.1f %7.1f %7.1f %9d %5d%n", path, ns[runs / 2] / 1e6,
        ns[(int) Math.ceil(runs * 0.99) - 1] / 1e6, ns[runs - 1] / 1e6, body.length(), footprints);
  }
}
