package org.tanji.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How a server runs. Build one with {@link #defaults(Path)} and the {@code with…} methods.
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
 * @param clock the time (tests move it)
 * @param log where unexpected failures are written
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
    Clock clock,
    PrintStream log) {

  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(12);
  public static final long DEFAULT_MAX_REQUEST = 32L * 1024 * 1024;

  public static ServerConfig defaults(Path dataDir) {
    return new ServerConfig("127.0.0.1", DEFAULT_PORT, dataDir, null, null, null, DEFAULT_TOKEN_TTL,
        DEFAULT_MAX_REQUEST, 256L * 1024 * 1024, 30, null, Clock.systemUTC(), System.err);
  }

  public ServerConfig withHost(String h) {
    return new ServerConfig(h, port, dataDir, dbUrl, dbUser, dbPassword, tokenTtl, maxRequestBytes, cacheBytes,
        loginsPerMinute, adminPassword, clock, log);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(host, p, dataDir, dbUrl, dbUser, dbPassword, tokenTtl, maxRequestBytes, cacheBytes,
        loginsPerMinute, adminPassword, clock, log);
  }

  public ServerConfig withDatabase(String url, String user, String password) {
    return new ServerConfig(host, port, dataDir, url, user, password, tokenTtl, maxRequestBytes, cacheBytes,
        loginsPerMinute, adminPassword, clock, log);
  }

  public ServerConfig withTokenTtl(Duration ttl) {
    return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, ttl, maxRequestBytes, cacheBytes,
        loginsPerMinute, adminPassword, clock, log);
  }

  public ServerConfig withMaxRequestBytes(long max) {
    return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, tokenTtl, max, cacheBytes,
        loginsPerMinute, adminPassword, clock, log);
  }

  public ServerConfig withAdminPassword(String pw) {
    return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, tokenTtl, maxRequestBytes, cacheBytes,
        loginsPerMinute, pw, clock, log);
  }

  public ServerConfig withLoginsPerMinute(int n) {
    return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, tokenTtl, maxRequestBytes, cacheBytes,
        n, adminPassword, clock, log);
  }

  public ServerConfig withClock(Clock c) {
    return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, tokenTtl, maxRequestBytes, cacheBytes,
        loginsPerMinute, adminPassword, c, log);
  }

  public ServerConfig withLog(PrintStream l) {
    return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, tokenTtl, maxRequestBytes, cacheBytes,
        loginsPerMinute, adminPassword, clock, l);
  }
}
