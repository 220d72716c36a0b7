package org.tanji.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a server runs. Made with {@link #builder(Path)}.
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param dataDir where the embedded database lives (and files the server keeps)
 * @param dbUrl a JDBC URL, or null for the embedded H2 database in {@code dataDir}
 * @param dbUser database user, or null (the embedded database needs none)
 * @param dbPassword database password, or null
 * @param tokenTtl how long a sign-in token is valid
 * @param maxRequestBytes the largest request body accepted
 * @param cacheBytes memory kept for computed results and reports
 * @param loginsPerMinute sign-in attempts accepted per client address and minute
 * @param adminPassword the first admin's password, or null to generate one
 * @param demo whether the first start also creates the demo organization with the example studies
 * @param demoPassword the demo user's password, or null to generate one
 * @param clock the time, and the zone times are shown in (tests move it)
 * @param log where unexpected failures are written
 * @param trustProxy whether the {@code X-Forwarded-Proto} and {@code X-Forwarded-For} headers are
 *     believed: only behind a proxy that sets them on every request
 * @param extraAdapters interfaces served besides the API and the pages, asked first for each path
 * @param keySecret the secret the organizations' signing keys are sealed with (at least 32 bytes; the
 *     same for every process on one database), or null to keep one in the data directory
 * @param verifyPerMinute requests a client address may make a minute to the public verification page
 * @param publicUrl the address outsiders reach the server at, printed on issued reports before
 *     {@code /verify/CODE}; null prints the path alone
 * @param tls the key and certificate to serve HTTPS with; empty serves plain HTTP (and no PACT)
 * @param pactQueue PACT footprint requests an organization may have waiting for their answer at once; more are refused (429)
 */
public record ServerConfig(
    String host,
    int port,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    Duration tokenTtl,
    long maxRequestBytes,
    long cacheBytes,
    int loginsPerMinute,
    String adminPassword,
    boolean demo,
    String demoPassword,
    Clock clock,
    PrintStream log,
    boolean trustProxy,
    List<org.tanji.server.adapter.Wiring.Factory> extraAdapters,
    byte[] keySecret,
    int verifyPerMinute,
    String publicUrl,
    Optional<Tls> tls,
    int pactQueue) {

  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(12);
  public static final long DEFAULT_MAX_REQUEST = 32L * 1024 * 1024;

  /**
   * What HTTPS is served with: a keystore (PKCS#12 or JKS) and its password, or a certificate chain
   * and a private key in PEM files.
   */
  public record Tls(Optional<Path> keystore, String keystorePassword, Optional<Path> certificate,
      Optional<Path> privateKey) {

    public Tls {
      if (keystore.isPresent() == certificate.isPresent() || certificate.isPresent() != privateKey.isPresent()) {
        throw new IllegalArgumentException("TLS takes a keystore, or a certificate and its key");
      }
    }

    /** A PKCS#12 or JKS keystore holding one private key with its certificate chain. */
    public static Tls keystore(Path file, String password) {
      return new Tls(Optional.of(file), password == null ? "" : password, Optional.empty(), Optional.empty());
    }

    /** A certificate chain (server first) and its private key, in PEM files. */
    public static Tls pem(Path certificate, Path privateKey) {
      return new Tls(Optional.empty(), "", Optional.of(certificate), Optional.of(privateKey));
    }

    /** Without the password. */
    @Override
    public String toString() {
      return "Tls[" + keystore.or(() -> certificate).orElseThrow() + "]";
    }
  }

  /** Without the passwords, which a record would otherwise print. */
  @Override
  public String toString() {
    return "ServerConfig[" + host + ":" + port + ", data " + dataDir + ", db "
        + (dbUrl == null ? "embedded H2" : org.tanji.server.store.Database.redact(dbUrl)) + "]";
  }

  /** The defaults: 127.0.0.1:8080, embedded H2 in the folder, 12 h tokens, 32 MB requests. */
  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /** Sets what differs from the defaults. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private final Path dataDir;
    private String dbUrl;
    private String dbUser;
    private String dbPassword;
    private Duration tokenTtl = DEFAULT_TOKEN_TTL;
    private long maxRequestBytes = DEFAULT_MAX_REQUEST;
    private long cacheBytes = 256L * 1024 * 1024;
    private int loginsPerMinute = 30;
    private String adminPassword;
    private boolean demo;
    private String demoPassword;
    private Clock clock = Clock.systemDefaultZone();
    private PrintStream log = System.err;
    private boolean trustProxy;
    private byte[] keySecret;
    private int verifyPerMinute = 60;
    private String publicUrl;
    private Tls tls;
    private int pactQueue = 1000;
    private final List<org.tanji.server.adapter.Wiring.Factory> extraAdapters = new ArrayList<>();

    private Builder(Path dataDir) {
      this.dataDir = dataDir;
    }

    public Builder host(String h) {
      host = h;
      return this;
    }

    public Builder port(int p) {
      port = p;
      return this;
    }

    /** PostgreSQL (or another H2) instead of the embedded database; null keeps the embedded one. */
    public Builder database(String url, String user, String password) {
      dbUrl = url;
      dbUser = user;
      dbPassword = password;
      return this;
    }

    public Builder tokenTtl(Duration ttl) {
      tokenTtl = ttl;
      return this;
    }

    public Builder maxRequestBytes(long max) {
      maxRequestBytes = max;
      return this;
    }

    public Builder loginsPerMinute(int n) {
      loginsPerMinute = n;
      return this;
    }

    public Builder adminPassword(String pw) {
      adminPassword = pw;
      return this;
    }

    /** On the first start, also a demo organization with the example studies (password null: generated). */
    public Builder demo(boolean on, String password) {
      demo = on;
      demoPassword = password;
      return this;
    }

    public Builder clock(Clock c) {
      clock = c;
      return this;
    }

    public Builder log(PrintStream l) {
      log = l;
      return this;
    }

    /** Believe {@code X-Forwarded-Proto} and {@code X-Forwarded-For}: the server is reached only through a proxy. */
    public Builder trustProxy(boolean on) {
      trustProxy = on;
      return this;
    }

    /** One more interface, asked before the API and the pages whether it owns a path. */
    public Builder adapter(org.tanji.server.adapter.Wiring.Factory factory) {
      extraAdapters.add(factory);
      return this;
    }

    /** The secret the signing keys are sealed with (TANJI_KEY_SECRET); null keeps one in the data directory. */
    public Builder keySecret(byte[] secret) {
      keySecret = secret == null ? null : secret.clone();
      return this;
    }

    /** Requests a client address may make a minute to the public verification page (60). */
    public Builder verifyPerMinute(int n) {
      verifyPerMinute = n;
      return this;
    }

    /** The address outsiders reach the server at (https://tanji.example.com), for issued reports' verification. */
    public Builder publicUrl(String url) {
      publicUrl = url;
      return this;
    }

    /** Serve HTTPS with this key and certificate (null: plain HTTP). */
    public Builder tls(Tls t) {
      tls = t;
      return this;
    }

    /** PACT footprint requests that may wait for their answer at once (1000). */
    public Builder pactQueue(int n) {
      pactQueue = n;
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, tokenTtl, maxRequestBytes, cacheBytes,
          loginsPerMinute, adminPassword, demo, demoPassword, clock, log, trustProxy, List.copyOf(extraAdapters), keySecret, verifyPerMinute, publicUrl,
          Optional.ofNullable(tls), pactQueue);
    }
  }
}
