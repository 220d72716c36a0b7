package org.tanji.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TLS key and certificate files a server is started with: read, or refused with the file named. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class TlsConnectorTest {

  private Path dir;
  private SelfSigned cert;

  @BeforeAll
  void make() throws IOException {
    dir = Files.createTempDirectory("tanji-tls");
    cert = SelfSigned.make(dir);
    Files.writeString(dir.resolve("garbage.txt"), "not a key or a certificate", StandardCharsets.US_ASCII);
    KeyStore trustOnly;
    try {
      trustOnly = KeyStore.getInstance("PKCS12");
      trustOnly.load(null, null);
      trustOnly.setCertificateEntry("ca", cert.certificate);
      try (var out = Files.newOutputStream(dir.resolve("cert-only.p12"))) {
        trustOnly.store(out, "pw-cert-only".toCharArray());
      }
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void keystore_opened() throws Exception {
    KeyStore ks = TlsConnector.keyStore(ServerConfig.Tls.keystore(cert.keystore, SelfSigned.PASSWORD));
    assertThat(Collections.list(ks.aliases())).containsExactly("server");
  }

  @Test
  void pem_certificateAndPkcs8Key_becomeOneKeyEntry() throws Exception {
    KeyStore ks = TlsConnector.keyStore(ServerConfig.Tls.pem(cert.certificatePem, cert.keyPem));
    assertThat(ks.isKeyEntry("tanji")).isTrue();
    assertThat(ks.getCertificate("tanji")).isEqualTo(cert.certificate);
  }

  @ParameterizedTest
  @CsvSource({
      "server.p12, wrong-password, TLS keystore, cannot be opened with the password",
      "missing.p12, x, TLS keystore, cannot be opened",
      "garbage.txt, x, TLS keystore, cannot be opened",
      "cert-only.p12, pw-cert-only, TLS keystore, holds no private key"})
  void keystore_unusable_refusedNamingTheFile(String file, String password, String what, String why) {
    Path f = dir.resolve(file);
    assertThatThrownBy(() -> TlsConnector.keyStore(ServerConfig.Tls.keystore(f, password)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(what + " " + f).hasMessageContaining(why);
  }

  @ParameterizedTest
  @CsvSource({
      "missing.crt, server.key, TLS certificate, no such file",
      "garbage.txt, server.key, TLS certificate, cannot be read",
      "server.crt, garbage.txt, TLS key, holds no unencrypted private key",
      "server.crt, server.crt, TLS key, holds no unencrypted private key",
      "server.crt, missing.key, TLS key, no such file"})
  void pem_unusable_refusedNamingTheFile(String certFile, String keyFile, String what, String why) {
    Path c = dir.resolve(certFile);
    Path k = dir.resolve(keyFile);
    assertThatThrownBy(() -> TlsConnector.keyStore(ServerConfig.Tls.pem(c, k)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(what).hasMessageContaining(why);
  }

  @Test
  void tls_keystoreAndPemTogether_refused() {
    assertThatThrownBy(() -> new ServerConfig.Tls(java.util.Optional.of(cert.keystore), "",
        java.util.Optional.of(cert.certificatePem), java.util.Optional.of(cert.keyPem)))
        .hasMessageContaining("a keystore, or a certificate and its key");
  }
}
