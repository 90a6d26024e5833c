package com.telco.billing.node.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens: what is accepted, and every way a token is refused. */
class TokenVerifierTest {
  private static final String ISSUER = "https://idp.example.test/";
  private static final String AUDIENCE = "billing-api";

  private static ECKey ecKey;
  private static RSAKey rsaKey;
  private static ECKey strangerKey;

  @TempDir static Path dir;
  private static TokenVerifier verifier;

  @BeforeAll
  static void keys() throws Exception {
    ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    strangerKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(
        jwks, new JWKSet(List.of(ecKey.toPublicJWK(), rsaKey.toPublicJWK())).toString());
    verifier = TokenVerifier.from(settings("", jwks.toString()), Clock.systemUTC());
  }

  static SecuritySettings.JwtSettings settings(String url, String file) {
    return new SecuritySettings.JwtSettings(
        url, file, ISSUER, AUDIENCE, "roles", Duration.ofSeconds(30), 100);
  }

  static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("alice")
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now.minusSeconds(1)))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .claim("roles", List.of("finance", "ops", "no-such-role"));
  }

  static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  static String es256(JWTClaimsSet claims) throws Exception {
    return sign(new ECDSASigner(ecKey), JWSAlgorithm.ES256, "ec-1", claims);
  }

  @Test
  void es256AndRs256TokensAreAccepted() throws Exception {
    Principal p = verifier.verify(es256(claims().build()));
    assertEquals("alice", p.subject());
    assertEquals(Set.of(Role.FINANCE, Role.OPS), p.roles());
    Principal r =
        verifier.verify(
            sign(new RSASSASigner(rsaKey), JWSAlgorithm.RS256, "rsa-1", claims().build()));
    assertEquals(Set.of(Role.FINANCE, Role.OPS), r.roles());
  }

  @Test
  void expiredNotYetValidWrongAudienceWrongIssuerAndNoSubjectAreRefused() throws Exception {
    Instant now = Instant.now();
    List<JWTClaimsSet> bad =
        List.of(
            claims().expirationTime(Date.from(now.minusSeconds(120))).build(),
            claims().notBeforeTime(Date.from(now.plusSeconds(300))).build(),
            claims().audience("someone-else").build(),
            claims().issuer("https://evil.example.test/").build(),
            claims().subject(null).build(),
            claims().expirationTime(null).build());
    for (JWTClaimsSet c : bad) {
      String token = es256(c);
      assertThrows(AuthenticationFailure.class, () -> verifier.verify(token), c.toString());
    }
  }

  @Test
  void clockSkewIsTolerated() throws Exception {
    Instant now = Instant.now();
    String justExpired = es256(claims().expirationTime(Date.from(now.minusSeconds(10))).build());
    assertEquals("alice", verifier.verify(justExpired).subject());
  }

  @Test
  void unsignedHmacTamperedAndForeignTokensAreRefused() throws Exception {
    String none = new PlainJWT(claims().build()).serialize();
    // HS256 keyed with the public key's bytes: the classic algorithm confusion
    byte[] secret = ecKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    String hmac = sign(new MACSigner(secret), JWSAlgorithm.HS256, "ec-1", claims().build());
    String good = es256(claims().build());
    String[] parts = good.split("\\.");
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                claims()
                    .claim("roles", List.of("admin"))
                    .build()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8));
    String tampered = parts[0] + "." + forged + "." + parts[2];
    String badSignature =
        parts[0] + "." + parts[1] + "." + Base64URL.encode(new byte[64]).toString();
    String foreign =
        sign(new ECDSASigner(strangerKey), JWSAlgorithm.ES256, "ec-1", claims().build());
    for (String token : List.of(none, hmac, tampered, badSignature, foreign, "", "abc", "a.b.c")) {
      assertThrows(AuthenticationFailure.class, () -> verifier.verify(token), token);
    }
  }

  @Test
  void aVerifiedTokenIsRefusedOnceItExpires() throws Exception {
    Instant now = Instant.now();
    String shortLived = es256(claims().expirationTime(Date.from(now.plusSeconds(5))).build());
    MutableClock clock = new MutableClock(now);
    TokenVerifier later =
        TokenVerifier.from(settings("", dir.resolve("jwks.json").toString()), clock);
    assertEquals("alice", later.verify(shortLived).subject());
    assertEquals("alice", later.verify(shortLived).subject());
    clock.now = now.plusSeconds(600);
    assertThrows(AuthenticationFailure.class, () -> later.verify(shortLived));
  }

  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void aPemPublicKeyFileIsAccepted() throws Exception {
    Path pem = dir.resolve("key.pem");
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(rsaKey.toRSAPublicKey().getEncoded());
    Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
    TokenVerifier fromPem = TokenVerifier.from(settings("", pem.toString()), Clock.systemUTC());
    String token = sign(new RSASSASigner(rsaKey), JWSAlgorithm.RS256, null, claims().build());
    assertEquals("alice", fromPem.verify(token).subject());
    assertThrows(AuthenticationFailure.class, () -> fromPem.verify(es256(claims().build())));
  }

  @Test
  void keysAreFetchedFromAJwksUrl() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    byte[] body = new JWKSet(ecKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/jwks",
        exchange -> {
          fetches.incrementAndGet();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
      TokenVerifier remote = TokenVerifier.from(settings(url, ""), Clock.systemUTC());
      assertTrue(remote.fetchesKeys());
      assertEquals("alice", remote.verify(es256(claims().build())).subject());
      assertEquals("alice", remote.verify(es256(claims().subject("alice").build())).subject());
      assertEquals(1, fetches.get(), "the key set is cached");
      String foreign =
          sign(new ECDSASigner(strangerKey), JWSAlgorithm.ES256, "ec-1", claims().build());
      assertThrows(AuthenticationFailure.class, () -> remote.verify(foreign));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aTokenCannotPoseAsAnApiKey() throws Exception {
    String token = es256(claims().subject("api-key:ak_0123456789abcdef").build());
    assertThrows(AuthenticationFailure.class, () -> verifier.verify(token));
  }

  @Test
  void rolesAreReadFromANestedClaim() throws Exception {
    TokenVerifier keycloak =
        TokenVerifier.from(
            new SecuritySettings.JwtSettings(
                "",
                dir.resolve("jwks.json").toString(),
                ISSUER,
                AUDIENCE,
                "realm_access.roles",
                Duration.ofSeconds(30),
                100),
            Clock.systemUTC());
    String token =
        es256(
            claims()
                .claim("roles", null)
                .claim("realm_access", java.util.Map.of("roles", List.of("auditor", "other")))
                .build());
    assertEquals(Set.of(Role.AUDITOR), keycloak.verify(token).roles());
    String noRoles = es256(claims().claim("roles", null).build());
    assertEquals(Set.of(), keycloak.verify(noRoles).roles());
    String notAList =
        es256(claims().claim("realm_access", java.util.Map.of("roles", "auditor")).build());
    assertThrows(AuthenticationFailure.class, () -> keycloak.verify(notAList));
  }

  @Test
  void anUnreachableKeySetIsNotABadToken() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    int port = server.getAddress().getPort();
    server.stop(0);
    TokenVerifier remote =
        TokenVerifier.from(settings("http://127.0.0.1:" + port + "/jwks", ""), Clock.systemUTC());
    String token = es256(claims().build());
    assertThrows(KeysUnavailable.class, () -> remote.verify(token));
  }

  @Test
  void anUnreadableKeyFileStopsTheNode() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TokenVerifier.from(settings("", dir.resolve("missing").toString()), Clock.systemUTC()));
  }
}
