package com.telco.billing.node.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An API key as stored: who it is for, its roles and expiry, and the hash of its secret (and,
 * during a rotation's grace period, of the secret it replaced). The secret itself is never stored.
 *
 * <p>Secrets are 256 random bits, so a single SHA-256 is the right hash: nothing is gained from a
 * slow password hash against guessing a value that has no dictionary, and each request pays one
 * hash only.
 */
public record ApiKey(
    String id,
    String name,
    Set<Role> roles,
    Instant createdAt,
    String createdBy,
    Instant expiresAt,
    byte[] secretHash,
    byte[] previousHash,
    Instant previousValidUntil,
    Instant rotatedAt) {

  /** Key ids: {@code ak_} and 16 hex digits. */
  public static final Pattern ID = Pattern.compile("ak_[0-9a-f]{16}");

  private static final SecureRandom RANDOM = new SecureRandom();

  public ApiKey {
    roles = Set.copyOf(roles);
  }

  /** Whether {@code secret} opens this key at {@code now}. */
  public boolean admits(String secret, Instant now) {
    if (!now.isBefore(expiresAt)) {
      return false;
    }
    byte[] hash = hash(secret);
    if (MessageDigest.isEqual(hash, secretHash)) {
      return true;
    }
    return previousHash != null
        && previousValidUntil != null
        && now.isBefore(previousValidUntil)
        && MessageDigest.isEqual(hash, previousHash);
  }

  /** The caller the key stands for. */
  public Principal principal() {
    return new Principal(TokenVerifier.API_KEY_SUBJECTS + id, roles, id);
  }

  /** This key with a new secret; the current one stays valid until {@code graceUntil}. */
  public ApiKey rotated(String newSecret, Instant now, Instant graceUntil) {
    return new ApiKey(
        id,
        name,
        roles,
        createdAt,
        createdBy,
        expiresAt,
        hash(newSecret),
        secretHash,
        graceUntil,
        now);
  }

  /** A new random key id. */
  public static String newId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "ak_" + HexFormat.of().formatHex(bytes);
  }

  /** A new random secret: 256 bits, base64url. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form of a secret. */
  public static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Without the hashes. */
  @Override
  public String toString() {
    return "ApiKey[" + id + ", " + name + ", " + roles + ", expires " + expiresAt + "]";
  }
}
