package org.tanji.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Collections;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS connector of a server with TLS: Jetty's, over the keystore or PEM files of the
 * configuration, read once at start. A file that cannot be used stops the start with a message
 * naming it and what it should hold.
 */
final class TlsConnector {

  private static final String ALIAS = "tanji";

  private TlsConnector() {}

  /**
   * The connector, listening on the host and port given.
   *
   * @throws IllegalArgumentException when a file is missing, unreadable, or holds no usable key and certificate
   */
  static ServerConnector of(Server server, HttpConfiguration http, ServerConfig.Tls tls, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(keyStore(tls));
    ssl.setKeyStorePassword(tls.keystore().isPresent() ? tls.keystorePassword() : ALIAS);
    ssl.setKeyManagerPassword(tls.keystore().isPresent() ? tls.keystorePassword() : ALIAS);
    HttpConfiguration https = new HttpConfiguration(http);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // a self-signed or internal certificate often names another host than the one a client dials
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
        new HttpConnectionFactory(https));
    c.setHost(host);
    c.setPort(port);
    return c;
  }

  static KeyStore keyStore(ServerConfig.Tls tls) {
    if (tls.keystore().isPresent()) {
      Path file = tls.keystore().get();
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("TLS keystore " + file + " cannot be opened: no such file");
      }
      try {
        KeyStore ks = KeyStore.getInstance(file.toFile(), tls.keystorePassword().toCharArray());
        boolean hasKey = false;
        for (String alias : Collections.list(ks.aliases())) {
          hasKey |= ks.isKeyEntry(alias);
        }
        if (!hasKey) {
          throw new IllegalArgumentException("TLS keystore " + file + " holds no private key: it needs the server's"
              + " key with its certificate");
        }
        return ks;
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalArgumentException("TLS keystore " + file + " cannot be opened with the password given"
            + " (a PKCS#12 or JKS file is expected): " + e.getMessage(), e);
      }
    }
    Path certFile = tls.certificate().orElseThrow();
    Path keyFile = tls.privateKey().orElseThrow();
    Collection<? extends Certificate> chain;
    try (InputStream in = Files.newInputStream(certFile)) {
      chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("TLS certificate " + certFile + " cannot be read (PEM certificates,"
          + " the server's first, are expected): " + message(e), e);
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("TLS certificate " + certFile + " holds no certificate");
    }
    PrivateKey key = privateKey(keyFile);
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(ALIAS, key, ALIAS.toCharArray(), chain.toArray(new Certificate[0]));
      return ks;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("TLS key " + keyFile + " does not go with certificate " + certFile + ": "
          + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(r)) {
      Object o = pem.readObject();
      JcaPEMKeyConverter convert = new JcaPEMKeyConverter();
      if (o instanceof PEMKeyPair pair) {
        // openssl's traditional formats (BEGIN RSA / EC PRIVATE KEY) carry the public key too
        return pair.getPublicKeyInfo() != null ? convert.getKeyPair(pair).getPrivate()
            : convert.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (o instanceof PrivateKeyInfo info) {
        return convert.getPrivateKey(info);
      }
      throw new IllegalArgumentException("TLS key " + file + " holds no unencrypted private key in PEM"
          + " (BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY)");
    } catch (IOException e) {
      throw new IllegalArgumentException("TLS key " + file + " cannot be read: " + message(e), e);
    }
  }

  private static String message(Exception e) {
    return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
  }
}
