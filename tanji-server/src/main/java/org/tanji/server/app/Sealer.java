package org.tanji.server.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets the server must use again later (a supplier's PACT client secret): AES-256-GCM under a
 * key derived (HMAC-SHA256) from the server's key secret and a purpose, so the database alone does
 * not reveal them. Sealed bytes are a 12-byte nonce followed by the cipher text and its tag.
 */
public final class Sealer {

  private static final int NONCE = 12;

  private final byte[] secret;
  private final String purpose;
  private final SecureRandom random;
  // derived at the first seal or open: the JDK's JCE provider that HMAC needs takes ~16 ms of a
  // server's start to load (bench/startup-profile.sh), and most starts seal nothing
  private final Lazy<SecretKeySpec> key = Lazy.of(this::derive);

  /**
   * @param secret the server's key secret (at least 32 bytes), the same for every process on one database
   * @param purpose what the key seals, so keys for different purposes differ
   */
  public Sealer(byte[] secret, String purpose, SecureRandom random) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("a key secret has at least 32 bytes");
    }
    this.secret = secret.clone();
    this.purpose = purpose;
    this.random = random;
  }

  /** The sealing key: HMAC-SHA256 of the purpose under the key secret. */
  private SecretKeySpec derive() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return new SecretKeySpec(mac.doFinal(("seal:" + purpose).getBytes(StandardCharsets.UTF_8)), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java has HmacSHA256", e);
    }
  }

  /** The text, sealed. */
  public byte[] seal(String text) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(128, nonce));
      byte[] sealed = c.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java has AES-GCM", e);
    }
  }

  /**
   * The text sealed in these bytes.
   *
   * @throws IllegalStateException when they were not sealed under this key (the key secret changed)
   */
  public String open(byte[] sealed) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(128, sealed, 0, NONCE));
      return new String(c.doFinal(sealed, NONCE, sealed.length - NONCE), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // a configuration mistake, not a user's: the secret is not the one the value was sealed with
      throw new IllegalStateException("cannot open a sealed secret: is TANJI_KEY_SECRET the one it was sealed with?",
          e);
    }
  }
}
