package com.telco.billing.devkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The DEV-ONLY token signing key: an ES256 key pair kept in a folder ({@code var/dev-keys} for
 * {@code bin/billing dev}, a temporary folder for tests), the public half as a JWK set file a dev
 * node is configured to trust, the private half used by {@code bin/billing token} and the tests to
 * sign bearer tokens. No production configuration refers to it: a production node trusts its
 * identity provider's JWKS URL (docs/security.md).
 */
public final class DevKeys {
  /** The issuer of dev tokens. */
  public static final String ISSUER = "billing-dev-only";

  /** The audience of every token (the node's default {@code billing.security.jwt.audience}). */
  public static final String AUDIENCE = "billing-api";

  /** Every role name, for tests that call every endpoint. */
  public static final List<String> ALL_ROLES =
      List.of(
          "mediation",
          "order-management",
          "catalog-manager",
          "finance",
          "collections",
          "ops",
          "auditor",
          "admin");

  static final String PRIVATE_FILE = "dev-signing-key.jwk.json";
  static final String PUBLIC_FILE = "dev-jwks.json";

  private static DevKeys ephemeral;

  private final ECKey key;
  private final Path publicKeySet;

  private DevKeys(ECKey key, Path publicKeySet) {
    this.key = key;
    this.publicKeySet = publicKeySet;
  }

  /** The key kept in {@code dir}, created there on first use. */
  public static synchronized DevKeys in(Path dir) {
    try {
      Files.createDirectories(dir);
      Path privateFile = dir.resolve(PRIVATE_FILE);
      Path publicFile = dir.resolve(PUBLIC_FILE);
      ECKey key;
      if (Files.exists(privateFile)) {
        key = ECKey.parse(Files.readString(privateFile, StandardCharsets.UTF_8));
      } else {
        key =
            new ECKeyGenerator(Curve.P_256)
                .keyID("billing-dev-only-" + UUID.randomUUID())
                .algorithm(JWSAlgorithm.ES256)
                .generate();
        writeAtomically(privateFile, key.toJSONString(), true);
      }
      writeAtomically(publicFile, new JWKSet(key.toPublicJWK()).toString(true), false);
      return new DevKeys(key, publicFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the dev signing key in " + dir, e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("the dev signing key in " + dir + " is unusable", e);
    }
  }

  /** A key of this JVM only, in a temporary folder: what tests and benchmarks use. */
  public static synchronized DevKeys ephemeral() {
    if (ephemeral == null) {
      try {
        Path dir = Files.createTempDirectory("billing-dev-keys");
        dir.toFile().deleteOnExit();
        ephemeral = in(dir);
        dir.resolve(PRIVATE_FILE).toFile().deleteOnExit();
        dir.resolve(PUBLIC_FILE).toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ephemeral;
  }

  /** Whether this JVM made its {@link #ephemeral} key (it started a node that trusts it). */
  public static synchronized boolean ephemeralExists() {
    return ephemeral != null;
  }

  /** The public key set file a node trusts. */
  public Path publicKeySet() {
    return publicKeySet;
  }

  /** The node settings that make it trust this key. */
  public Config nodeConfig() {
    return ConfigFactory.parseMap(
        Map.of(
            "billing.security.jwt.public-key-file",
            publicKeySet.toString(),
            "billing.security.jwt.issuer",
            ISSUER));
  }

  /** The environment of a node process that trusts this key. */
  public Map<String, String> nodeEnvironment() {
    return Map.of(
        "BILLING_JWT_PUBLIC_KEY_FILE", publicKeySet.toString(), "BILLING_JWT_ISSUER", ISSUER);
  }

  /** A token for {@code subject} with {@code roles}, valid from now for {@code ttl}. */
  public String token(String subject, Collection<String> roles, Duration ttl) {
    Instant now = Instant.now();
    return sign(
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(subject)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .claim("roles", List.copyOf(roles))
            .build());
  }

  /** A token with every role, valid for a day: what end-to-end tests send. */
  public String allRolesToken() {
    return token("dev-tests", ALL_ROLES, Duration.ofDays(1));
  }

  /** Any claims, signed by this key: tests build refused tokens with it. */
  public String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with the dev key", e);
    }
  }

  private static void writeAtomically(Path file, String content, boolean secret)
      throws IOException {
    Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    if (secret) {
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's own permissions apply
      }
    }
    Files.writeString(temp, content, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
