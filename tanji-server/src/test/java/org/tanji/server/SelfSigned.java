package org.tanji.server;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made when a test runs: as a PKCS#12
 * keystore, as PEM files, and as a client that trusts it (and nothing else).
 */
final class SelfSigned {

  static final String PASSWORD = "test-keystore-pw";

  final Path keystore;
  final Path certificatePem;
  final Path keyPem;
  final X509Certificate certificate;

  private SelfSigned(Path keystore, Path certificatePem, Path keyPem, X509Certificate certificate) {
    this.keystore = keystore;
    this.certificatePem = certificatePem;
    this.keyPem = keyPem;
    this.certificate = certificate;
  }

  static SelfSigned make(Path dir) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(256, new SecureRandom());
      KeyPair pair = g.generateKeyPair();
      X500Name subject = new X500Name("CN=localhost");
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
          Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))), subject,
          pair.getPublic());
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
          b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("server", pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {cert});
      Path keystore = dir.resolve("server.p12");
      try (OutputStream out = Files.newOutputStream(keystore)) {
        ks.store(out, PASSWORD.toCharArray());
      }
      Path certPem = dir.resolve("server.crt");
      Path keyPem = dir.resolve("server.key");
      try (Writer w = Files.newBufferedWriter(certPem); JcaPEMWriter pem = new JcaPEMWriter(w)) {
        pem.writeObject(cert);
      }
      try (Writer w = Files.newBufferedWriter(keyPem); JcaPEMWriter pem = new JcaPEMWriter(w)) {
        pem.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(pair.getPrivate(), null)); // BEGIN PRIVATE KEY
      }
      return new SelfSigned(keystore, certPem, keyPem, cert);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP client that trusts this certificate only. */
  HttpClient client() {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("server", certificate);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), new SecureRandom());
      return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
