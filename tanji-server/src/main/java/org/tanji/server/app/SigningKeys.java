package org.tanji.server.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.tanji.server.store.Database;
import org.tanji.server.store.KeyRepository;
import org.tanji.server.store.StoreException;

/**
 * Each organization's key for signing the PDFs it issues: an EC (P-256) key pair and a self-signed X.509
 * certificate made on first need (or a PKCS#12 its admin uploads), kept in the database as a
 * PKCS#12 whose password is derived (HMAC-SHA256) from the server's key secret, so that the
 * database alone does not reveal a private key.
 */
public final class SigningKeys {

  private static final String ALIAS = "tanji";

  private final Database db;
  private final Env env;
  private final byte[] secret;
  private final KeyRepository repo = new KeyRepository();

  /** @param secret the server's key secret (at least 32 bytes), the same for every process on one database */
  public SigningKeys(Database db, Env env, byte[] secret) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("a key secret has at least 32 bytes");
    }
    this.db = db;
    this.env = env;
    this.secret = secret.clone();
  }

  /** A private key and its certificate chain, the signer's certificate first. */
  public record Key(PrivateKey privateKey, List<X509Certificate> chain) {
    public X509Certificate certificate() {
      return chain.get(0);
    }
  }

  /** The organization's key, made now when it has none. */
  public Key of(long orgId, String orgName) {
    byte[] stored = db.inTransaction(h -> repo.find(h, orgId)).orElse(null);
    if (stored == null) {
      byte[] made = generate(orgId, orgName);
      try {
        db.inTransaction(h -> {
          if (repo.find(h, orgId).isEmpty()) {
            repo.put(h, orgId, made, "generated", "CN=" + orgName, env.now());
          }
          return null;
        });
      } catch (StoreException e) {
        if (!e.isUniqueViolation()) {
          throw e; // else another process made one at the same moment: theirs is the one
        }
      }
      stored = db.inTransaction(h -> repo.find(h, orgId)).orElseThrow();
    }
    return open(stored, password(orgId));
  }

  /**
   * Replaces the organization's key with one from a PKCS#12 file (its admin's own certificate).
   *
   * @throws AppException.Invalid when the file cannot be opened with the password, or holds no key
   */
  public X509Certificate upload(org.tanji.server.domain.Principal who, byte[] pkcs12, String password) {
    Policy.requireAdmin(who);
    Key key;
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(new ByteArrayInputStream(pkcs12), password == null ? new char[0] : password.toCharArray());
      String alias = null;
      for (String a : java.util.Collections.list(ks.aliases())) {
        if (ks.isKeyEntry(a)) {
          alias = a;
          break;
        }
      }
      if (alias == null) {
        throw new AppException.Invalid("BAD_KEY", "key.noKey");
      }
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : ks.getCertificateChain(alias)) {
        chain.add((X509Certificate) c);
      }
      key = new Key((PrivateKey) ks.getKey(alias, password == null ? new char[0] : password.toCharArray()), chain);
    } catch (IOException | GeneralSecurityException | ClassCastException e) {
      throw new AppException.Invalid("BAD_KEY", "key.unreadable");
    }
    byte[] sealed = seal(key, password(who.orgId()));
    db.inTransaction(h -> {
      repo.put(h, who.orgId(), sealed, "uploaded", key.certificate().getSubjectX500Principal().getName(), env.now());
      return null;
    });
    return key.certificate();
  }

  private byte[] generate(long orgId, String orgName) {
    try {
      // ECDSA on P-256: as strong as RSA 3072, made in milliseconds rather than seconds
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"), env.random());
      KeyPair pair = g.generateKeyPair();
      Instant now = env.now();
      var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, orgName).addRDN(BCStyle.O, orgName)
          .build();
      JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, env.random()),
          Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
          pair.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
          b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      return seal(new Key(pair.getPrivate(), List.of(cert)), password(orgId));
    } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
        | org.bouncycastle.cert.CertIOException e) {
      throw new IllegalStateException("making a signing key: " + e.getMessage(), e);
    }
  }

  private static byte[] seal(Key key, char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(ALIAS, key.privateKey(), password, key.chain().toArray(new Certificate[0]));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ks.store(out, password);
      return out.toByteArray();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("sealing a signing key: " + e.getMessage(), e);
    }
  }

  private static Key open(byte[] pkcs12, char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(new ByteArrayInputStream(pkcs12), password);
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : ks.getCertificateChain(ALIAS)) {
        chain.add((X509Certificate) c);
      }
      return new Key((PrivateKey) ks.getKey(ALIAS, password), chain);
    } catch (IOException | GeneralSecurityException e) {
      // the key secret is not the one the key was sealed with: a configuration mistake, not a user's
      throw new IllegalStateException("cannot open the organization's signing key: is TANJI_KEY_SECRET the one it"
          + " was made with?", e);
    }
  }

  private char[] password(long orgId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(("org-signing-key:" + orgId).getBytes(StandardCharsets.UTF_8)))
          .toCharArray();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java has HmacSHA256", e);
    }
  }
}
